import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ChecksProgress, contract, FieldKitError, type RequestOf } from '../../shared/contract';
import { profileDocument } from '../../shared/profiles/testProfile';
import { createSecretMasker } from '../../shared/secrets/secretMasker';
import { EventBus } from '../carriers/eventBus';
import { loadVtyshSession } from '../channel/testing/recordedSession';
import type { LaptopProbes } from '../checks';
import { silentLogger } from '../logging/logger';
import { DeviceSession } from '../session';
import { frrPagingOff, openRig, type SessionRig } from '../session/testing/sessionRig';
import { createChecksService } from './checksService';
import { LiveSession } from './liveSession';

// The service renders a profile's checks with the request's values and runs them on the session's
// line. The profile here declares laptop checks only, so the probes record what actually ran while
// the session (a recorded FRR login) is the real one a connected device gives.
const PASSWORD = 'Canary-Login-7272';
const VALUES = { hostname: 'r1', lan: '10.0.0.0/24' };

let profilesDir = '';
let rig: SessionRig | undefined;
let live: LiveSession | undefined;

beforeAll(() => {
  profilesDir = mkdtempSync(join(tmpdir(), 'fk-checks-service-'));
  const profile = profileDocument({
    checks: [
      { id: 'resolves-site', kind: 'dns', title: { 'zh-CN': '站点名可解析', en: 'The site name resolves' }, params: { name: '{{ hostname }}.site.example' }, rule: 'resolved' },
      { id: 'resolves-noc', kind: 'dns', title: { 'zh-CN': '网管名可解析', en: 'The NOC name resolves' }, params: { name: 'noc.example' }, rule: 'resolved' },
      { id: 'reaches-noc', kind: 'tcp', title: { 'zh-CN': '网管端口可达', en: 'The NOC port is reachable' }, params: { target: '192.0.2.10:443' }, rule: 'connected' },
    ],
  });
  writeFileSync(join(profilesDir, 'test-profile.yaml'), stringify(profile));
});

afterAll(() => {
  rmSync(profilesDir, { recursive: true, force: true });
});

afterEach(async () => {
  await live?.disconnect();
  rig?.dispose();
  live = undefined;
  rig = undefined;
});

/** Probes that answer at once and write down each name resolved and each address connected to. */
function recordingProbes(): { probes: LaptopProbes; probed: string[] } {
  const probed: string[] = [];
  const probes: LaptopProbes = {
    resolve: (name) => {
      probed.push(name);
      return Promise.resolve(['192.0.2.53']);
    },
    tcpConnect: (host, port) => {
      probed.push(`${host}:${port}`);
      return Promise.resolve({ connected: true, error: null, elapsedMs: 1 });
    },
    ping: () => Promise.reject(new Error('no test here pings')),
  };
  return { probes, probed };
}

/** A connected FRR session (telnet-vtysh-session.txt) as the host holds it once `session.connect` answered. */
async function connectedSession(events: EventBus): Promise<LiveSession> {
  const recorded = loadVtyshSession(PASSWORD);
  const login = recorded.steps.slice(0, 2).map((step) => ({ input: `${step.input}\n`, reply: step.reply }));
  rig = await openRig({ greeting: recorded.greeting, steps: [...login, ...frrPagingOff('r1# ')] });
  const session = await DeviceSession.login(rig.channel, rig.dialect, { username: 'admin', password: PASSWORD }, { loginTimeoutMs: 5000, commandTimeoutMs: 5000 });
  const facts = { hostname: 'r1', vendor: 'FRRouting', model: null, serial: null, version: null, uptime: null, dialect: 'ios' as const };
  live = new LiveSession(
    { id: 's1', transport: rig.transport, channel: rig.channel, session, dialect: 'ios', facts, transcript: undefined, transcriptPath: null },
    events,
    () => undefined,
  );
  return live;
}

async function checksRun(request: RequestOf<'checks.run'>) {
  const events = new EventBus();
  const progress: ChecksProgress[] = [];
  events.onAny((event, payload) => {
    if (event === 'checks.progress') progress.push(ChecksProgress.parse(payload));
  });
  const session = await connectedSession(events);
  const { probes, probed } = recordingProbes();
  const service = createChecksService({ events, logger: silentLogger, masker: createSecretMasker(), profilesDir, laptop: probes, session: () => session });
  const run = service['checks.run'](contract.methods['checks.run'].request.parse(request));
  return { run, probed, progress };
}

describe('checks.run with a profile', () => {
  it('runs every check the profile declares when the selection names none', async () => {
    const { run, probed } = await checksRun({ sessionId: 's1', profiles: [{ id: 'test-profile', values: VALUES }] });
    const response = await run;
    expect(response.results.map((result) => [result.id, result.status])).toEqual([
      ['test-profile.resolves-site', 'pass'],
      ['test-profile.resolves-noc', 'pass'],
      ['test-profile.reaches-noc', 'pass'],
    ]);
    expect(probed).toEqual(['r1.site.example', 'noc.example', '192.0.2.10:443']);
  });

  it('runs only the named checks, in the profile’s order, and reports only those', async () => {
    const { run, probed, progress } = await checksRun({
      sessionId: 's1',
      profiles: [{ id: 'test-profile', values: VALUES, checkIds: ['reaches-noc', 'resolves-site'] }],
      runId: 'run-only-two',
    });
    const response = await run;
    expect(response.results.map((result) => result.id)).toEqual(['test-profile.resolves-site', 'test-profile.reaches-noc']);
    expect(response.results[0]).toMatchObject({ profileId: 'test-profile', command: 'resolve r1.site.example', status: 'pass' });
    expect(response.passed).toBe(true);
    expect(probed).toEqual(['r1.site.example', '192.0.2.10:443']);
    expect(new Set(progress.map((event) => event.checkId))).toEqual(new Set(['test-profile.resolves-site', 'test-profile.reaches-noc']));
  });

  it('refuses a check id the profile does not declare, naming it, before anything runs', async () => {
    const { run, probed, progress } = await checksRun({ sessionId: 's1', profiles: [{ id: 'test-profile', values: VALUES, checkIds: ['resolves-site', 'test-profile.resolves-noc'] }] });
    const refusal = await run.then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(FieldKitError);
    expect(refusal).toMatchObject({ code: 'InvalidRequest', details: { profileId: 'test-profile', checkId: 'test-profile.resolves-noc' } });
    expect(refusal instanceof Error ? refusal.message : '').toContain('"test-profile.resolves-noc"');
    expect(probed).toEqual([]);
    expect(progress).toEqual([]);
  });
});

describe('the checks.run request', () => {
  const parse = (request: unknown) => contract.methods['checks.run'].request.safeParse(request);

  it('keeps profiles without checkIds as they were, and refuses an empty list of check ids', () => {
    expect(parse({ sessionId: 's1', profiles: [{ id: 'test-profile' }] }).data?.profiles).toEqual([{ id: 'test-profile', values: {} }]);
    expect(parse({ sessionId: 's1', profiles: [{ id: 'test-profile', checkIds: [] }] }).success).toBe(false);
  });
});
