import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckSpecInput } from '../../shared/checks';
import { CheckSpec } from '../../shared/checks';
import type { CommandResult } from '../../shared/contract';
import { loadVtyshSession } from '../channel/testing/recordedSession';
import type { ScriptStep } from '../channel/testing/scriptedTransport';
import { DeviceSession } from '../session';
import { frrPagingOff, openRig, reply, type SessionRig } from '../session/testing/sessionRig';
import type { CheckEnvironment } from './attempts';
import type { CheckLine } from './deviceLine';
import { ProbeTimeoutError, systemProbes, type LaptopProbes } from './laptopProbes';
import { runCheck } from './runChecks';

const PASSWORD = 'Canary-Login-5150';
const spec = (input: CheckSpecInput): CheckSpec => CheckSpec.parse(input);

let rig: SessionRig | undefined;
let server: Server | undefined;
afterEach(async () => {
  rig?.dispose();
  rig = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** vtysh behind telnetd (telnet-vtysh-session.txt), logged in, then `steps`. */
async function frrLine(steps: ScriptStep[]): Promise<{ line: CheckLine; rig: SessionRig }> {
  const recorded = loadVtyshSession(PASSWORD);
  const login = recorded.steps.slice(0, 2).map((step) => ({ input: `${step.input}\n`, reply: step.reply }));
  rig = await openRig({ greeting: recorded.greeting, steps: [...login, ...frrPagingOff('r1# '), ...steps] });
  const session = await DeviceSession.login(rig.channel, rig.dialect, { username: 'admin', password: PASSWORD }, { loginTimeoutMs: 5000, commandTimeoutMs: 5000 });
  return { line: { session, channel: rig.channel }, rig };
}

function deviceEnvironment(line: CheckLine, commandTimeoutMs = 5000): CheckEnvironment {
  return { device: { line, platform: 'frr', commandTimeoutMs }, laptop: systemProbes };
}

const written = (opened: SessionRig): string => opened.transport.writes.map((chunk) => Buffer.from(chunk).toString('utf8')).join('');

describe('device checks over a session', () => {
  it("interrupts FRR's endless ping with Ctrl-C after the count of replies and judges the statistics it prints", async () => {
    const replies = [1, 2, 3].map((sequence) => `64 bytes from 192.0.2.2: icmp_seq=${sequence} ttl=64 time=0.05 ms\r\n`).join('');
    const { line, rig: opened } = await frrLine([
      { input: 'ping 192.0.2.2\n', reply: `ping 192.0.2.2\r\nPING 192.0.2.2 (192.0.2.2) 56(84) bytes of data.\r\n${replies}` },
      {
        input: '\x03',
        reply: '^C\r\n--- 192.0.2.2 ping statistics ---\r\n3 packets transmitted, 3 received, 0% packet loss, time 2003ms\r\nrtt min/avg/max/mdev = 0.040/0.050/0.060/0.008 ms\r\nr1# ',
      },
    ]);
    const result = await runCheck(spec({ id: 'ping-gw', kind: 'ping', params: { target: '192.0.2.2', count: 3 }, rule: 'loss <= 20%' }), deviceEnvironment(line));
    expect(result).toMatchObject({ status: 'pass', command: 'ping 192.0.2.2', measured: { sent: 3, received: 3, loss: 0, rttAvg: 0.05 }, message: null });
    expect(result.output).toMatch(/icmp_seq=3[\s\S]*--- 192\.0\.2\.2 ping statistics ---/);
    expect(written(opened).endsWith('ping 192.0.2.2\n\x03')).toBe(true);
    expect(opened.transport.unexpected).toEqual([]);
  });

  it('reports a command that times out as error, with the output received so far', async () => {
    const { line } = await frrLine([{ input: 'show ip bgp summary\n', reply: 'show ip bgp summary\r\nIPv4 Unicast Summary (VRF default):\r\nBGP router identifier 1.1.1.1' }]);
    const result = await runCheck(spec({ id: 'bgp', kind: 'bgp', rule: 'state == Established', timeoutMs: 300 }), deviceEnvironment(line));
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/^show ip bgp summary: Timeout: /);
    expect(result.output).toContain('BGP router identifier 1.1.1.1');
    expect(result.attempts).toHaveLength(1);
  });

  it('reports a command the device refuses as error, not fail', async () => {
    const { line } = await frrLine([reply('show ip route 10.9.0.0/16', ['% Unknown command: show ip route 10.9.0.0/16'], 'r1# ')]);
    const result = await runCheck(spec({ id: 'route', kind: 'route', params: { address: '10.9.0.0/16' }, rule: 'found' }), deviceEnvironment(line));
    expect(result).toMatchObject({ status: 'error', output: '% Unknown command: show ip route 10.9.0.0/16' });
    expect(result.message).toMatch(/refused the command/);
  });

  it('is error without sending anything when the platform has no such command or the check needs a device', async () => {
    const { line, rig: opened } = await frrLine([]);
    const before = written(opened);
    expect((await runCheck(spec({ id: 'ntp', kind: 'ntp', rule: 'synchronised', retry: { intervalMs: 1000, withinMs: 10_000 } }), deviceEnvironment(line))).attempts).toMatchObject([
      { status: 'error', message: 'no ntp check command for frr' },
    ]);
    expect(written(opened)).toBe(before);
    expect((await runCheck(spec({ id: 'bgp', kind: 'bgp', rule: 'state == Established' }), { laptop: systemProbes })).message).toMatch(/connect to one first/);
  });
});

describe('retries', () => {
  const summary = (state: string, prefixes: string): CommandResult => ({
    command: 'show ip bgp summary',
    output: `BGP router identifier 1.1.1.1, local AS number 65001 vrf-id 0\nNeighbor        V         AS   MsgRcvd   MsgSent   TblVer  InQ OutQ  Up/Down State/PfxRcd   PfxSnt Desc\n10.255.0.2      4      65002         5         5        0    0    0 00:00:01 ${state.padStart(12)} ${prefixes.padStart(8)} N/A\n`,
    prompt: 'r1#',
    startedAt: new Date(0).toISOString(),
    elapsedMs: 1,
    failed: false,
    failureMessage: null,
  });

  /** A line answering from a list, and a clock that only the fake wait moves. */
  function scripted(answers: CommandResult[]) {
    let clock = 0;
    const waits: number[] = [];
    const line: CheckLine = {
      session: { run: async () => answers.shift() ?? summary('Idle', '0'), resync: async () => undefined },
      channel: { write: async () => undefined, onText: () => ({ dispose: () => undefined }) },
    };
    const options = {
      now: () => clock,
      wait: async (milliseconds: number) => {
        waits.push(milliseconds);
        clock += milliseconds;
      },
    };
    return { line, options, waits };
  }

  it('tries again every interval until the check passes, keeping every attempt with its evidence', async () => {
    const { line, options, waits } = scripted([summary('Active', '0'), summary('Connect', '0'), summary('1', '2')]);
    const events: string[] = [];
    const result = await runCheck(spec({ id: 'bgp', kind: 'bgp', params: { neighbor: '10.255.0.2' }, rule: 'state == Established && prefixes >= 1', retry: { intervalMs: 5000, withinMs: 90_000 } }), deviceEnvironment(line), {
      ...options,
      onProgress: (event) => events.push(event.phase === 'attempt' ? `attempt ${event.attempt.attempt} ${event.attempt.status}` : event.phase),
    });
    expect(result.attempts.map((attempt) => [attempt.status, attempt.measured['state']])).toEqual([
      ['fail', 'Active'],
      ['fail', 'Connect'],
      ['pass', 'Established'],
    ]);
    expect(result.attempts[0]?.output).toContain('Active');
    expect(result).toMatchObject({ status: 'pass', measured: { prefixes: 1 }, elapsedMs: 10_000 });
    expect(waits).toEqual([5000, 5000]);
    expect(events).toEqual(['started', 'attempt 1 fail', 'attempt 2 fail', 'attempt 3 pass', 'finished']);
  });

  it('stops at the end of the window and reports the last attempt', async () => {
    const { line, options } = scripted([]);
    const result = await runCheck(spec({ id: 'bgp', kind: 'bgp', rule: 'state == Established', retry: { intervalMs: 5000, withinMs: 12_000 } }), deviceEnvironment(line), options);
    expect(result.attempts.map((attempt) => attempt.attempt)).toEqual([1, 2, 3]);
    expect(result).toMatchObject({ status: 'fail', measured: { state: 'Idle' } });
  });

  it('does not retry a rule that names a value the check does not measure', async () => {
    const { line, options } = scripted([]);
    const result = await runCheck(spec({ id: 'bgp', kind: 'bgp', rule: 'status == Established', retry: { intervalMs: 5000, withinMs: 60_000 } }), deviceEnvironment(line), options);
    expect(result.attempts).toHaveLength(1);
    expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('measures no "status"') });
  });
});

describe('laptop checks', () => {
  it('connects over TCP to a listening port (pass) and is refused on a closed one (fail)', async () => {
    server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const open = await runCheck(spec({ id: 'tcp-open', kind: 'tcp', params: { target: `127.0.0.1:${address.port}` }, rule: 'connected' }), { laptop: systemProbes });
    expect(open).toMatchObject({ status: 'pass', command: `tcp connect 127.0.0.1:${address.port}`, measured: { connected: true } });
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const closed = await runCheck(spec({ id: 'tcp-closed', kind: 'tcp', params: { host: '127.0.0.1', port: address.port }, rule: 'connected' }), { laptop: systemProbes });
    expect(closed).toMatchObject({ status: 'fail', measured: { connected: false, error: 'ECONNREFUSED' } });
  });

  it("pings 127.0.0.1 with the system's ping and reads its statistics", async () => {
    const result = await runCheck(spec({ id: 'host-ping', kind: 'host-ping', params: { target: '127.0.0.1', count: 2 }, rule: 'loss <= 20%' }), { laptop: systemProbes });
    expect(result).toMatchObject({ status: 'pass', command: 'ping -n -c 2 -W 2 127.0.0.1', measured: { sent: 2, received: 2, loss: 0 } });
    expect(result.output).toContain('--- 127.0.0.1 ping statistics ---');
  });

  it('resolves localhost', async () => {
    const result = await runCheck(spec({ id: 'dns', kind: 'dns', params: { name: 'localhost' }, rule: 'resolved' }), { laptop: systemProbes });
    expect(result.status).toBe('pass');
    expect(result.measured['addresses']).toEqual(expect.arrayContaining([expect.stringMatching(/^(?:127\.0\.0\.1|::1)$/)]));
  });

  it('fails a name that does not resolve and calls a probe that runs out of time an error', async () => {
    const probes: LaptopProbes = {
      ...systemProbes,
      resolve: async () => Promise.reject(Object.assign(new Error('queryA ENOTFOUND'), { code: 'ENOTFOUND' })),
      tcpConnect: async () => Promise.reject(new ProbeTimeoutError('no TCP answer from 127.0.0.1:9 within 10 ms')),
    };
    expect(await runCheck(spec({ id: 'dns', kind: 'dns', params: { name: 'nms.county.example' }, rule: 'resolved' }), { laptop: probes })).toMatchObject({ status: 'fail', measured: { resolved: false } });
    expect(await runCheck(spec({ id: 'tcp', kind: 'tcp', params: { target: '127.0.0.1:9' }, rule: 'connected' }), { laptop: probes })).toMatchObject({ status: 'error', message: 'no TCP answer from 127.0.0.1:9 within 10 ms' });
    expect((await runCheck(spec({ id: 'tcp', kind: 'tcp', params: { target: '-oProxy=x:22' }, rule: 'connected' }), { laptop: probes })).status).toBe('error');
  });
});
