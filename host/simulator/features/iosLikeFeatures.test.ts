import { describe, expect, it } from 'vitest';
import { parseIndented } from '../configTree';
import { iosLikeFeatures } from './iosLikeFeatures';
import { inRange } from './ipv4';

const POLICY = `
ip access-list extended VPN-HUB
 permit ip 10.61.8.0 0.0.3.255 10.0.0.0 0.255.255.255
crypto isakmp policy 10
 encryption aes 256
 authentication pre-share
crypto isakmp key s3cret-key address 203.0.113.1
crypto ipsec transform-set TS-HUB esp-aes 256 esp-sha256-hmac
 mode tunnel
crypto map CMAP-HUB 10 ipsec-isakmp
 set peer 203.0.113.1
 set transform-set TS-HUB
 match address VPN-HUB
interface GigabitEthernet0/0/0
 ip address 198.51.100.9 255.255.255.252
 crypto map CMAP-HUB
`;

const without = (text: string, line: string): string => text.replace(`${line}\n`, '');
const tunnels = (text: string) => iosLikeFeatures(parseIndented(text, /^!/)).tunnels;

describe('iosLikeFeatures', () => {
  it('finds a tunnel for a complete crypto map applied to an interface, with the ACL as protected networks', () => {
    const [tunnel, ...rest] = tunnels(POLICY);
    expect(rest).toEqual([]);
    expect(tunnel).toMatchObject({ peer: '203.0.113.1', local: '198.51.100.9', interfaceName: 'GigabitEthernet0/0/0', policy: 'CMAP-HUB', sequence: 10 });
    expect(tunnel?.localRanges.some((range) => inRange(range, '10.61.11.200'))).toBe(true);
    expect(tunnel?.remoteRanges.some((range) => inRange(range, '10.0.0.10'))).toBe(true);
    expect(tunnel?.remoteRanges.some((range) => inRange(range, '11.0.0.1'))).toBe(false);
  });

  it.each([
    ['the binding on the interface', ' crypto map CMAP-HUB'],
    ['the key for the peer', 'crypto isakmp key s3cret-key address 203.0.113.1'],
    ['the pre-share ISAKMP policy', ' authentication pre-share'],
    ['the transform set', 'crypto ipsec transform-set TS-HUB esp-aes 256 esp-sha256-hmac'],
    ['the peer of the map', ' set peer 203.0.113.1'],
    ['the traffic ACL', ' match address VPN-HUB'],
  ])('finds no tunnel without %s', (_what, line) => {
    expect(tunnels(without(POLICY, line))).toEqual([]);
  });

  it('finds no tunnel when the key is for another address or the interface is shut down', () => {
    expect(tunnels(POLICY.replace('address 203.0.113.1', 'address 203.0.113.99'))).toEqual([]);
    expect(tunnels(`${POLICY} shutdown\n`)).toEqual([]);
  });

  it('finds a route-based tunnel on a protected tunnel interface; its own network is what it carries', () => {
    const config = `
crypto isakmp policy 20
 authentication pre-share
crypto isakmp key k address 203.0.113.1
crypto ipsec transform-set TS-VTI esp-aes 256 esp-sha256-hmac
crypto ipsec profile VTI-HUB
 set transform-set TS-VTI
interface Tunnel0
 ip address 172.16.61.2 255.255.255.252
 tunnel source GigabitEthernet0/0/0
 tunnel destination 203.0.113.1
 tunnel mode ipsec ipv4
 tunnel protection ipsec profile VTI-HUB
`;
    const [tunnel] = tunnels(config);
    expect(tunnel).toMatchObject({ peer: '203.0.113.1', interfaceName: 'Tunnel0', localRanges: [] });
    expect(tunnel?.remoteRanges.some((range) => inRange(range, '172.16.61.1'))).toBe(true);
    expect(tunnels(without(config, ' tunnel mode ipsec ipv4'))).toEqual([]);
  });

  it('reads NTP servers, the SIP registrar and pots lines, and interfaces', () => {
    const features = iosLikeFeatures(
      parseIndented(
        `
ntp server 10.255.0.1
sip-ua
 registrar ipv4:10.61.0.10 expires 1800
dial-peer voice 101 pots
 destination-pattern 86018001
 port 0/1/0
dial-peer voice 9000 voip
 destination-pattern [0-9]T
interface GigabitEthernet0/1
 description LAN
 ip address 192.0.2.1 255.255.255.0
 shutdown
`,
        /^!/,
      ),
    );
    expect(features.ntpServers).toEqual(['10.255.0.1']);
    expect(features.sip).toEqual({ registrar: '10.61.0.10', expires: 1800, lines: [{ number: '86018001', entity: '101' }] });
    expect(features.interfaces).toMatchObject([{ name: 'GigabitEthernet0/1', description: 'LAN', shutdown: true, address: { address: '192.0.2.1' } }]);
  });
});
