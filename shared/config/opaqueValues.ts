import type { DialectId } from '../contract/device';

/**
 * A configuration line whose value cannot be compared with the running configuration, because
 * the device shows it encrypted or hashed (`secret 9 $9$...`, `cipher %^%#...%^%#`, Junos
 * `"$9$..."`) or because our masker replaced it with `******`.
 *
 * Contract: `pattern` is matched against the whitespace-normalised line, anchored by the rule
 * itself; every named group whose name starts with `secret` is an opaque part, and includes the
 * encryption keyword or type digit in front of the value (`7 0822455D0A16`, `cipher x`), since a
 * desired line in clear (`secret Pa55`) and the shown line (`secret 9 $9$x`) differ there too.
 * Two lines with the same text outside their opaque parts are taken as the same line.
 */
export interface OpaqueValueRule {
  pattern: string;
  note?: string;
  /** The display form was inferred, not seen on a device: confirm it on one. */
  unverified?: boolean;
}

/** An optional type digit or encryption keyword, then the value. */
const IOS_VALUE = '(?:\\d+ )?\\S+';
const VRP_VALUE = '(?:(?:cipher|simple|irreversible-cipher|hash) )?\\S+';
const JUNOS_VALUE = '(?:"[^"]*"|\\S+)';

const iosLike: readonly OpaqueValueRule[] = [
  { pattern: `^username \\S+ (?:.* )?(?:secret|password) (?<secret>${IOS_VALUE})$`, note: 'username admin privilege 15 secret 9 $9$...' },
  { pattern: `^enable (?:secret|password) (?:level \\d+ )?(?<secret>${IOS_VALUE})$`, note: 'enable secret 9 ...; FRR enable password x' },
  { pattern: `^password (?<secret>${IOS_VALUE})$`, note: 'line vty `password 7 x`; FRR top-level `password x`' },
  { pattern: `^crypto isakmp key (?<secret>${IOS_VALUE}) (?:address|hostname) \\S+.*$`, note: 'crypto isakmp key 6 x address 203.0.113.2' },
  { pattern: `^pre-shared-key (?:(?:local|remote) )?(?<secret>${IOS_VALUE})$`, note: 'IKEv2 keyring peer' },
  { pattern: '^snmp-server community (?<secret>\\S+)(?: .*)?$', note: 'the community is the secret; our masker hides it' },
  { pattern: `^(?:tacacs-server|radius-server) (?:host \\S+ (?:.* )?)?key (?<secret>${IOS_VALUE})$` },
  { pattern: `^key (?<secret>${IOS_VALUE})$`, note: 'inside `tacacs server X` / `radius server X`' },
  { pattern: `^key-string (?<secret>${IOS_VALUE})$` },
  { pattern: `^ip ospf authentication-key (?<secret>${IOS_VALUE})$` },
  { pattern: `^ip ospf message-digest-key \\d+ md5 (?<secret>${IOS_VALUE})$` },
  { pattern: `^neighbor \\S+ password (?<secret>${IOS_VALUE})$`, note: 'BGP session password, IOS and FRR' },
  { pattern: `^ntp authentication-key \\d+ md5 (?<secret>\\S+)(?: \\d+)?$`, note: 'IOS shows `ntp authentication-key 1 md5 104D000A0618 7`' },
  { pattern: `^credentials username \\S+ password (?<secret>${IOS_VALUE})(?: .*)?$`, note: 'sip-ua registration' },
  { pattern: `^authentication username \\S+ password (?<secret>${IOS_VALUE})(?: .*)?$`, note: 'sip-ua' },
];

const vrpLike: readonly OpaqueValueRule[] = [
  { pattern: `^local-user \\S+ password (?<secret>${VRP_VALUE})$`, note: 'VRP local-user admin password irreversible-cipher x' },
  { pattern: `^password (?<secret>${VRP_VALUE})$`, note: 'Comware local-user view `password hash x`' },
  { pattern: `^set authentication password (?<secret>${VRP_VALUE})$`, note: 'user-interface / line view' },
  { pattern: `^pre-shared-key (?:address \\S+ (?:\\S+ )?key )?(?<secret>${VRP_VALUE})$`, note: 'VRP ike peer; Comware 7 ike keychain' },
  { pattern: '^snmp-agent community (?:read|write) (?<secret>(?:(?:cipher|simple) )?\\S+)(?: .*)?$' },
  { pattern: `^snmp-agent usm-user v3 \\S+ (?:.* )?authentication-mode \\S+ (?<secret>${VRP_VALUE})(?: .*)?$`, unverified: true },
  { pattern: `^snmp-agent usm-user v3 \\S+ (?:.* )?privacy-mode \\S+ (?<secret>${VRP_VALUE})(?: .*)?$`, unverified: true },
  { pattern: `^ntp-service authentication-keyid \\d+ authentication-mode \\S+ (?<secret>${VRP_VALUE})$` },
  { pattern: `^(?:.* )?shared-key (?<secret>${VRP_VALUE})$`, note: 'radius-server / hwtacacs-server shared-key cipher x' },
  { pattern: `^super password (?:(?:level|role) \\S+ )?(?<secret>${VRP_VALUE})$`, note: 'VRP super password level 15 cipher x; Comware super password role network-admin simple x' },
  { pattern: `^user \\S+ password (?<secret>${VRP_VALUE})$`, note: 'Comware voice sip `user 1001 password simple x`', unverified: true },
  { pattern: `^peer \\S+ password (?<secret>${VRP_VALUE})$`, note: 'BGP peer password cipher x' },
  { pattern: `^ospf authentication-mode \\S+ \\d+ (?<secret>(?:(?:cipher|plain|simple) )?\\S+)$`, unverified: true },
];

const junos: readonly OpaqueValueRule[] = [
  { pattern: `^set .* encrypted-password (?<secret>${JUNOS_VALUE})$` },
  { pattern: `^set .* pre-shared-key (?<secret>(?:ascii-text|hexadecimal) ${JUNOS_VALUE})$` },
  { pattern: `^set .* (?:authentication|privacy)-key (?<secret>${JUNOS_VALUE})$`, note: 'snmp v3 usm' },
  { pattern: `^set .* secret (?<secret>${JUNOS_VALUE})$`, note: 'radius-server / tacplus-server' },
  { pattern: `^set system ntp authentication-key \\d+ type \\S+ value (?<secret>${JUNOS_VALUE})$` },
];

/** Opaque-value rules per dialect. Ruijie and Maipu are taken as IOS-like (DOMAIN.md §2.1, §2.5). */
export const opaqueValueRules: Readonly<Record<DialectId, readonly OpaqueValueRule[]>> = {
  ios: iosLike,
  maipu: iosLike,
  ruijie: iosLike,
  vrp: vrpLike,
  comware: vrpLike,
  junos,
};
