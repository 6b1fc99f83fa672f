import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApplyOptions, type DialectId, type EventOf, type ProvisionSource } from '../../shared/contract';
import { ProfileDefinition } from '../../shared/profiles';
import { profileDocument } from '../../shared/profiles/testProfile';
import { seededRandom } from '../channel/testing/scriptedTransport';
import { findProfile, loadProfileLibrary } from '../profiles';
import { renderLines } from '../simulator/configTree';
import { applyProvision } from './applyProvision';
import type { ProvisionContext } from './context';
import { planProvision } from './planning';
import { rollbackProvision } from './rollback';
import { readJournal, summarizeJournal } from './runJournal';
import { openSimulatedLine, type SimulatedRig } from './testing/simulatedLine';

const runsDir = mkdtempSync(join(tmpdir(), 'fieldkit-provision-'));
afterAll(() => rmSync(runsDir, { recursive: true, force: true }));

const library = await loadProfileLibrary();
const defaults = ApplyOptions.parse({});

function contextFor(rig: SimulatedRig, progress: EventOf<'provision.progress'>[] = []): ProvisionContext {
  return {
    line: rig.line,
    sessionId: 'test-session',
    target: rig.transport.description,
    runsDir,
    mask: (text) => rig.masker.mask(text),
    lookup: (id) => findProfile(library, id),
    addSecrets: (secrets) => secrets.forEach((secret) => rig.masker.add(secret)),
    progress: (event) => progress.push(event),
  };
}

const baseSystem: ProvisionSource = {
  kind: 'profiles',
  profiles: [{ id: 'base-system', values: { hostname: 'site-r1', ntp_server: '192.0.2.10', syslog_host: '192.0.2.20' } }],
  ignoreUndeclared: true,
};

const running = (rig: SimulatedRig): string => renderLines(rig.device.running, ' ', 0).join('\n');
const startup = (rig: SimulatedRig): string => renderLines(rig.device.startup, ' ', 0).join('\n');

describe.each<DialectId>(['ios', 'maipu', 'ruijie', 'vrp', 'comware', 'junos'])('base-system on the %s simulator', (dialect) => {
  it('plans, applies, saves, re-plans to nothing and rolls back', async () => {
    const rig = await openSimulatedLine(dialect);
    try {
      const before = running(rig);
      const progress: EventOf<'provision.progress'>[] = [];
      const context = contextFor(rig, progress);

      const plan = await planProvision(context, baseSystem);
      expect(plan.lines.length).toBeGreaterThan(0);
      expect(plan.diff).toMatch(/^\+ /m);

      const report = await applyProvision(context, baseSystem, defaults);
      expect(report.failedLine).toBeNull();
      expect(report.interrupted).toBeNull();
      expect(report.acknowledged).toBe(report.planned);
      expect(report.saved).toBe(true);
      expect(rig.device.hostname).toBe('site-r1');
      expect(startup(rig)).toBe(running(rig));
      expect(progress.at(-1)).toMatchObject({ index: report.planned, total: report.planned, estimateMs: 0 });
      expect(readFileSync(report.backup ?? '', 'utf8')).toContain(dialect === 'junos' ? 'host-name' : 'name');

      const again = await planProvision(context, baseSystem);
      expect(again.lines).toEqual([]);

      const rollback = await rollbackProvision(context, baseSystem, { backup: readFileSync(report.backup ?? '', 'utf8'), save: false });
      expect(rollback.available).toBe(true);
      expect(rollback.failedLine).toBeNull();
      // The reverse cannot know the old host name; rollback restores it from the backup. Only
      // VRP's and Comware's `info-center enable` is left (base-system.yaml says why).
      const left = dialect === 'vrp' || dialect === 'comware' ? ['info-center enable'] : [];
      expect(rollback.differences?.extra).toEqual(left);
      expect(rollback.differences?.missing).toEqual([]);
      expect(rollback.matchesBackup).toBe(left.length === 0);
      expect(rig.device.hostname).not.toBe('site-r1');
      expect(running(rig) === before).toBe(left.length === 0);
    } finally {
      rig.dispose();
    }
  });
});

describe('apply engine on the IOS simulator', () => {
  const prefixLines = (count: number): string[] => Array.from({ length: count }, (_, index) => `ip route 10.${index}.0.0 255.255.0.0 192.0.2.1`);

  it('stops at a device error at a random line and sends nothing after it', async () => {
    const random = seededRandom(20250301);
    for (let round = 0; round < 3; round += 1) {
      const rig = await openSimulatedLine('ios');
      try {
        const lines = prefixLines(12);
        const position = Math.floor(random() * lines.length);
        lines.splice(position, 0, 'ip rooute 10.99.0.0 255.255.0.0 192.0.2.1');
        const report = await applyProvision(contextFor(rig), { kind: 'config', name: 'snippet.txt', lines }, defaults);
        expect(report.failedLine).toMatchObject({ number: position + 1, text: 'ip rooute 10.99.0.0 255.255.0.0 192.0.2.1' });
        expect(report.failedLine?.message).toContain('% Invalid input detected');
        expect(report.acknowledged).toBe(position);
        expect(report.saved).toBe(false);
        const config = running(rig);
        for (const [index, line] of lines.entries()) {
          if (index < position) expect(config).toContain(line);
          else expect(config).not.toContain(line);
        }
        expect(rig.transport.received.filter((line) => line.startsWith('ip '))).toEqual(lines.slice(0, position + 1));
      } finally {
        rig.dispose();
      }
    }
  });

  it('records every acknowledged line and resumes after a pulled cable to the same result', async () => {
    const lines = ['interface GigabitEthernet0/1', ' description uplink', ' ip address 192.0.2.1 255.255.255.252', 'exit', ...prefixLines(8)];
    const source: ProvisionSource = { kind: 'config', name: 'site.txt', lines };
    const clean = await openSimulatedLine('ios');
    await applyProvision(contextFor(clean), source, defaults);
    const expected = running(clean);
    clean.dispose();

    const random = seededRandom(7);
    for (let round = 0; round < 3; round += 1) {
      const first = await openSimulatedLine('ios');
      const pullAt = 1 + Math.floor(random() * 10);
      // `show running-config` and `configure terminal` come first.
      first.transport.pullAfterLines(2 + pullAt);
      const interrupted = await applyProvision(contextFor(first), source, defaults);
      expect(interrupted.interrupted).not.toBeNull();
      expect(interrupted.acknowledged).toBe(pullAt);
      const summary = summarizeJournal(readJournal(interrupted.journal ?? '').entries);
      expect(summary.acknowledged.map((line) => line.text)).toEqual(interrupted.lines.slice(0, pullAt).map((line) => line.text));

      const second = await openSimulatedLine('ios', first.device);
      const resumed = await applyProvision(contextFor(second), source, { ...defaults, resumeRunId: interrupted.runId });
      expect(resumed.runId).toBe(interrupted.runId);
      expect(resumed.failedLine).toBeNull();
      expect(resumed.resumed).toMatchObject({ acknowledgedBefore: pullAt, lostLines: [] });
      expect(resumed.saved).toBe(true);
      expect(running(second)).toBe(expected);
      expect(summarizeJournal(readJournal(interrupted.journal ?? '').entries).finished).toBe(true);
      second.dispose();
      first.dispose();
    }
  });

  it('masks secret parameter values in the plan, the progress events and the journal', async () => {
    const profile = ProfileDefinition.parse(
      profileDocument({
        id: 'local-admin',
        parameters: [{ name: 'admin_secret', type: 'secret', label: { 'zh-CN': '密码', en: 'Secret' } }],
        templates: { ios: { apply: 'username admin privilege 15 secret {{ admin_secret }}\n' } },
      }),
    );
    const rig = await openSimulatedLine('ios');
    try {
      const progress: EventOf<'provision.progress'>[] = [];
      const context = { ...contextFor(rig, progress), lookup: (id: string) => (id === profile.id ? profile : undefined) };
      const source: ProvisionSource = { kind: 'profiles', profiles: [{ id: 'local-admin', values: { admin_secret: 'Sup3r-Secret-42' } }], ignoreUndeclared: true };
      const report = await applyProvision(context, source, defaults);
      expect(report.acknowledged).toBe(1);
      const shown = JSON.stringify({ report, progress }) + readFileSync(report.journal ?? '', 'utf8');
      expect(shown).not.toContain('Sup3r-Secret-42');
      expect(shown).toContain('secret ******');
      expect(rig.transport.received).toContain('username admin privilege 15 secret Sup3r-Secret-42');
    } finally {
      rig.dispose();
    }
  });
});
