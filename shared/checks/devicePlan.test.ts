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

  it('asks FRR about each named interface, whose detail carries the link state, and reports a missing one', () => {
    const plan = planDeviceCheck('frr', 'interfaces', { interface: 'eth1,eth9' });
    expect(plan.commands).toEqual([{ command: 'show interface eth1' }, { command: 'show interface eth9' }]);
    const outputs = [ok(fixture('interfaces/ios-frr-8.4.4-show-interface-eth1.txt')), ok(fixture('interfaces/ios-frr-8.4.4-show-interface-missing.txt'))];
    expect(plan.measure(outputs)).toEqual({ interfaces: ['eth1', 'eth9'], missing: ['eth9'], up: [true, false], status: 'missing', protocol: 'missing' });
    expect(planDeviceCheck('frr', 'interfaces', { interface: 'eth1' }).measure(outputs.slice(0, 1))).toEqual({ interfaces: ['eth1'], missing: [], up: [true], status: 'up', protocol: 'up' });
  });

  it('reads every FRR interface from one `show interface`: shut down, without carrier, and configured but absent from the kernel', () => {
    const plan = planDeviceCheck('frr', 'interfaces', {});
    expect(plan.commands).toEqual([{ command: 'show interface' }]);
    const measured = plan.measure([ok(fixture('interfaces/ios-frr-8.4.4-show-interface.txt'))]);
    expect(measured).toMatchObject({ interfaces: ['eth1', 'eth2', 'eth3', 'eth4', 'lo', 'wan7'], up: [true, true, false, false, true, false], status: 'down' });
    expect(planDeviceCheck('frr', 'interfaces', { interface: 'eth4' }).measure([ok(fixture('interfaces/ios-frr-8.4.4-show-interface.txt'))])).toMatchObject({ status: 'up', protocol: 'down' });
  });

  it('reads other platforms` summary table once, whatever the number of names', () => {
    const plan = planDeviceCheck('ios', 'interfaces', { interface: 'Ethernet0/1, Ethernet0/2' });
    expect(plan.commands).toEqual([{ command: 'show ip interface brief' }]);
    expect(plan.measure([ok(fixture('interfaces/ios-ntc-show-ip-interface-brief.txt'))])).toEqual({ interfaces: ['Ethernet0/1', 'Ethernet0/2'], missing: [], up: [true, false], status: 'down', protocol: 'down' });
  });

  it('passes a ping size to the vendors that take one and refuses it, or a bad one, elsewhere', () => {
    expect(planDeviceCheck('vrp', 'ping', { target: '10.0.0.1', count: 3, size: 1472 }).commands).toEqual([{ command: 'ping -c 3 -s 1472 10.0.0.1' }]);
    expect(planDeviceCheck('ios', 'ping', { target: '10.0.0.1', size: '1500' }).commands).toEqual([{ command: 'ping 10.0.0.1 repeat 5 size 1500' }]);
    expect(() => planDeviceCheck('frr', 'ping', { target: '10.0.0.1', size: 1400 })).toThrow(/frr ping has no packet size option/);
    expect(() => planDeviceCheck('junos', 'ping', { target: '10.0.0.1', size: 'jumbo' })).toThrow(/size must be a whole number/);
    expect(() => planDeviceCheck('junos', 'ping', { target: '10.0.0.1', size: 70_000 })).toThrow(CheckCommandError);
    const vpn = planDeviceCheck('comware', 'vpn', { peer: '203.0.113.1', through: '10.9.0.1', count: 3, size: 1400 });
    expect(vpn.commands[2]).toEqual({ command: 'ping -c 3 -s 1400 10.9.0.1' });
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
