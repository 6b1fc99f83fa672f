import type { DialectId } from '../contract/device';

/**
 * Where a command runs: a dialect, or `frr` for FRRouting, which speaks the `ios` dialect but
 * has no `ping ... repeat`, no NTP, crypto or voice commands and no `show startup-config`.
 */
export type CommandPlatform = DialectId | 'frr';

export type CheckKind = 'ping' | 'interfaces' | 'bgp' | 'ospf' | 'route' | 'ntp' | 'ike' | 'ipsec' | 'sip' | 'savedConfig' | 'runningConfig';

/** The parser in `shared/parsers` that reads the command's output. */
export type ParserName =
  | 'parsePing'
  | 'parseInterfaces'
  | 'parseFrrInterfaces'
  | 'parseBgpSummary'
  | 'parseOspfNeighbors'
  | 'parseRoutes'
  | 'parseNtpStatus'
  | 'parseIkeSa'
  | 'parseIpsecSa'
  | 'parseSipRegistration'
  | 'savedMatchesRunning';

export interface CheckCommand {
  /**
   * The command with `{{name}}` placeholders. A `[...]` part is optional: it is left out when a
   * placeholder in it has no value.
   */
  template: string;
  parser: ParserName;
  /** True when a real output of this command on this platform was read (fixture or captured peer). */
  verified: boolean;
  /**
   * The command does not end by itself: the engine must interrupt it (Ctrl-C, `\x03`) after
   * about `count` seconds and then read the summary it prints (FRR's `ping` is Linux ping).
   */
  interruptAfterCount?: true;
  note?: string;
}

const ping = (template: string, verified: boolean, note?: string): CheckCommand => ({ template, parser: 'parsePing', verified, ...(note ? { note } : {}) });
const command = (template: string, parser: ParserName, verified: boolean, note?: string): CheckCommand => ({ template, parser, verified, ...(note ? { note } : {}) });

const IOS_LIKE_ASSUMED = 'assumed IOS-like; no public output of this vendor found, capture one on site';

/** Maipu's and Ruijie's checks beyond ping and interfaces: the IOS commands, none seen on their devices. */
const IOS_CLONE_ASSUMED = {
  bgp: command('show ip bgp summary', 'parseBgpSummary', false, IOS_LIKE_ASSUMED),
  ospf: command('show ip ospf neighbor', 'parseOspfNeighbors', false, IOS_LIKE_ASSUMED),
  route: command('show ip route {{address}}', 'parseRoutes', false, IOS_LIKE_ASSUMED),
  ntp: command('show ntp status', 'parseNtpStatus', false, IOS_LIKE_ASSUMED),
  ike: command('show crypto isakmp sa', 'parseIkeSa', false, IOS_LIKE_ASSUMED),
  ipsec: command('show crypto ipsec sa', 'parseIpsecSa', false, IOS_LIKE_ASSUMED),
  sip: command('show sip-ua register status', 'parseSipRegistration', false, IOS_LIKE_ASSUMED),
  savedConfig: command('show startup-config', 'savedMatchesRunning', false, IOS_LIKE_ASSUMED),
  runningConfig: command('show running-config', 'savedMatchesRunning', false, IOS_LIKE_ASSUMED),
} satisfies Partial<Record<CheckKind, CheckCommand>>;

/*
 * `{{size}}` of a ping is passed as the vendor means it: IOS `size` counts the whole IP datagram,
 * VRP and Comware `-s` and Junos `size` the ICMP data only (28 bytes less for the same packet).
 * FRR's ping takes no option at all, and no Maipu or Ruijie size keyword was found: those
 * templates have no `{{size}}`, and a check that asks for one is refused rather than run without it.
 *
 * A `{{interface}}` in an `interfaces` template means the command shows one interface: the check
 * sends it once per named interface. Without it, the command prints the platform's summary table.
 */

/** Per platform and check, the command to run and the parser for its output. A missing entry: no such check there. */
export const checkCommands: Readonly<Record<CommandPlatform, Readonly<Partial<Record<CheckKind, CheckCommand>>>>> = {
  ios: {
    ping: ping('ping {{address}}[ source {{source}}] repeat {{count}}[ size {{size}}]', true),
    interfaces: command('show ip interface brief', 'parseInterfaces', true),
    bgp: command('show ip bgp summary', 'parseBgpSummary', true),
    ospf: command('show ip ospf neighbor', 'parseOspfNeighbors', true),
    route: command('show ip route {{address}}', 'parseRoutes', true),
    ntp: command('show ntp status', 'parseNtpStatus', true),
    ike: command('show crypto isakmp sa', 'parseIkeSa', false, 'the fixture is the output a lab guide expects, not a captured device output'),
    ipsec: command('show crypto ipsec sa', 'parseIpsecSa', true),
    sip: command('show sip-ua register status', 'parseSipRegistration', true),
    savedConfig: command('show startup-config', 'savedMatchesRunning', false, 'the parser is checked on IOS-layout configurations, not on a captured startup-config'),
    runningConfig: command('show running-config', 'savedMatchesRunning', true),
  },
  frr: {
    // Captured on FRR 8.4.4: `ping -c 2 X` and `ping X repeat 2` are `% Unknown command`.
    ping: {
      template: 'ping {{address}}',
      parser: 'parsePing',
      verified: true,
      interruptAfterCount: true,
      note: 'FRR runs Linux ping with no count and accepts no options: interrupt it with Ctrl-C',
    },
    // `show interface brief` prints only the administrative flag, never the link (captured): the
    // detail form's `line protocol is up|down` is what an "interfaces up" check needs.
    interfaces: command('show interface[ {{interface}}]', 'parseFrrInterfaces', true, 'one name per command; without a name FRR prints every interface'),
    bgp: command('show ip bgp summary', 'parseBgpSummary', true),
    ospf: command('show ip ospf neighbor', 'parseOspfNeighbors', true),
    route: command('show ip route {{address}}', 'parseRoutes', true, 'FRR prints nothing when no route covers the address'),
    runningConfig: command('show running-config', 'savedMatchesRunning', true),
  },
  maipu: {
    ping: ping('ping {{address}}', false, 'Maipu ping options and output are unverified'),
    interfaces: command('show ip interface brief', 'parseInterfaces', false, IOS_LIKE_ASSUMED),
    ...IOS_CLONE_ASSUMED,
  },
  ruijie: {
    ping: ping('ping {{address}}[ source {{source}}] ntimes {{count}}', false, 'RGOS `ntimes` keyword unverified; its output is Cisco-like (fixture)'),
    interfaces: command('show ip interface brief', 'parseInterfaces', true),
    ...IOS_CLONE_ASSUMED,
  },
  vrp: {
    ping: ping('ping -c {{count}}[ -s {{size}}][ -a {{source}}] {{address}}', true),
    interfaces: command('display interface brief', 'parseInterfaces', true),
    bgp: command('display bgp peer', 'parseBgpSummary', true),
    ospf: command('display ospf peer brief', 'parseOspfNeighbors', true),
    route: command('display ip routing-table {{address}}', 'parseRoutes', true),
    ntp: command('display ntp-service status', 'parseNtpStatus', true, 'VRP8 (CE, NE) also has `display ntp status`, same output'),
    ike: command('display ike sa', 'parseIkeSa', true),
    ipsec: command('display ipsec sa', 'parseIpsecSa', true),
    savedConfig: command('display saved-configuration', 'savedMatchesRunning', false, 'the parser is checked on a VRP current-configuration, not a captured saved one'),
    runningConfig: command('display current-configuration', 'savedMatchesRunning', true),
  },
  comware: {
    ping: ping('ping -c {{count}}[ -s {{size}}][ -a {{source}}] {{address}}', true),
    interfaces: command('display interface brief', 'parseInterfaces', true),
    bgp: command('display bgp peer ipv4', 'parseBgpSummary', true),
    ospf: command('display ospf peer', 'parseOspfNeighbors', true),
    route: command('display ip routing-table {{address}}', 'parseRoutes', false, 'table layout verified on a full routing table; the one-address form is assumed to print the same table'),
    ntp: command('display ntp-service status', 'parseNtpStatus', true),
    ike: command('display ike sa', 'parseIkeSa', true),
    ipsec: command('display ipsec sa', 'parseIpsecSa', true),
    sip: command('display voice sip register-status', 'parseSipRegistration', true),
    savedConfig: command('display saved-configuration', 'savedMatchesRunning', false),
    runningConfig: command('display current-configuration', 'savedMatchesRunning', false),
  },
  junos: {
    ping: ping('ping {{address}} count {{count}} rapid[ size {{size}}][ source {{source}}]', true),
    interfaces: command('show interfaces terse', 'parseInterfaces', true),
    bgp: command('show bgp summary', 'parseBgpSummary', true),
    ospf: command('show ospf neighbor', 'parseOspfNeighbors', true),
    route: command('show route {{address}} active-path', 'parseRoutes', true),
    ntp: command('show ntp status', 'parseNtpStatus', true),
    ike: command('show security ike security-associations', 'parseIkeSa', true),
    ipsec: command('show security ipsec security-associations', 'parseIpsecSa', true),
  },
};

/** Whether the platform's command for a check has a `{{name}}` placeholder (optional or not). */
export function commandTakes(platform: CommandPlatform, kind: CheckKind, name: string): boolean {
  return checkCommands[platform][kind]?.template.includes(`{{${name}}}`) ?? false;
}

/** A value that may be put into a command: an address, interface or count; never a space or control character. */
const SAFE_VALUE = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;

export class CheckCommandError extends Error {
  override readonly name = 'CheckCommandError';
}

/**
 * The command line for a check on a platform. Throws {@link CheckCommandError} when the platform
 * has no such check, a required placeholder has no value, or a value is not a single safe token
 * (it would otherwise smuggle a second command or option onto the device).
 */
export function renderCheckCommand(platform: CommandPlatform, kind: CheckKind, values: Readonly<Record<string, string | number | undefined>>): string {
  const entry = checkCommands[platform][kind];
  if (!entry) throw new CheckCommandError(`no ${kind} check command for ${platform}`);
  const valueOf = (name: string): string | undefined => {
    const value = values[name];
    if (value === undefined || value === '') return undefined;
    const text = String(value);
    if (!SAFE_VALUE.test(text)) throw new CheckCommandError(`value of {{${name}}} is not a single address, interface name or number: ${JSON.stringify(text)}`);
    return text;
  };
  const fill = (text: string, optional: boolean): string | null => {
    let missing = false;
    const filled = text.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
      const value = valueOf(name);
      if (value === undefined) missing = true;
      return value ?? '';
    });
    if (missing && !optional) throw new CheckCommandError(`${platform} ${kind} needs a value for every placeholder of "${entry.template}"`);
    return missing ? null : filled;
  };
  const withOptionals = entry.template.replace(/\[([^\]]*)\]/g, (_whole, part: string) => fill(part, true) ?? '');
  return fill(withOptionals, false) ?? '';
}
