import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CheckResult, CheckSpecInput } from '../../shared/checks';
import { createHost } from '../../host/compositionRoot';
import { DEFAULT_PROFILES_DIRECTORY, importSiteSheet } from '../../host/profiles';

// The interfaces check on the shared real FRR 8.4 peer (globalSetup.ts), through the host's
// checks service as the desktop and the CLI use it. FRR's `show interface brief` shows only the
// administrative flag, so the check asks `show interface NAME`, whose header carries the line
// protocol. The peer's namespace has veth pairs eth1-eth2 and eth3-eth4, all up.
const frr = inject('frr');
const dataDir = mkdtempSync(join(tmpdir(), 'fk-interfaces-check-'));
const host = createHost({ carrier: 'in-process', dataDir });
let sessionId = '';

beforeAll(async () => {
  const connected = await host.client.invoke('session.connect', {
    target: { kind: 'telnet', host: '127.0.0.1', port: frr.telnetdPort },
    credentials: { username: frr.loginUser, password: frr.loginPassword },
    label: 'interfaces-check',
  });
  expect(connected.facts).toMatchObject({ dialect: 'ios', vendor: 'FRRouting' });
  sessionId = connected.sessionId;
});

afterAll(async () => {
  if (sessionId !== '') await host.client.invoke('session.disconnect', { sessionId }).catch(() => undefined);
  await host.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(request: { checks?: CheckSpecInput[]; profiles?: { id: string; values: Record<string, string> }[] }): Promise<CheckResult[]> {
  const response = await host.client.invoke('checks.run', { sessionId, retryLimitMs: 0, ...request });
  for (const result of response.results) expect(result.output.includes(frr.loginPassword), result.id).toBe(false);
  return response.results;
}

/** The ios row of profiles/examples/<id>.csv, without the `dialect` column. */
async function exampleValues(id: string): Promise<Record<string, string>> {
  const sheet = await importSiteSheet(join(DEFAULT_PROFILES_DIRECTORY, 'examples', `${id}.csv`));
  if (!sheet.ok) throw new Error(`${id}.csv: ${sheet.problems.map((problem) => problem.message.en).join('; ')}`);
  const row = Object.values(sheet.sites).find((values) => values.dialect === 'ios');
  if (!row) throw new Error(`${id}.csv has no ios row`);
  const { dialect: _dialect, ...values } = row;
  return values;
}

describe('the interfaces check on real FRR', () => {
  it('passes on eth1, read from `show interface eth1` whose header says the line protocol is up', async () => {
    const [result] = await run({ checks: [{ id: 'eth1-up', kind: 'interfaces', params: { interface: 'eth1' }, rule: 'all(up)' }] });
    expect(result).toMatchObject({ status: 'pass', command: 'show interface eth1', measured: { interfaces: ['eth1'], missing: [], up: [true], status: 'up', protocol: 'up' } });
    expect(result?.output).toMatch(/^Interface eth1 is up, line protocol is up$/m);
  });

  it('fails on an interface the router does not have, with its answer as evidence', async () => {
    const [result] = await run({ checks: [{ id: 'missing-up', kind: 'interfaces', params: { interface: 'fk-missing0' }, rule: 'status == up && protocol == up' }] });
    expect(result).toMatchObject({ status: 'fail', command: 'show interface fk-missing0', measured: { missing: ['fk-missing0'], up: [false], status: 'missing', protocol: 'missing' } });
    expect(result?.output).toContain("% Can't find interface fk-missing0");
    expect(result?.message).toMatch(/did not hold: .*status.*missing/);
  });

  it('passes the interface checks of the lab profiles frr-static-mgmt and frr-ospf-tunnel with their example values', async () => {
    const profiles = [
      { id: 'frr-static-mgmt', values: await exampleValues('frr-static-mgmt') },
      { id: 'frr-ospf-tunnel', values: await exampleValues('frr-ospf-tunnel') },
    ];
    const results = await run({ profiles });
    const interfaceChecks = results.filter((result) => result.kind === 'interfaces').map((result) => [result.id, result.status, result.command]);
    expect(interfaceChecks).toEqual([
      ['frr-static-mgmt.mgmt-interface-up', 'pass', `show interface ${profiles[0]?.values['mgmt_interface']}`],
      ['frr-ospf-tunnel.tunnel-interface-up', 'pass', `show interface ${profiles[1]?.values['tunnel_interface']}`],
    ]);
  });
});
