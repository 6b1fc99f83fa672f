import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OutputParseError } from '../parsers';
import { CheckCommandError } from './commands';
import { commandPlatform, planDeviceCheck, type CommandOutput } from './devicePlan';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

/** The device output of a fixture (after its `# ---` source header). */
function fixture(path: string): string {
  const text = readFileSync(FIXTURES + path, 'utf8');
  return text.slice(text.indexOf('\n# ---\n') + '\n# ---\n'.length);
}

const ok = (output: string): CommandOutput => ({ output, failed: false, failureMessage: null });

describe('planDeviceCheck', () => {
  it('knows FRR by its vendor and gives it FRR commands', () => {
    expect(commandPlatform({ dialect: 'ios', vendor: 'FRRouting' })).toBe('frr');
    expect(commandPlatform({ dialect: 'ios', vendor: 'Cisco' })).toBe('ios');
    expect(commandPlatform({ dialect: 'vrp', vendor: null })).toBe('vrp');
  });

  it('pings FRR with Ctrl-C after the count of replies, and IOS with its own repeat count', () => {
    const frr = planDeviceCheck('frr', 'ping', { target: '192.0.2.2', count: 3 });
    expect(frr.commands).toEqual([{ command: 'ping 192.0.2.2', interruptAfter: { replies: 3, deadlineMs: 6000 } }]);
    expect(frr.measure([ok(fixture('ping/ios-frr-8.4.4.txt'))])).toEqual({ sent: 3, received: 3, loss: 0, 'success-rate': 100, rttMin: 0.034, rttAvg: 0.049, rttMax: 0.079, reachable: true });
    expect(planDeviceCheck('ios', 'ping', { target: '10.0.0.1', source: 'Loopback0', count: 10 }).commands).toEqual([{ command: 'ping 10.0.0.1 source Loopback0 repeat 10' }]);
  });

  it('measures "Network is unreachable" (Linux ping gives no statistics then) as nothing back, and other text as unreadable', () => {
    const plan = planDeviceCheck('frr', 'ping', { target: '10.255.0.2' });
    expect(plan.measure([ok('ping: connect: Network is unreachable\n')])).toMatchObject({ sent: 0, received: 0, loss: 100, reachable: false });
    expect(() => plan.measure([ok('% Unknown command: ping')])).toThrow(OutputParseError);
  });

  it('reads the chosen BGP neighbour, and FRR without `router bgp` as absent', () => {
    const plan = planDeviceCheck('frr', 'bgp', { neighbor: '192.0.2.99' });
    expect(plan.commands).toEqual([{ command: 'show ip bgp summary' }]);
    expect(plan.measure([ok(fixture('bgp/ios-frr-8.4.4-show-ip-bgp-summary.txt'))])).toEqual({ neighbor: '192.0.2.99', state: 'Active', prefixes: null, established: 0, neighbors: 1 });
    expect(plan.measure([{ output: '% No BGP process is configured', failed: true, failureMessage: '% No BGP process is configured' }])).toMatchObject({ state: 'absent', neighbors: 0 });
    expect(planDeviceCheck('frr', 'bgp', { neighbor: '203.0.113.1' }).measure([ok(fixture('bgp/ios-frr-8.4.4-show-ip-bgp-summary.txt'))])).toMatchObject({ state: 'absent', neighbors: 0 });
  });

  it('counts Full OSPF neighbours, optionally on one interface', () => {
    const output = [ok(fixture('ospf/ios-frr-8.4.4-full.txt'))];
    expect(planDeviceCheck('frr', 'ospf', {}).measure(output)).toEqual({ state: 'Full', neighbors: 3, seen: 3 });
    expect(planDeviceCheck('frr', 'ospf', { interface: 'fkab3r' }).measure(output)).toEqual({ state: 'Full', neighbors: 1, seen: 1 });
    expect(planDeviceCheck('frr', 'ospf', { interface: 'wan9' }).measure(output)).toEqual({ state: 'absent', neighbors: 0, seen: 0 });
  });

  it('looks a route up, FRR printing nothing when there is none', () => {
    const plan = planDeviceCheck('frr', 'route', { address: '10.2.2.0/24' });
    expect(plan.commands).toEqual([{ command: 'show ip route 10.2.2.0/24' }]);
    expect(plan.measure([ok(fixture('routes/ios-frr-8.4.4-not-found.txt'))])).toMatchObject({ found: false, prefix: null });
    expect(() => planDeviceCheck('frr', 'route', {})).toThrow(CheckCommandError);
  });

  it('reads named interfaces, reporting a missing one and FRR`s unknown protocol state', () => {
    const plan = planDeviceCheck('frr', 'interfaces', { interface: 'eth1,eth9' });
    expect(plan.commands).toEqual([{ command: 'show interface brief' }]);
    expect(plan.measure([ok(fixture('interfaces/ios-frr-8.4.4-show-interface-brief.txt'))])).toEqual({
      interfaces: ['eth1', 'eth9'],
      missing: ['eth9'],
      up: [false, false],
      status: 'missing',
      protocol: 'missing',
    });
    expect(planDeviceCheck('frr', 'interfaces', { interface: 'eth1' }).measure([ok(fixture('interfaces/ios-frr-8.4.4-show-interface-brief.txt'))])).toMatchObject({ status: 'up', protocol: 'unknown' });
  });

  it('treats a command the device refused as unreadable output, and refuses checks a platform lacks', () => {
    const refused: CommandOutput = { output: '% Unknown command: show ip route x', failed: true, failureMessage: '% Unknown command: show ip route x' };
    expect(() => planDeviceCheck('frr', 'route', { address: '10.0.0.1' }).measure([refused])).toThrow(/refused the command/);
    expect(() => planDeviceCheck('frr', 'ntp', {})).toThrow(/no ntp check command for frr/);
    expect(() => planDeviceCheck('frr', 'ping', { target: '10.0.0.1; reload' })).toThrow(CheckCommandError);
  });

  it('plans the VPN counters around a ping through the tunnel when `through` is given', () => {
    const plan = planDeviceCheck('ios', 'vpn', { peer: '203.0.113.1', through: '10.9.0.1', count: 3 });
    expect(plan.commands.map((entry) => entry.command)).toEqual(['show crypto isakmp sa', 'show crypto ipsec sa', 'ping 10.9.0.1 repeat 3', 'show crypto ipsec sa']);
  });
});
