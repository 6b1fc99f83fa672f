import { renderLines, type ConfigNode } from '../configTree';
import type { ConfigTableSpec, HierarchySpec, NegationTarget, SectionSpec } from '../hierarchy';

/**
 * Configuration views of the VRP family (Huawei VRP, H3C Comware), with the keywords of
 * DOMAIN.md §3.2: sysname, interfaces, ACLs, IKE/IPSec, AAA and local users, VTY lines, SNMP,
 * NTP, info-center, static routes, BGP/OSPF, voice. Sub-view names are as the prompts show them.
 */

const word = (words: readonly string[], index: number): string => words[index] ?? '';

/** `interface Tunnel0 mode ipsec` (Comware) shows `[R1-Tunnel0]`: the mode words are not part of the name. */
const interfaceSection: SectionSpec = {
  shape: 'interface *',
  table: 'interface',
  label: (words) => {
    const mode = words.indexOf('mode');
    return words.slice(1, mode > 1 ? mode : undefined).join('');
  },
};

const interfaceTable: ConfigTableSpec = {
  commands: [
    'description *', 'ip address *', 'shutdown', 'ipsec policy *', 'ipsec apply policy *', 'nat *', 'traffic-filter *', 'packet-filter *',
    'ospf *', 'mtu *', 'tcp *', 'lldp *', 'port *', 'speed *', 'duplex *', 'dhcp *', 'vrrp *', 'ipv6 ...', 'stp *',
    // Tunnel interfaces (VRP `tunnel-protocol ipsec` + `ipsec profile`, Comware `tunnel protection ipsec profile`).
    'tunnel-protocol *', 'source *', 'destination *', 'ipsec profile *', 'tunnel protection *',
  ],
};

/** Escapes a typed word for use in a pattern. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Undo forms of both families that leave out the value (unverified on a device, as the profile keywords). */
const negationTargets: NegationTarget[] = [
  { typed: /^acl (inbound|outbound)$/, removes: (found) => new RegExp(`^acl (?:\\d+|name \\S+) ${found[1] ?? ''}$`) },
  { typed: /^snmp-agent mib-view (\S+)$/, removes: (found) => new RegExp(`^snmp-agent mib-view (?:included|excluded) ${literal(found[1] ?? '')} `) },
];

const shared: Record<string, ConfigTableSpec> = {
  interface: interfaceTable,
  acl: { commands: ['rule *', 'description *', 'step *'] },
  ikeProposal: { commands: ['encryption-algorithm *', 'authentication-algorithm *', 'integrity-algorithm *', 'dh *', 'authentication-method *', 'sa *', 'prf *'] },
  ikePeer: { commands: ['pre-shared-key *', 'ike-proposal *', 'remote-address *', 'dpd *', 'local-address *', 'exchange-mode *', 'version *', 'nat *', 'proposal *'] },
  ipsecProposal: { commands: ['transform *', 'esp *', 'ah *', 'encapsulation-mode *'] },
  ipsecPolicy: { commands: ['security acl *', 'ike-peer *', 'proposal *', 'pfs *', 'sa *', 'transform-set *', 'ike-profile *', 'remote-address *', 'local-address *'] },
  ipsecProfile: { commands: ['ike-peer *', 'proposal *', 'pfs *', 'sa *', 'transform-set *', 'ike-profile *'] },
  bgp: {
    commands: ['router-id *', 'peer *', 'network *', 'import-route *', 'timer *'],
    // VRP `ipv4-family unicast`, Comware 7 `address-family ipv4 unicast`.
    sections: [{ shape: 'ipv4-family *', table: 'bgpFamily', label: 'bgp-af-ipv4' }, { shape: 'address-family *', table: 'bgpFamily', label: (words, parent) => `${parent ?? 'bgp'}-ipv4` }],
  },
  bgpFamily: { commands: ['peer *', 'network *', 'import-route *'] },
  ospf: { commands: ['import-route *', 'silent-interface *', 'default-route-advertise ...', 'router-id *'], sections: [{ shape: 'area *', table: 'ospfArea', label: (words, parent) => `${parent ?? 'ospf'}-area-${dotted(word(words, 1))}` }] },
  ospfArea: { commands: ['network *', 'authentication-mode *', 'stub ...'] },
};

/** `user-interface vty 0 4` → `vty0-4`, `line vty 0 63` → `vty0-63`, `user-interface con 0` → `con0`. */
function lineRange(words: readonly string[]): string {
  const [, kind = '', first = '', last] = words;
  return `${kind}${first}${last === undefined ? '' : `-${last}`}`;
}

/** OSPF prompts show areas as dotted quads (`area 0` → `area-0.0.0.0`). */
function dotted(area: string): string {
  if (/^\d+$/.test(area)) {
    const value = Number(area);
    return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
  }
  return area;
}

const globalCommon = [
  'sysname *', 'clock timezone *', 'ntp-service *', 'info-center *', 'snmp-agent ...', 'ip route-static *', 'stelnet server enable',
  'telnet server enable', 'ftp server ...', 'http server enable', 'http secure-server enable', 'lldp enable', 'ssh user *', 'ssh server *',
  'header *', 'dns *', 'vlan batch *', 'stp *', 'super *',
];

const globalSections: SectionSpec[] = [
  interfaceSection,
  { shape: 'acl number *', table: 'acl', label: (words) => `acl-${Number(word(words, 2)) >= 3000 ? 'adv' : 'basic'}-${word(words, 2)}` },
  { shape: 'ike proposal *', table: 'ikeProposal', label: (words) => `ike-proposal-${word(words, 2)}` },
  { shape: 'ike peer *', table: 'ikePeer', label: (words) => `ike-peer-${word(words, 2)}` },
  { shape: 'ipsec proposal *', table: 'ipsecProposal', label: (words) => `ipsec-proposal-${word(words, 2)}` },
  { shape: 'ipsec policy *', table: 'ipsecPolicy', label: (words) => `ipsec-policy-${word(words, 4)}-${word(words, 2)}-${word(words, 3)}` },
  { shape: 'ipsec profile *', table: 'ipsecProfile', label: (words) => `ipsec-profile-${word(words, 2)}` },
  { shape: 'bgp *', table: 'bgp', label: 'bgp' },
  { shape: 'ospf ...', table: 'ospf', label: (words) => `ospf-${words[1] ?? '1'}` },
];

/** Huawei VRP 5 (AR routers). */
export const vrpHierarchy: HierarchySpec = {
  negation: 'undo',
  singletons: ['sysname', 'description', 'ip address', 'clock timezone', 'authentication-mode', 'idle-timeout', 'protocol inbound'],
  transient: ['rsa local-key-pair create ...'],
  negationTargets,
  interfaceNames: ['GE=GigabitEthernet', 'GigabitEthernet', 'Ethernet', 'LoopBack', 'Tunnel', 'Vlanif', 'Eth-Trunk', 'Cellular', 'NULL'],
  tables: {
    ...shared,
    global: {
      commands: [...globalCommon, 'rsa local-key-pair create ...', 'voice ...', 'ip ip-prefix *'],
      sections: [
        ...globalSections,
        { shape: 'aaa', table: 'aaa', label: 'aaa' },
        { shape: 'hwtacacs-server template *', table: 'hwtacacsTemplate', label: (words) => `hwtacacs-${word(words, 2)}` },
        { shape: 'user-interface *', table: 'userInterface', label: (words) => `ui-${lineRange(words).replace(/^con/, 'console')}` },
      ],
    },
    aaa: {
      commands: ['local-user *'],
      sections: [
        { shape: 'authentication-scheme *', table: 'aaaScheme', label: (words) => `aaa-authen-${word(words, 1)}` },
        { shape: 'authorization-scheme *', table: 'aaaScheme', label: (words) => `aaa-author-${word(words, 1)}` },
        { shape: 'accounting-scheme *', table: 'aaaScheme', label: (words) => `aaa-accounting-${word(words, 1)}` },
        { shape: 'domain *', table: 'aaaDomain', label: (words) => `aaa-domain-${word(words, 1)}` },
      ],
    },
    aaaScheme: { commands: ['authentication-mode *', 'authorization-mode *', 'accounting-mode *'] },
    aaaDomain: { commands: ['authentication-scheme *', 'authorization-scheme *', 'accounting-scheme *', 'hwtacacs-server *', 'radius-server *'] },
    hwtacacsTemplate: { commands: ['hwtacacs-server *'] },
    userInterface: { commands: ['authentication-mode *', 'protocol inbound *', 'acl *', 'idle-timeout *', 'user privilege *', 'set authentication *', 'screen-length *'] },
  },
};

/** H3C Comware 5 (an S7510E), with the Comware 7 keywords of DOMAIN.md §3.2 accepted too. */
export const comwareHierarchy: HierarchySpec = {
  negation: 'undo',
  singletons: ['sysname', 'description', 'ip address', 'clock timezone', 'authentication-mode', 'idle-timeout', 'protocol inbound'],
  transient: ['public-key *'],
  negationTargets,
  interfaceNames: ['GE=GigabitEthernet', 'XGE=Ten-GigabitEthernet', 'GigabitEthernet', 'Ten-GigabitEthernet', 'LoopBack', 'Tunnel', 'Vlan-interface', 'M-GigabitEthernet', 'NULL'],
  tables: {
    ...shared,
    global: {
      commands: [...globalCommon, 'public-key *', 'ip http *', 'ip https *', 'password-recovery *', 'ip prefix-list *'],
      sections: [
        ...globalSections,
        { shape: 'acl advanced *', table: 'acl', label: (words) => `acl-ipv4-adv-${word(words, 2)}` },
        { shape: 'acl basic *', table: 'acl', label: (words) => `acl-ipv4-basic-${word(words, 2)}` },
        { shape: 'hwtacacs scheme *', table: 'hwtacacsScheme', label: (words) => `hwtacacs-${word(words, 2)}` },
        { shape: 'local-user *', table: 'localUser', label: (words) => (words[2] === 'class' ? `luser-${word(words, 3)}-${word(words, 1)}` : `luser-${word(words, 1)}`) },
        { shape: 'user-interface *', table: 'userInterface', label: (words) => `ui-${lineRange(words)}` },
        { shape: 'line *', table: 'userInterface', label: (words) => `line-${lineRange(words)}` },
        { shape: 'ike keychain *', table: 'ikeKeychain', label: (words) => `ike-keychain-${word(words, 2)}` },
        { shape: 'ike profile *', table: 'ikeProfile', label: (words) => `ike-profile-${word(words, 2)}` },
        { shape: 'ipsec transform-set *', table: 'ipsecProposal', label: (words) => `ipsec-transform-set-${word(words, 2)}` },
        { shape: 'domain *', table: 'domain', label: (words) => `isp-${word(words, 1)}` },
        { shape: 'voice-setup', table: 'voice', label: 'voice' },
        { shape: 'subscriber-line *', table: 'subscriberLine', label: (words) => `subscriber-line${word(words, 1)}` },
      ],
    },
    ipsecProposal: { commands: [...(shared['ipsecProposal']?.commands ?? []), 'protocol *', 'pfs *'] },
    localUser: { commands: ['password *', 'service-type *', 'authorization-attribute *', 'level *'] },
    userInterface: { commands: ['authentication-mode *', 'protocol inbound *', 'acl *', 'idle-timeout *', 'user privilege *', 'set authentication *', 'screen-length *', 'user-role *'] },
    ikeKeychain: { commands: ['pre-shared-key *'] },
    ikeProfile: { commands: ['keychain *', 'match *', 'proposal *', 'local-identity *', 'exchange-mode *', 'dpd *'] },
    domain: { commands: ['authentication *', 'authorization *', 'accounting *', 'access-limit *', 'state *', 'idle-cut *', 'self-service-url *'] },
    hwtacacsScheme: { commands: ['primary *', 'secondary *', 'key *', 'user-name-format *', 'nas-ip *'] },
    voice: { commands: [], sections: [{ shape: 'dial-program', table: 'dialProgram', label: 'voice-dial' }, { shape: 'sip', table: 'voiceSip', label: 'voice-sip' }] },
    dialProgram: { commands: [], sections: [{ shape: 'entity *', table: 'entity', label: (words) => `voice-dial-entity${word(words, 1)}` }] },
    entity: { commands: ['line *', 'match-template *', 'address *', 'codec *', 'description *', 'user *'] },
    voiceSip: { commands: ['registrar *', 'user *', 'proxy *', 'mode *', 'source-bind *'] },
    subscriberLine: { commands: ['description *', 'cid *', 'receive-gain *', 'transmit-gain *', 'cptone *'] },
  },
};

/** `display current-configuration` body: `#` between blocks, top-level commands indented by one space. */
export function renderVrpLikeConfig(root: ConfigNode): string[] {
  const lines: string[] = [];
  let previousWasSection = true;
  for (const node of root.children) {
    const isSection = node.children.length > 0 || /^(interface|aaa|user-interface|line|acl|ike|ipsec|bgp|ospf|local-user|domain|voice)|^vlan \d+$/.test(node.line);
    if (isSection || previousWasSection) lines.push('#');
    lines.push(isSection ? node.line : ` ${node.line}`);
    if (isSection) lines.push(...renderLines(node, ' ', 1));
    previousWasSection = isSection;
  }
  lines.push('#', 'return');
  return lines;
}
