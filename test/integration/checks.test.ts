import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkCommand } from '../../host/cli/commands/checkCommand';
import { applyCommand } from '../../host/cli/commands/provisionCommands';
import type { CliIo } from '../../host/cli/io';
import { startTopology, type FrrTopology } from '../peers/topology';

// Connectivity checks against a real two-router FRR 8.4 topology. r1 is the county site: FieldKit
// configures it over Telnet (telnetd → vtysh, the only shell with `ping`) with the lab eBGP CE
// profile; r2 plays the provider edge, configured directly. FRR's `ping` takes no count and runs
// until Ctrl-C: the check interrupts it after the count of replies (commands.ts, `frr.ping`).
const vtyPassword = `cnry-${randomBytes(6).toString('hex')}`;
const enablePassword = `cnry-${randomBytes(6).toString('hex')}`;
const login = { username: 'fieldkit', password: `cnry-${randomBytes(6).toString('hex')}` };
const workDir = mkdtempSync(join(tmpdir(), 'fieldkit-checks-'));
const paramsFile = join(workDir, 'site.yaml');
const previousDataDir = process.env['FIELDKIT_DATA_DIR'];

const JsonResult = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['pass', 'fail', 'warn', 'error']),
  rule: z.string(),
  measured: z.record(z.string(), z.unknown()),
  command: z.string(),
  output: z.string(),
  attempts: z.array(z.object({ attempt: z.number(), status: z.string(), output: z.string(), measured: z.record(z.string(), z.unknown()) })),
  elapsedMs: z.number(),
});
type JsonResult = z.infer<typeof JsonResult>;

let topology: FrrTopology | undefined;

function telnetPort(): number {
  const port = topology?.routers[0].telnetdPort;
  if (port === undefined) throw new Error('r1 has no telnetd');
  return port;
}

function captureIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    env: { FK_PASSWORD: login.password },
    out: (text: string) => {
      io.stdout += text;
    },
    err: (text: string) => {
      io.stderr += text;
    },
  };
  return io;
}

const connection = (): string[] => ['--telnet', `127.0.0.1:${telnetPort()}`, '--username', login.username, '--password-env', 'FK_PASSWORD', '--dialect', 'ios'];

async function check(extra: string[]): Promise<{ code: number; results: JsonResult[]; stderr: string }> {
  const io = captureIo();
  const code = await checkCommand([...connection(), '--profile', 'frr-mpls-ce', '--params', paramsFile, '--ping', '10.255.0.2', '--route', '10.2.2.0/24', '--json', ...extra], io);
  expect(io.stdout + io.stderr).not.toContain(login.password);
  return { code, results: z.array(JsonResult).parse(JSON.parse(io.stdout)), stderr: io.stderr };
}

function byId(results: JsonResult[], id: string): JsonResult {
  const found = results.find((result) => result.id === id);
  if (!found) throw new Error(`no result ${id} in ${results.map((result) => result.id).join(', ')}`);
  return found;
}

describe('connectivity checks on a two-router FRR topology', () => {
  beforeAll(async () => {
    process.env['FIELDKIT_DATA_DIR'] = join(workDir, 'data');
    topology = await startTopology({ routers: [{ hostname: 'r1', login }, { hostname: 'r2' }], vtyPassword, enablePassword });
    const [, r2] = topology.routers;
    await r2.vtysh([
      'configure terminal',
      'router bgp 65002',
      'bgp router-id 2.2.2.2',
      'no bgp ebgp-requires-policy',
      'timers bgp 3 9',
      'neighbor 10.255.0.1 remote-as 65001',
      // The provider edge retries every 2 s, so the session comes back soon after the link.
      'neighbor 10.255.0.1 timers connect 2',
      'address-family ipv4 unicast',
      'network 10.2.2.0/24',
    ]);
    writeFileSync(paramsFile, ['local_as: 65001', 'provider_as: 65002', 'pe_address: 10.255.0.2', 'router_id: 1.1.1.1', 'local_lan: 10.1.1.0/24', ''].join('\n'));
    const io = captureIo();
    const applied = await applyCommand([...connection(), '--profile', 'frr-mpls-ce', '--params', paramsFile, '--no-save'], io);
    if (applied !== 0) throw new Error(`fieldkit apply failed:\n${io.stdout}\n${io.stderr}`);
  }, 180_000);

  afterAll(async () => {
    await topology?.stop();
    if (previousDataDir === undefined) delete process.env['FIELDKIT_DATA_DIR'];
    else process.env['FIELDKIT_DATA_DIR'] = previousDataDir;
    rmSync(workDir, { recursive: true, force: true });
  });

  it('passes the BGP, route and ping checks once the session is up, with the device output as evidence', async () => {
    const { code, results } = await check([]);
    expect(results.map((result) => [result.id, result.status])).toEqual([
      ['frr-mpls-ce.pe-session-established', 'pass'],
      ['frr-mpls-ce.pe-reachable', 'pass'],
      ['ping-10.255.0.2', 'pass'],
      ['route-10.2.2.0/24', 'pass'],
    ]);
    expect(code).toBe(0);
    const bgp = byId(results, 'frr-mpls-ce.pe-session-established');
    expect(bgp).toMatchObject({ kind: 'bgp', command: 'show ip bgp summary', measured: { neighbor: '10.255.0.2', state: 'Established' } });
    expect(bgp.measured['prefixes']).toBeGreaterThanOrEqual(1);
    expect(bgp.output).toMatch(/^10\.255\.0\.2\s+4\s+65002\s/m);
    const ping = byId(results, 'ping-10.255.0.2');
    // FRR's `ping` has no count: it was interrupted with Ctrl-C after the 5 replies asked for.
    expect(ping).toMatchObject({ command: 'ping 10.255.0.2', measured: { loss: 0, reachable: true } });
    expect(ping.measured['received']).toBeGreaterThanOrEqual(5);
    expect(ping.output).toMatch(/64 bytes from 10\.255\.0\.2: icmp_seq=5/);
    expect(ping.output).toMatch(/--- 10\.255\.0\.2 ping statistics ---/);
    const route = byId(results, 'route-10.2.2.0/24');
    expect(route).toMatchObject({ command: 'show ip route 10.2.2.0/24', measured: { found: true, protocol: 'bgp', prefix: '10.2.2.0/24' } });
    expect(route.output).toMatch(/Known via "bgp"/);
  });

  it('fails them when the link is cut, with the state and the unreachable network in the output', async () => {
    await topology?.cut();
    const { code, results } = await check(['--retry-for', '0']);
    expect(code).toBe(1);
    for (const result of results) expect(result.status, `${result.id}: ${result.output}`).toBe('fail');
    const bgp = byId(results, 'frr-mpls-ce.pe-session-established');
    expect(bgp.measured['state']).toMatch(/^(?:Idle|Active|Connect)$/);
    expect(bgp.output).toMatch(/^10\.255\.0\.2\s+4\s+65002\s.*\s(?:Idle|Active|Connect)\s+0\s+PE$/m);
    const ping = byId(results, 'ping-10.255.0.2');
    expect(ping.measured).toMatchObject({ reachable: false, loss: 100 });
    expect(ping.output).toMatch(/Network is unreachable/);
    expect(byId(results, 'route-10.2.2.0/24').measured).toMatchObject({ found: false });
    for (const result of results) expect(result.attempts).toHaveLength(1);
  });

  it('passes again after restore(), the BGP check retrying until the session is back and keeping every attempt', async () => {
    await topology?.restore();
    const { code, results } = await check([]);
    expect(results.map((result) => result.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(code).toBe(0);
    const bgp = byId(results, 'frr-mpls-ce.pe-session-established');
    const attempts = bgp.attempts;
    expect(attempts.map((attempt) => attempt.attempt)).toEqual(attempts.map((_attempt, index) => index + 1));
    expect(attempts.at(-1)?.status).toBe('pass');
    for (const earlier of attempts.slice(0, -1)) {
      expect(earlier.status).toBe('fail');
      expect(earlier.output).toMatch(/^10\.255\.0\.2\s/m);
    }
  }, 240_000);
});
