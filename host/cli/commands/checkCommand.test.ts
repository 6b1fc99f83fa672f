import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../shared/checks';
import { UsageError } from '../cliError';
import { captureIo } from '../testing/captureIo';
import { adHocChecks, checkCommand, formatCheckResults } from './checkCommand';

describe('check flags', () => {
  it('turns --ping, --route, --tcp, --resolve and --host-ping into checks with their default rules', () => {
    expect(adHocChecks({ ping: '10.255.0.2,10.2.2.1', source: 'lan0', count: '3', route: '10.2.2.0/24' })).toEqual([
      { id: 'ping-10.255.0.2', kind: 'ping', rule: 'loss <= 20%', params: { target: '10.255.0.2', count: 3, source: 'lan0' } },
      { id: 'ping-10.2.2.1', kind: 'ping', rule: 'loss <= 20%', params: { target: '10.2.2.1', count: 3, source: 'lan0' } },
      { id: 'route-10.2.2.0/24', kind: 'route', rule: 'found', params: { address: '10.2.2.0/24' } },
    ]);
    expect(adHocChecks({ tcp: '127.0.0.1:8443', resolve: 'localhost', 'host-ping': '127.0.0.1' }).map((check) => [check.kind, check.rule])).toEqual([
      ['tcp', 'connected'],
      ['dns', 'resolved'],
      ['host-ping', 'loss <= 20%'],
    ]);
  });

  it('refuses flags that make no sense', async () => {
    expect(() => adHocChecks({ ping: '10.0.0.1', count: 'many' })).toThrow(UsageError);
    expect(() => adHocChecks({ source: 'lan0' })).toThrow(/go with --ping/);
    expect(() => adHocChecks({ tcp: '127.0.0.1' })).toThrow(/HOST:PORT/);
    await expect(checkCommand([], captureIo())).rejects.toThrow(/say what to check/);
    await expect(checkCommand(['--ping', '10.0.0.1'], captureIo())).rejects.toThrow(/run on the device/);
    await expect(checkCommand(['--tcp', '127.0.0.1:1', '--retry-for', '-1'], captureIo())).rejects.toThrow(/--retry-for/);
  });

  it('prints one line a check, and for one that did not pass its reason, command and output', () => {
    const result = (status: CheckResult['status']): CheckResult => ({
      id: `bgp-${status}`,
      kind: 'bgp',
      status,
      rule: 'state == Established',
      measured: { state: status === 'pass' ? 'Established' : 'Idle' },
      command: 'show ip bgp summary',
      output: '10.255.0.2      4      65002  Idle',
      message: status === 'pass' ? null : 'rule state == Established did not hold: state ("Idle") == "Established": false',
      attempts: [],
      startedAt: new Date(0).toISOString(),
      elapsedMs: 12,
    });
    expect(formatCheckResults([result('pass'), result('fail')])).toBe(
      [
        'PASS  bgp-pass  [state == Established]  state=Established  (12 ms)',
        'FAIL  bgp-fail  [state == Established]  state=Idle  (12 ms)',
        '      rule state == Established did not hold: state ("Idle") == "Established": false',
        '      $ show ip bgp summary',
        '      | 10.255.0.2      4      65002  Idle',
        '1/2 checks passed',
        '',
      ].join('\n'),
    );
  });
});

describe('fieldkit check from the laptop', () => {
  let server: Server;
  let port: number;
  let dataDir: string;
  const previous = process.env['FIELDKIT_DATA_DIR'];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fieldkit-check-cli-'));
    process.env['FIELDKIT_DATA_DIR'] = dataDir;
    server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    port = address.port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (previous === undefined) delete process.env['FIELDKIT_DATA_DIR'];
    else process.env['FIELDKIT_DATA_DIR'] = previous;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs TCP and DNS checks without a device and prints the --json list; exit 0 only when all passed', async () => {
    const io = captureIo();
    expect(await checkCommand(['--tcp', `127.0.0.1:${port}`, '--resolve', 'localhost', '--json'], io)).toBe(0);
    const results = JSON.parse(io.stdout) as Record<string, unknown>[];
    expect(results.map((result) => Object.keys(result))).toEqual([
      ['id', 'kind', 'status', 'rule', 'measured', 'command', 'output', 'attempts', 'elapsedMs'],
      ['id', 'kind', 'status', 'rule', 'measured', 'command', 'output', 'attempts', 'elapsedMs'],
    ]);
    expect(results.map((result) => [result['id'], result['status']])).toEqual([
      [`tcp-127.0.0.1:${port}`, 'pass'],
      ['dns-localhost', 'pass'],
    ]);

    const refused = captureIo();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedAddress = closed.address();
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    if (closedAddress === null || typeof closedAddress === 'string') throw new Error('no port');
    expect(await checkCommand(['--tcp', `127.0.0.1:${port},127.0.0.1:${closedAddress.port}`], refused)).toBe(1);
    expect(refused.stdout).toMatch(/^FAIL {2}tcp-127\.0\.0\.1:\d+ .*connected=false/m);
    expect(refused.stdout).toMatch(/1\/2 checks passed/);
  });
});
