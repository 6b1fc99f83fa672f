import type { DialectId } from '../contract/device';

/**
 * Interface names as each dialect writes them in its running configuration. The plan diffs
 * rendered lines against that configuration, so the accepted spellings stay close to what the
 * device prints (Maipu prints lower case; IOS also accepts its usual abbreviations).
 */
interface InterfaceNameRule {
  pattern: RegExp;
  examples: string[];
}

const SLOTS = String.raw`\d+(?:/\d+){0,3}(?:\.\d+)?`;
const SLOTS_VRP = String.raw`\d+(?:/\d+){0,2}(?:\.\d+)?`;

const IOS_TYPES = [
  'GigabitEthernet', 'FastEthernet', 'TenGigabitEthernet', 'TwentyFiveGigE', 'FortyGigabitEthernet', 'HundredGigE', 'Ethernet',
  'Serial', 'Cellular', 'Dialer', 'Loopback', 'Tunnel', 'Vlan', 'Port-channel', 'Virtual-Template', 'BVI', 'Multilink',
  'Gi', 'Fa', 'Te', 'Eth', 'Et', 'Se', 'Lo', 'Tu', 'Vl', 'Po',
];
const MAIPU_TYPES = ['gigabitethernet', 'fastethernet', 'tengigabitethernet', 'ethernet', 'serial', 'cellular', 'dialer', 'loopback', 'tunnel', 'vlan', 'link-aggregation', 'virtual-template'];
const VRP_TYPES = [
  'GigabitEthernet', 'XGigabitEthernet', 'Ethernet', 'Serial', 'Cellular', 'Dialer', 'LoopBack', 'Tunnel', 'Vlanif', 'Eth-Trunk',
  'Virtual-Template', 'NULL', 'Wlan-Radio', 'GE', 'XGE', 'Eth',
];
const COMWARE_TYPES = [
  'GigabitEthernet', 'Ten-GigabitEthernet', 'FortyGigE', 'HundredGigE', 'Ethernet', 'Serial', 'Cellular', 'Dialer', 'LoopBack',
  'Tunnel', 'Vlan-interface', 'Bridge-Aggregation', 'Route-Aggregation', 'Virtual-Template', 'NULL', 'GE', 'XGE',
];

const JUNOS_PHYSICAL = ['ge', 'xe', 'et', 'fe', 'gr', 'ip', 'lt', 'so', 't1', 'e1', 'at', 'sp', 'vt', 'ms', 'mge'];
const JUNOS_LOGICAL = ['ae', 'lo', 'st', 'reth', 'fxp', 'em', 'me', 'irb', 'vlan', 'pp', 'dl'];

const alternatives = (types: string[]) => [...types].sort((left, right) => right.length - left.length).join('|');

const RULES: Record<DialectId, InterfaceNameRule> = {
  ios: { pattern: new RegExp(`^(?:${alternatives(IOS_TYPES)})${SLOTS}$`, 'i'), examples: ['GigabitEthernet0/0/1', 'Gi0/1', 'Tunnel0', 'Vlan10'] },
  ruijie: {
    // RGOS prints a space between the type and the number (`GigabitEthernet 0/1`) and accepts both.
    pattern: new RegExp(`^(?:${alternatives(IOS_TYPES)}) ?${SLOTS}$`, 'i'),
    examples: ['GigabitEthernet 0/1', 'GigabitEthernet0/1', 'Tunnel1', 'Vlan10'],
  },
  maipu: { pattern: new RegExp(`^(?:${alternatives(MAIPU_TYPES)})${SLOTS}$`), examples: ['gigabitethernet0/1', 'serial0/1', 'tunnel1', 'loopback0'] },
  vrp: { pattern: new RegExp(`^(?:${alternatives(VRP_TYPES)})${SLOTS_VRP}$`), examples: ['GigabitEthernet0/0/1', 'Vlanif10', 'Tunnel0/0/1', 'LoopBack0'] },
  comware: {
    pattern: new RegExp(`^(?:${alternatives(COMWARE_TYPES)})${SLOTS_VRP}$`),
    examples: ['GigabitEthernet1/0/1', 'Vlan-interface10', 'Tunnel0', 'LoopBack0'],
  },
  junos: {
    pattern: new RegExp(String.raw`^(?:(?:${alternatives(JUNOS_PHYSICAL)})-\d+/\d+/\d+(?::\d+)?|(?:${alternatives(JUNOS_LOGICAL)})\d*)(?:\.\d+)?$`),
    examples: ['ge-0/0/0.0', 'st0.0', 'lo0.0', 'irb.10'],
  },
};

export function isInterfaceName(dialect: DialectId, name: string): boolean {
  return RULES[dialect].pattern.test(name);
}

export function interfaceNameExamples(dialect: DialectId): string[] {
  return [...RULES[dialect].examples];
}
