import { describe, expect, it } from 'vitest';
import { parseIndented } from '../configTree';
import { junosFeatures } from './junosFeatures';
import { inRange } from './ipv4';
import { vrpLikeFeatures } from './vrpLikeFeatures';

const VRP = `
acl number 3100
 rule permit ip source 10.64.8.0 0.0.3.255 destination 10.0.0.0 0.255.255.255
ike proposal 10
 authentication-method pre-share
ike peer HUB
 pre-shared-key cipher k3y
 ike-proposal 10
 remote-address 203.0.113.1
ipsec proposal PROP-HUB
 transform esp
ipsec policy POL-HUB 10 isakmp
 security acl 3100
 ike-peer HUB
 proposal PROP-HUB
interface GigabitEthernet0/0/1
 ipsec policy POL-HUB
`;

const COMWARE = `
acl advanced 3100
 rule permit ip source 10.65.8.0 0.0.3.255 destination 10.0.0.0 0.255.255.255
ike keychain HUB
 pre-shared-key address 203.0.113.1 key simple k3y
ike profile HUB
 keychain HUB
 match remote identity address 203.0.113.1
ipsec transform-set TS-HUB
 protocol esp
ipsec policy POL-HUB 10 isakmp
 security acl 3100
 transform-set TS-HUB
 ike-profile HUB
 remote-address 203.0.113.1
interface GigabitEthernet1/0/1
 ip address 198.51.100.9 255.255.255.252
 ipsec apply policy POL-HUB
ntp-service unicast-server 10.255.0.1
voice-setup
 sip
  registrar 1 ip 10.65.0.10 expires 3600
 dial-program
  entity 101 pots
   line 2/0
   match-template 86058001
   user 86058001 password simple p4ss realm r
  entity 9000 voip
   match-template .T
`;

const without = (text: string, line: string): string => text.replace(`${line}\n`, '');
const features = (text: string, flavour: 'vrp' | 'comware') => vrpLikeFeatures(parseIndented(text, /^#/), flavour);

describe('vrpLikeFeatures', () => {
  it('finds the Huawei policy tunnel with the ACL networks, and none without the binding, the peer key or the proposal', () => {
    const [tunnel] = features(VRP, 'vrp').tunnels;
    expect(tunnel).toMatchObject({ peer: '203.0.113.1', interfaceName: 'GigabitEthernet0/0/1', policy: 'POL-HUB', sequence: 10 });
    expect(tunnel?.localRanges.some((range) => inRange(range, '10.64.8.1'))).toBe(true);
    for (const line of [' ipsec policy POL-HUB', ' pre-shared-key cipher k3y', 'ipsec proposal PROP-HUB', ' security acl 3100']) {
      expect(features(without(VRP, line), 'vrp').tunnels, line).toEqual([]);
    }
  });

  it('finds the Comware policy tunnel, and none when the keychain has no key for the peer or the policy is not applied', () => {
    expect(features(COMWARE, 'comware').tunnels).toMatchObject([{ peer: '203.0.113.1', local: '198.51.100.9', interfaceName: 'GigabitEthernet1/0/1' }]);
    expect(features(COMWARE.replace('pre-shared-key address 203.0.113.1', 'pre-shared-key address 203.0.113.7'), 'comware').tunnels).toEqual([]);
    expect(features(without(COMWARE, ' ipsec apply policy POL-HUB'), 'comware').tunnels).toEqual([]);
    expect(features(without(COMWARE, 'ipsec transform-set TS-HUB'), 'comware').tunnels).toEqual([]);
  });

  it('reads Comware NTP and the voice registrar with the numbers of pots entities', () => {
    const read = features(COMWARE, 'comware');
    expect(read.ntpServers).toEqual(['10.255.0.1']);
    expect(read.sip).toEqual({ registrar: '10.65.0.10', expires: 3600, lines: [{ number: '86058001', entity: '101' }] });
    expect(features(without(COMWARE, '  registrar 1 ip 10.65.0.10 expires 3600'), 'comware').sip.registrar).toBeNull();
  });
});

describe('junosFeatures', () => {
  const statements = (lines: string[]) => junosFeatures({ line: '', children: lines.map((line) => ({ line, children: [] })) });
  const vpn = [
    'interfaces ge-0/0/0 unit 0 family inet address 198.51.100.2/24',
    'security ike gateway HUB ike-policy IKE-HUB',
    'security ike gateway HUB address 203.0.113.1',
    'security ike gateway HUB external-interface ge-0/0/0',
    'security ipsec vpn VPN-HUB ike gateway HUB',
    'security ipsec vpn VPN-HUB bind-interface st0.0',
    'routing-options static route 10.0.0.0/8 next-hop st0.0',
    'system ntp server 10.255.0.1',
  ];

  it('finds a VPN bound to st0 and the networks routed into it', () => {
    const read = statements(vpn);
    expect(read.ntpServers).toEqual(['10.255.0.1']);
    expect(read.tunnels).toMatchObject([{ peer: '203.0.113.1', local: '198.51.100.2', interfaceName: 'st0.0' }]);
    expect(read.tunnels[0]?.remoteRanges.some((range) => inRange(range, '10.0.0.10'))).toBe(true);
  });

  it('finds none without the IKE policy or the binding', () => {
    expect(statements(vpn.filter((line) => !line.includes('ike-policy'))).tunnels).toEqual([]);
    expect(statements(vpn.filter((line) => !line.includes('bind-interface'))).tunnels).toEqual([]);
  });
});
