import { describe, expect, it } from 'vitest';
import { cloneTree, parseIndented } from '../configTree';
import type { SimulatedDevice } from '../types';
import { activeTunnels, createRuntime, ntpView, observeConfiguration, simulatePing } from './runtime';

const VPN = `
ip access-list extended VPN-HUB
 permit ip 10.61.8.0 0.0.3.255 10.0.0.0 0.255.255.255
crypto isakmp policy 10
 authentication pre-share
crypto isakmp key k address 203.0.113.1
crypto ipsec transform-set TS-HUB esp-aes 256 esp-sha256-hmac
crypto map CMAP-HUB 10 ipsec-isakmp
 set peer 203.0.113.1
 set transform-set TS-HUB
 match address VPN-HUB
interface GigabitEthernet0/0/0
 crypto map CMAP-HUB
interface GigabitEthernet0/1
 ip address 192.0.2.1 255.255.255.0
`;

function device(config: string, reachable: string[] = []): { device: SimulatedDevice; clock: { now: number } } {
  const clock = { now: 1_000_000 };
  const running = parseIndented(config, /^!/);
  const runtime = createRuntime('ios', { ntpSyncDelayMs: 3000, now: () => clock.now, reachable });
  return { device: { hostname: 'R1', running, startup: cloneTree(running), candidate: null, runtime }, clock };
}

describe('NTP state', () => {
  it('is unsynchronised without a server, then synchronised to it once the delay has passed since it was configured', () => {
    const { device: box, clock } = device('');
    expect(ntpView(box)).toEqual({ synchronized: false, server: null });
    box.running.children.push({ line: 'ntp server 10.255.0.1', children: [] });
    observeConfiguration(box);
    clock.now += 2999;
    expect(ntpView(box)).toEqual({ synchronized: false, server: '10.255.0.1' });
    clock.now += 1;
    expect(ntpView(box)).toEqual({ synchronized: true, server: '10.255.0.1', stratum: 3 });
  });

  it('starts over when the server changes and forgets it when removed', () => {
    const { device: box, clock } = device('ntp server 10.255.0.1\n');
    observeConfiguration(box);
    clock.now += 5000;
    box.running.children = [{ line: 'ntp server 10.255.0.2', children: [] }];
    expect(ntpView(box)).toEqual({ synchronized: false, server: '10.255.0.2' });
    box.running.children = [];
    expect(ntpView(box)).toEqual({ synchronized: false, server: null });
  });
});

describe('simulatePing', () => {
  it('answers on connected networks and the reachable set, not elsewhere', () => {
    const { device: box } = device(VPN, ['198.18.0.0/15', '192.0.2.200']);
    expect(simulatePing(box, { target: '192.0.2.77', count: 5 })).toEqual({ target: '192.0.2.77', source: null, sent: 5, received: 5 });
    expect(simulatePing(box, { target: '198.19.255.1', count: 2 }).received).toBe(2);
    expect(simulatePing(box, { target: '203.0.113.50', count: 5 }).received).toBe(0);
    expect(simulatePing(box, { target: 'not-an-address', count: 5 }).received).toBe(0);
  });

  it('carries pings from the protected LAN to the remote network through the tunnel and counts them', () => {
    const { device: box } = device(VPN);
    const [tunnel] = activeTunnels(box);
    expect(tunnel?.counters).toMatchObject({ encaps: 0, decaps: 0 });
    expect(simulatePing(box, { target: '10.0.0.10', source: '10.61.8.1', count: 5 }).received).toBe(5);
    expect(simulatePing(box, { target: '10.0.0.10', count: 5 }).received).toBe(0);
    expect(simulatePing(box, { target: '10.0.0.10', source: 'GigabitEthernet0/1', count: 5 }).received).toBe(0);
    expect(activeTunnels(box)[0]?.counters).toMatchObject({ encaps: 5, decaps: 5, inboundSpi: tunnel?.counters.inboundSpi });
  });

  it('drops the SA and its counters when the tunnel is unconfigured', () => {
    const { device: box } = device(VPN);
    simulatePing(box, { target: '10.0.0.10', source: '10.61.8.1', count: 5 });
    const wan = box.running.children.find((node) => node.line === 'interface GigabitEthernet0/0/0');
    if (wan) wan.children = [];
    expect(activeTunnels(box)).toEqual([]);
    expect(box.runtime.sas.size).toBe(0);
  });
});
