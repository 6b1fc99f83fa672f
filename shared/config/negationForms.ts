import type { DialectId } from '../contract/device';

/**
 * A negation the device takes in a shorter form than the line it removes: VRP's `undo acl inbound`
 * removes the shown `acl 2001 inbound`, `undo snmp-agent mib-view NMS-VIEW` the shown
 * `snmp-agent mib-view included NMS-VIEW iso`. Without such a rule the planner would find no shown
 * line beginning with the negated text and judge the negation present.
 *
 * Contract: `written` is matched against the whitespace-normalised line the negation names, written
 * positively (`acl inbound` for `undo acl inbound`), anchored by the rule itself. `shown` is a
 * pattern a running line it removes matches (also anchored by the rule); `$<name>` in it stands for
 * the text of the group `name` of `written`, taken literally, or nothing when that group is unset.
 */
export interface NegationFormRule {
  written: string;
  shown: string;
  note?: string;
  /** The form was taken from references, not seen on a device: confirm it on one. */
  unverified?: boolean;
}

const vrpLike: readonly NegationFormRule[] = [
  {
    written: '^acl (?<family>ipv6 )?(?<direction>inbound|outbound)$',
    shown: '^acl $<family>(?:\\d+|name \\S+) $<direction>$',
    note: 'user-interface / line vty: `undo acl inbound` removes `acl 2001 inbound`',
    unverified: true,
  },
  {
    written: '^snmp-agent mib-view (?<view>\\S+)$',
    shown: '^snmp-agent mib-view (?:included|excluded) $<view> \\S+.*$',
    note: '`undo snmp-agent mib-view NMS-VIEW` removes every subtree of the view',
    unverified: true,
  },
];

/**
 * Short negation forms per dialect. IOS-like and Junos negations name the line, or a prefix of
 * it, as shown; none is needed there so far.
 */
export const negationFormRules: Readonly<Record<DialectId, readonly NegationFormRule[]>> = {
  ios: [],
  maipu: [],
  ruijie: [],
  vrp: vrpLike,
  comware: vrpLike,
  junos: [],
};
