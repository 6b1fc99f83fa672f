import { renderLines, type ConfigNode } from '../configTree';
import type { HierarchySpec } from '../hierarchy';
import type { CommandHandler } from '../types';

/**
 * Configuration commands the IOS family accepts, per sub-mode: enough for the profiles
 * (identity, interfaces, NTP, logging, SNMP, ACLs, IKE/IPSec, BGP/OSPF, users, VTY lines, static
 * routes, SIP voice; DOMAIN.md §3.1). Anything else is rejected with the vendor's error.
 */
export const iosLikeHierarchy: HierarchySpec = {
  negation: 'no',
  singletons: ['hostname', 'description', 'ip address', 'enable secret', 'enable password', 'clock timezone', 'ip domain-name', 'ip domain name', 'exec-timeout', 'transport input', 'logging trap', 'logging buffered', 'mtu', 'bandwidth', 'speed', 'duplex'],
  // IOS keeps SNMPv3 users out of the running configuration (`show snmp user` lists them).
  transient: ['crypto key generate rsa ...', 'snmp-server user *'],
  // The list shared/config plans with (configSyntax.ts); Maipu and Ruijie assumed to follow IOS.
  hiddenDefaults: ['service pad', 'ip source-route', 'ip bootp server', 'ip domain lookup', 'cdp run', 'cdp enable', 'ip redirects', 'ip unreachables', 'ip proxy-arp'],
  interfaceNames: ['GigabitEthernet', 'FastEthernet', 'TenGigabitEthernet', 'Ethernet', 'Loopback', 'Tunnel', 'Vlan', 'Serial', 'Dialer', 'Port-channel'],
  tables: {
    global: {
      commands: [
        'hostname *', 'enable secret *', 'enable password *', 'service ...', 'username *', 'aaa *',
        'ip domain-name *', 'ip domain name *', 'ip name-server *', 'ip route *', 'ip ssh *', 'ip http ...', 'ip source-route',
        'ip bootp server', 'ip cef', 'ip routing', 'ip forward-protocol *', 'ip nat *', 'ip dhcp ...', 'ipv6 ...',
        'ntp *', 'logging ...', 'snmp-server *', 'access-list *', 'clock timezone *', 'clock summer-time *', 'banner *',
        'cdp run', 'lldp run', 'login block-for *', 'login on-success *', 'login on-failure *', 'spanning-tree *',
        'crypto isakmp key *', 'crypto isakmp keepalive *', 'crypto isakmp nat *', 'crypto key generate rsa ...',
        'boot-start-marker', 'boot-end-marker', 'version *', 'license *', 'archive', 'memory-size *', 'multilink *',
        'stcapp ...', 'ip prefix-list *', 'snmp-server user *', 'tacacs-server *', 'radius-server *',
      ],
      sections: [
        { shape: 'interface *', table: 'interface', label: 'config-if' },
        { shape: 'router bgp *', table: 'router', label: 'config-router' },
        { shape: 'router ospf *', table: 'router', label: 'config-router' },
        { shape: 'router eigrp *', table: 'router', label: 'config-router' },
        { shape: 'line *', table: 'line', label: 'config-line' },
        { shape: 'ip access-list standard *', table: 'acl', label: 'config-std-nacl' },
        { shape: 'ip access-list extended *', table: 'acl', label: 'config-ext-nacl' },
        { shape: 'crypto isakmp policy *', table: 'isakmp', label: 'config-isakmp' },
        { shape: 'crypto ipsec transform-set *', table: 'transform', label: 'cfg-crypto-trans' },
        { shape: 'crypto ipsec profile *', table: 'ipsecProfile', label: 'ipsec-profile' },
        { shape: 'crypto map *', table: 'cryptoMap', label: 'config-crypto-map' },
        { shape: 'crypto ikev2 proposal *', table: 'ikev2', label: 'config-ikev2-proposal' },
        { shape: 'crypto ikev2 policy *', table: 'ikev2', label: 'config-ikev2-policy' },
        { shape: 'crypto ikev2 keyring *', table: 'keyring', label: 'config-ikev2-keyring' },
        { shape: 'crypto ikev2 profile *', table: 'ikev2', label: 'config-ikev2-profile' },
        { shape: 'voice service voip', table: 'voiceService', label: 'conf-voi-serv' },
        { shape: 'sip-ua', table: 'sipUa', label: 'config-sip-ua' },
        { shape: 'dial-peer voice *', table: 'dialPeer', label: 'config-dial-peer' },
        { shape: 'voice-port *', table: 'voicePort', label: 'config-voiceport' },
        { shape: 'vlan *', table: 'vlan', label: 'config-vlan' },
        { shape: 'vrf definition *', table: 'vrf', label: 'config-vrf' },
        { shape: 'tacacs server *', table: 'aaaServer', label: 'config-server-tacacs' },
        { shape: 'radius server *', table: 'aaaServer', label: 'config-radius-server' },
      ],
    },
    interface: {
      commands: [
        'description *', 'ip address ...', 'shutdown', 'ip nat *', 'ip access-group *', 'ip ospf *', 'ip helper-address *', 'ip mtu *',
        'ip tcp *', 'ip proxy-arp', 'ip redirects', 'ip unreachables', 'ip virtual-reassembly ...', 'ipv6 *', 'crypto map *', 'tunnel *',
        'speed *', 'duplex *', 'mtu *', 'bandwidth *', 'negotiation *', 'media-type *', 'switchport ...', 'spanning-tree *', 'cdp enable',
        'lldp *', 'standby *', 'vrrp *', 'encapsulation *', 'vrf forwarding *', 'load-interval *', 'keepalive ...', 'channel-group *',
        'service-policy *',
      ],
    },
    router: {
      commands: [
        'router-id *', 'bgp *', 'neighbor *', 'network *', 'redistribute *', 'timers *', 'passive-interface *', 'default-information *',
        'area *', 'maximum-paths *', 'auto-summary', 'synchronization', 'distance *', 'log-adjacency-changes ...',
      ],
      sections: [{ shape: 'address-family *', table: 'addressFamily', label: 'config-router-af' }],
    },
    addressFamily: { commands: ['neighbor *', 'network *', 'redistribute *', 'maximum-paths *', 'exit-address-family'] },
    line: {
      commands: ['transport *', 'access-class *', 'exec-timeout *', 'login ...', 'password *', 'logging synchronous', 'privilege *', 'session-timeout *', 'stopbits *', 'speed *', 'history *', 'length *', 'width *'],
    },
    acl: { commands: ['permit *', 'deny *', 'remark *'] },
    isakmp: { commands: ['encryption *', 'hash *', 'authentication *', 'group *', 'lifetime *'] },
    transform: { commands: ['mode *'] },
    ipsecProfile: { commands: ['set *', 'description *'] },
    cryptoMap: { commands: ['set *', 'match *', 'description *', 'reverse-route ...'] },
    ikev2: { commands: ['encryption *', 'integrity *', 'group *', 'proposal *', 'match *', 'authentication *', 'keyring *', 'dpd *', 'lifetime *'] },
    keyring: { commands: [], sections: [{ shape: 'peer *', table: 'keyringPeer', label: 'config-ikev2-keyring-peer' }] },
    keyringPeer: { commands: ['address *', 'pre-shared-key *', 'description *'] },
    voiceService: {
      commands: ['allow-connections *', 'fax *', 'modem *', 'h323'],
      sections: [{ shape: 'sip', table: 'voiceSip', label: 'conf-serv-sip' }],
    },
    voiceSip: { commands: ['bind *', 'registrar *', 'session *', 'early-offer *', 'midcall-signaling *'] },
    sipUa: { commands: ['registrar *', 'credentials *', 'authentication *', 'retry *', 'timers *', 'sip-server *', 'mwi-server *'] },
    dialPeer: {
      commands: [
        'destination-pattern *', 'port *', 'session *', 'codec *', 'dtmf-relay *', 'vad', 'register *', 'direct-inward-dial', 'incoming *',
        'description *', 'forward-digits *', 'voice-class *', 'translation-profile *', 'preference *',
      ],
    },
    voicePort: { commands: ['cptone *', 'caller-id *', 'description *', 'connection *', 'signal *', 'timeouts *', 'shutdown', 'input *', 'output *', 'echo-cancel *', 'impedance *'] },
    vlan: { commands: ['name *'] },
    aaaServer: { commands: ['address *', 'key *', 'timeout *', 'single-connection', 'port *'] },
    vrf: { commands: ['rd *', 'route-target *', 'description *', 'address-family *'] },
  },
};

/** Exec commands every IOS-like CLI answers with nothing worth simulating (no SAs, no peers yet). */
export const quietShowCommands: Readonly<Record<string, CommandHandler>> = Object.fromEntries(
  [
    'show ntp associations', 'show crypto session', 'show ip bgp summary',
    'show ip ospf neighbor', 'show voice port summary', 'show dial-peer voice summary', 'show users',
    'show logging', 'show access-lists ...', 'show snmp ...', 'show ip route ...', 'show interfaces ...', 'show history', 'clear *', 'debug *',
    'undebug *', 'terminal monitor', 'terminal no monitor',
  ].map((shape) => [shape, () => '']),
);

/** `show running-config` body in IOS style: `!` between blocks, children indented by one space. */
export function renderIosLikeConfig(root: ConfigNode): string[] {
  const lines: string[] = [];
  for (const node of root.children) {
    if (node.children.length > 0) {
      if (lines.at(-1) !== '!') lines.push('!');
      lines.push(node.line, ...renderLines(node, ' ', 1));
      lines.push('!');
    } else {
      lines.push(node.line);
    }
  }
  return lines;
}

/** `show ip interface brief` from the interfaces of the running configuration. */
export function renderInterfaceBrief(root: ConfigNode): string {
  const rows = ['Interface                  IP-Address      OK? Method Status                Protocol'];
  for (const node of root.children) {
    const name = /^interface (.+)$/.exec(node.line)?.[1];
    if (name === undefined) continue;
    const address = node.children.map((child) => /^ip address (\d+\.\d+\.\d+\.\d+)/.exec(child.line)?.[1]).find((value) => value !== undefined);
    const down = node.children.some((child) => child.line === 'shutdown');
    const status = down ? 'administratively down' : 'up';
    const method = address ? 'manual' : 'unset ';
    rows.push(`${name.padEnd(27)}${(address ?? 'unassigned').padEnd(16)}YES ${method} ${status.padEnd(22)}${down ? 'down' : 'up'}`);
  }
  return rows.join('\n') + '\n';
}
