import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import type { DialectId, Target } from '../../shared/contract';
import { createHost } from '../../host/compositionRoot';
import { startSimulator, startSimulatorPty } from '../../host/simulator';
import { runFieldkit } from '../support/runFieldkit';

// `dialect: 'auto'` over Telnet and over a console port (DOMAIN.md §1 #16: Netmiko's autodetect
// works over SSH only), for every simulated dialect and for the real FRR.
const frr = inject('frr');
const dataDir = mkdtempSync(join(tmpdir(), 'fk-auto-'));
const host = createHost({ carrier: 'in-process', dataDir });

/** A recognisable random value, so a leak into any output can be searched for. */
const canary = (): string => `cnry-${randomBytes(6).toString('hex')}`;

interface DialectCase {
  dialect: DialectId;
  /** What the version fixture parses to (test/fixtures/version/*.expected.json). */
  vendor: string;
  model: string;
  version: string;
}

const cases: DialectCase[] = [
  { dialect: 'ios', vendor: 'Cisco', model: 'IOSv', version: '15.8(3)M2' },
  { dialect: 'maipu', vendor: 'Maipu', model: 'MP3840', version: '6.3.17(integrity)' },
  { dialect: 'ruijie', vendor: 'Ruijie', model: 'S8607E', version: 'S8600E_RGOS 11.0(4)B8' },
  { dialect: 'vrp', vendor: 'Huawei', model: 'AR6280', version: '5.170 (AR6280 V300R019C10SPC300)' },
  { dialect: 'comware', vendor: 'H3C', model: 'S7510E', version: '5.20, Feature 6709L25' },
  { dialect: 'junos', vendor: 'Juniper', model: 'mx240', version: '13.3R1.4' },
];

/** Dialects without an `enable`: sending one would be an error on the device (or worse, a command). */
const noEnable: readonly DialectId[] = ['vrp', 'comware', 'junos'];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => host.dispose());

interface Credentials {
  username?: string;
  password?: string;
  enableSecret?: string;
}

/** Connects with `dialect: 'auto'` and disconnects at once, so the transcript is complete. */
async function connectAuto(target: Target, credentials: Credentials) {
  const result = await host.client.invoke('session.connect', { target, dialect: 'auto', credentials, label: 'auto' });
  await host.client.invoke('session.disconnect', { sessionId: result.sessionId });
  return { facts: result.facts, transcript: readFileSync(result.transcriptPath ?? '', 'utf8') };
}

type Connected = Awaited<ReturnType<typeof connectAuto>>;

/** Lines the host sent, from the masked transcript (`<time> > <line>`). */
function sentLines({ transcript }: Connected): string[] {
  return [...transcript.matchAll(/^\S+ > (.*)$/gm)].map((match) => match[1] ?? '');
}

const pagingOff: Record<DialectId, string> = {
  ios: 'terminal length 0',
  maipu: 'more off',
  ruijie: 'terminal length 0',
  vrp: 'screen-length 0 temporary',
  comware: 'screen-length disable',
  junos: 'set cli screen-length 0',
};

function expectIdentified(sample: DialectCase, connected: Connected, credentials: Credentials): void {
  expect(connected.facts).toMatchObject({ dialect: sample.dialect, vendor: sample.vendor, model: sample.model, version: sample.version, hostname: 'SIM1' });
  const sent = sentLines(connected);
  if (noEnable.includes(sample.dialect)) expect(sent).not.toContain('enable');
  // The dialect's own paging-off went out.
  expect(sent).toContain(pagingOff[sample.dialect]);
  for (const secret of [credentials.password, credentials.enableSecret]) if (secret) expect(connected.transcript).not.toContain(secret);
}

describe.each(cases)('dialect auto finds simulated $dialect', (sample) => {
  it('over Telnet without a login', async () => {
    const simulator = await startSimulator({ dialect: sample.dialect, hostname: 'SIM1' });
    cleanups.push(() => simulator.stop());
    const result = await connectAuto({ kind: 'telnet', host: '127.0.0.1', port: simulator.port }, {});
    expectIdentified(sample, result, {});
  });

  it('over Telnet after a username, password and enable secret', async () => {
    const credentials = { username: 'tech', password: canary(), enableSecret: canary() };
    const simulator = await startSimulator({ dialect: sample.dialect, hostname: 'SIM1', ...credentials });
    cleanups.push(() => simulator.stop());
    const result = await connectAuto({ kind: 'telnet', host: '127.0.0.1', port: simulator.port }, credentials);
    expectIdentified(sample, result, credentials);
    const sent = sentLines(result);
    // Only the user-mode IOS-like devices are asked for the enable secret, after identification.
    if (!noEnable.includes(sample.dialect)) expect(sent.indexOf('enable')).toBeGreaterThan(sent.indexOf('show version'));
  });

  it('over a console port (pseudo-terminal) without a login', async () => {
    const path = join(tmpdir(), `fk-auto-${process.pid}-${sample.dialect}-${randomBytes(3).toString('hex')}`);
    const simulator = await startSimulatorPty({ dialect: sample.dialect, path, hostname: 'SIM1' });
    cleanups.push(() => simulator.stop());
    const result = await connectAuto({ kind: 'serial', path, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' }, {});
    expectIdentified(sample, result, {});
  });
});

describe.each(cases)('dialect auto finds simulated $dialect on a console', (sample) => {
  it('after a username and password', async () => {
    const credentials = { username: 'tech', password: canary(), enableSecret: canary() };
    const path = join(tmpdir(), `fk-auto-${process.pid}-${sample.dialect}-${randomBytes(3).toString('hex')}`);
    const simulator = await startSimulatorPty({ dialect: sample.dialect, path, hostname: 'SIM1', ...credentials });
    cleanups.push(() => simulator.stop());
    const result = await connectAuto({ kind: 'serial', path, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' }, credentials);
    expectIdentified(sample, result, credentials);
  });
});

describe('dialect auto with the real FRR', () => {
  it('stays ios with vendor FRRouting on a daemon VTY (password, then enable)', async () => {
    const result = await connectAuto({ kind: 'telnet', host: '127.0.0.1', port: frr.zebraPort }, { password: frr.vtyPassword, enableSecret: frr.enablePassword });
    expect(result.facts).toMatchObject({ dialect: 'ios', vendor: 'FRRouting', version: frr.version, hostname: frr.hostname });
  });

  it('stays ios through telnetd’s Username/Password into vtysh', async () => {
    const result = await connectAuto({ kind: 'telnet', host: '127.0.0.1', port: frr.telnetdPort }, { username: frr.loginUser, password: frr.loginPassword });
    expect(result.facts).toMatchObject({ dialect: 'ios', vendor: 'FRRouting', version: frr.version, hostname: frr.hostname });
  });
});

describe('fieldkit facts with the default dialect (auto)', () => {
  const cli = (args: string[]) => runFieldkit(args, { FIELDKIT_DATA_DIR: dataDir });

  it.each([
    { dialect: 'vrp' as const, expected: { hostname: 'SIM1', vendor: 'Huawei', model: 'AR6280', version: '5.170 (AR6280 V300R019C10SPC300)', dialect: 'vrp' } },
    { dialect: 'junos' as const, expected: { hostname: 'SIM1', vendor: 'Juniper', model: 'mx240', version: '13.3R1.4', dialect: 'junos' } },
  ])('prints the facts of a simulated $dialect device as JSON', async ({ dialect, expected }) => {
    const simulator = await startSimulator({ dialect, hostname: 'SIM1' });
    cleanups.push(() => simulator.stop());
    const result = await cli(['facts', '--telnet', `127.0.0.1:${simulator.port}`, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject(expected);
  });
});
