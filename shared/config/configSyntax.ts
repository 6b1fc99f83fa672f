import type { DialectId } from '../contract/device';
import { dialects } from '../dialects';
import { negationFormRules } from './negationForms';
import { opaqueValueRules } from './opaqueValues';

export type ConfigFamily = 'ios-like' | 'vrp-like' | 'junos';

/**
 * How a dialect writes its configuration, as data: what the parser skips, what opens and closes
 * sections, how a line is negated and how a sub-mode is left. Patterns apply to the trimmed line.
 */
export interface ConfigSyntax {
  family: ConfigFamily;
  /** Separators and comments (IOS `!`, VRP `#` and `!Software Version ...`, Junos `## Last commit`). */
  comment: RegExp;
  /** Output headers that are not configuration (`Building configuration...`). */
  headers: readonly RegExp[];
  /** A line closing the innermost open section (FRR `exit`, IOS `exit-address-family`, VRP `quit`). */
  closer: RegExp | null;
  /** A line at the left margin that ends the configuration (IOS `end`, VRP `return`). */
  terminator: RegExp | null;
  /** The first line of a delimited multi-line block; the named group `delimiter` is the delimiter. */
  blockStart: RegExp | null;
  /** What leaves one sub-mode level; `null` where there are no sub-modes to leave (Junos `set` lines). */
  exitCommand: string | null;
  /** `no X` / `undo X` / `delete X`: the prefix, and what X is written with in the running config. */
  negation: { prefix: string; positivePrefix: string };
  /**
   * Lines that are on by default and then not shown in the running configuration; the device
   * shows only their negation (IOS `no service pad`). For them `X` is present unless `no X` is
   * shown, and `no X` is present only if it is shown.
   */
  hiddenDefaults: readonly string[];
  /**
   * Parts the device adds to a line by itself (auto-assigned sequence numbers): named group
   * `added`. A desired line without that part matches a running line that has it.
   */
  deviceAddedTokens: readonly RegExp[];
  /**
   * Settings that hold one value (named group `setting`): a new line replaces the old value, so
   * only the line in effect (the last one shown at its level) counts when matching, and the diff
   * shows the value it replaces. FRR's vtysh merges its daemons' configurations and may show two
   * `hostname` lines after a change.
   */
  singleValued: readonly RegExp[];
  opaqueValues: readonly RegExp[];
  /**
   * Negations written shorter than the line they remove (VRP `undo acl inbound` for the shown
   * `acl 2001 inbound`): `written` matches the negated line, `shown` is the pattern template of
   * the line removed (see `NegationFormRule` in negationForms.ts).
   */
  negationForms: readonly { written: RegExp; shown: string }[];
}

const families: Record<ConfigFamily, Omit<ConfigSyntax, 'hiddenDefaults' | 'opaqueValues' | 'negationForms'>> = {
  'ios-like': {
    family: 'ios-like',
    comment: /^!/,
    // IOS `Current configuration : 1234 bytes`; FRR vtysh prints `Current configuration:`.
    headers: [/^Building configuration\.\.\.$/i, /^Current configuration ?:.*$/i],
    closer: /^exit(?:-[a-z0-9-]+)?$/,
    terminator: /^end$/,
    // IOS shows the delimiter as the two characters `^C`; typed profiles use one character.
    blockStart: /^banner (?:motd|login|exec|incoming|prompt-timeout|slip-ppp|config-save) (?<delimiter>\^C|[^\sA-Za-z0-9])/,
    exitCommand: 'exit',
    negation: { prefix: 'no ', positivePrefix: '' },
    deviceAddedTokens: [
      /^(?:ip|ipv6) prefix-list \S+ (?<added>seq \d+ )/,
      // FRR shows `access-list NAME seq 5 permit ...` for a line entered without `seq`.
      /^access-list \S+ (?<added>seq \d+ )/,
    ],
    singleValued: [/^(?<setting>hostname) \S/, /^(?<setting>clock timezone) \S/],
  },
  'vrp-like': {
    family: 'vrp-like',
    // `#` separators, also indented inside `aaa` and `bgp`; VRP opens with `!Software Version ...`.
    comment: /^[#!]/,
    headers: [],
    closer: /^quit$/,
    terminator: /^return$/,
    // (unverified) VRP/Comware `header login information %` ... `%` written over several lines.
    blockStart: /^header (?:login|shell|motd|incoming|legal)(?: information)? (?<delimiter>[^\sA-Za-z0-9])/,
    exitCommand: 'quit',
    negation: { prefix: 'undo ', positivePrefix: '' },
    // ACL rules entered without a number are shown as `rule 5 permit ...`.
    deviceAddedTokens: [/^rule (?<added>\d+ )/],
    singleValued: [/^(?<setting>sysname) \S/, /^(?<setting>clock timezone) \S/],
  },
  junos: {
    family: 'junos',
    // `## Last commit: ...`, `{master:0}` and `[edit]` lines around `display set` output.
    comment: /^(?:#|\{[^{}]*\}$|\[edit[^\]]*\]$)/,
    headers: [],
    closer: null,
    terminator: null,
    blockStart: null,
    exitCommand: null,
    negation: { prefix: 'delete ', positivePrefix: 'set ' },
    deviceAddedTokens: [],
    singleValued: [/^(?<setting>set system host-name) \S/, /^(?<setting>set system time-zone) \S/],
  },
};

/**
 * IOS lines that are on by default and hidden while on (the running config shows `no X` once
 * they are turned off). Maipu and Ruijie are assumed to follow IOS here (unverified).
 */
const iosHiddenDefaults = [
  'service pad',
  'ip source-route',
  'ip bootp server',
  'ip domain lookup',
  'cdp run',
  'cdp enable',
  'ip redirects',
  'ip unreachables',
  'ip proxy-arp',
];

const hiddenDefaults: Record<DialectId, readonly string[]> = {
  ios: iosHiddenDefaults,
  maipu: iosHiddenDefaults,
  ruijie: iosHiddenDefaults,
  // None confirmed on VRP/Comware: a negation there is present whenever X is not shown.
  vrp: [],
  comware: [],
  junos: [],
};

const cache = new Map<DialectId, ConfigSyntax>();

/** The configuration syntax of a dialect; its family comes from the dialect data file. */
export function configSyntax(dialect: DialectId): ConfigSyntax {
  const known = cache.get(dialect);
  if (known) return known;
  const family = dialects[dialect].family;
  const syntax: ConfigSyntax = {
    ...families[family],
    hiddenDefaults: hiddenDefaults[dialect],
    // `d` gives the group indices needed to replace just the opaque parts.
    opaqueValues: opaqueValueRules[dialect].map((rule) => new RegExp(rule.pattern, 'd')),
    negationForms: negationFormRules[dialect].map((rule) => ({ written: new RegExp(rule.written), shown: rule.shown })),
  };
  cache.set(dialect, syntax);
  return syntax;
}
