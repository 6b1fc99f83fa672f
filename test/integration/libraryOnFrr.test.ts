import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ApplyOptions, type ProvisionSource } from '../../shared/contract';
import { ProfileDefinition } from '../../shared/profiles';
import { DEFAULT_PROFILES_DIRECTORY, importSiteSheet, loadProfileLibrary } from '../../host/profiles';
import { applyProvision, planProvision, rollbackProvision } from '../../host/provision';
import { connectLine, type ConnectedLine } from '../../host/provision/testing/connectLine';
import { createSerialTransport } from '../../host/transports/serial';
import { createTelnetTransport } from '../../host/transports/telnet';
import { startConsole, type PeerConsole } from '../peers/console';
import { attachFrr } from '../peers/frr';

// What FRR understands of the library, applied THROUGH THE ENGINE (not vtysh) to the shared real
// FRR 8.4 (zebra, staticd, bgpd, ospfd) behind its telnetd login, over Telnet and over the
// pseudo serial console: the lab profiles (routing, the MPLS CE's eBGP, prefix and access lists)
// and base-system's settings in FRR's words. Each run plans, applies, saves, re-plans to nothing,
// rolls back and must find the running configuration equal to the backup. The router and its
// saved configuration are left as found.
const frr = inject('frr');
const shell = attachFrr(frr);
const runsDir = mkdtempSync(join(tmpdir(), 'fieldkit-library-frr-'));
const consoles: PeerConsole[] = [];
const library = await loadProfileLibrary();

/**
 * base-system's IOS lines that FRR 8.4 takes: `hostname`, and its syslog level as FRR writes it
 * (`log syslog informational` for `logging trap informational`). FRR has no `clock timezone`,
 * `ntp server` or `logging host`. As base-system, the reverse keeps the host name.
 */
const frrBaseSystem = ProfileDefinition.parse({
  id: 'frr-base-system',
  name: { 'zh-CN': '实验室：基础系统配置（FRR）', en: 'Lab: base system settings (FRR)' },
  kind: 'base',
  description: { 'zh-CN': '测试用', en: 'For this test' },
  parameters: [{ name: 'hostname', type: 'hostname', label: { 'zh-CN': '主机名', en: 'Host name' } }],
  templates: { ios: { apply: 'hostname {{ hostname }}\nlog syslog informational\n', reverse: 'no log syslog\n' } },
});

const profiles = [...library.profiles.map((entry) => entry.profile), frrBaseSystem];

afterAll(async () => {
  for (const peerConsole of consoles) await peerConsole.stop();
  // Leaves the shared peer as the next file expects it even after a failed assertion; FRR
  // refuses to remove what is already gone, hence the catch.
  await shell.vtysh(['configure terminal', 'hostname r1', 'no log syslog', 'no router bgp 65061', 'no router ospf', 'no access-list MGMT-ACL']).catch(() => '');
  rmSync(runsDir, { recursive: true, force: true });
});

/** The ios row of profiles/examples/<id>.csv, without the `dialect` column. */
async function exampleValues(id: string): Promise<Record<string, string>> {
  const sheet = await importSiteSheet(join(DEFAULT_PROFILES_DIRECTORY, 'examples', `${id}.csv`));
  if (!sheet.ok) throw new Error(`${id}.csv: ${sheet.problems.map((problem) => problem.message.en).join('; ')}`);
  const row = Object.values(sheet.sites).find((values) => values.dialect === 'ios');
  if (!row) throw new Error(`${id}.csv has no ios row`);
  const { dialect: _dialect, ...values } = row;
  return values;
}

type Way = 'telnet' | 'pty';

async function connect(way: Way): Promise<ConnectedLine> {
  if (way === 'telnet') {
    return connectLine({
      transport: createTelnetTransport({ host: '127.0.0.1', port: frr.telnetdPort, connectTimeoutMs: 10_000 }),
      dialect: 'ios',
      credentials: { username: frr.loginUser, password: frr.loginPassword },
      runsDir,
      profiles,
    });
  }
  const peerConsole = await startConsole(frr);
  consoles.push(peerConsole);
  return connectLine({ transport: createSerialTransport({ path: peerConsole.path, baudRate: 9600 }), dialect: 'ios', credentials: {}, runsDir, profiles });
}

interface Case {
  id: string;
  values(): Promise<Record<string, string>>;
  /** What the rollback leaves different from the backup, on purpose. */
  kept: { missing: string[]; extra: string[] };
}

const none = { missing: [], extra: [] };
const CASES: Case[] = [
  { id: 'frr-static-mgmt', values: () => exampleValues('frr-static-mgmt'), kept: none },
  { id: 'frr-ospf-tunnel', values: () => exampleValues('frr-ospf-tunnel'), kept: none },
  { id: 'frr-mpls-ce', values: () => exampleValues('frr-mpls-ce'), kept: none },
  {
    id: 'frr-base-system',
    values: async () => ({ hostname: (await exampleValues('base-system')).hostname ?? '' }),
    // base-system.yaml's reverse cannot know the previous host name; rollback restores it from
    // the backup (host/provision/restoreSettings.ts), so the device ends exactly at the backup.
    kept: none,
  },
];

describe.each<Way>(['telnet', 'pty'])('the library on real FRR over %s', (way) => {
  it.each(CASES)('$id: plans, applies, saves, re-plans to nothing and rolls back to the backup', async ({ id, values, kept }) => {
    expect(profiles.map((profile) => profile.id)).toContain(id);
    const source: ProvisionSource = { kind: 'profiles', profiles: [{ id, values: await values() }], ignoreUndeclared: true };
    const connected = await connect(way);
    try {
      const { context } = connected;
      const plan = await planProvision(context, source);
      expect(plan.lines.length).toBeGreaterThan(0);

      const report = await applyProvision(context, source, ApplyOptions.parse({}));
      expect(report).toMatchObject({ failedLine: null, interrupted: null, saved: true, acknowledged: report.planned });
      expect((await planProvision(context, source)).lines).toEqual([]);

      const backup = readFileSync(report.backup ?? '', 'utf8');
      const rollback = await rollbackProvision(context, source, { backup, save: true });
      expect(rollback).toMatchObject({ available: true, failedLine: null });
      expect([...(rollback.differences?.missing ?? [])].sort()).toEqual(kept.missing);
      expect([...(rollback.differences?.extra ?? [])].sort()).toEqual(kept.extra);
      expect(rollback.matchesBackup).toBe(kept.missing.length === 0 && kept.extra.length === 0);

      for (const secret of [frr.vtyPassword, frr.enablePassword, frr.loginPassword]) {
        expect(backup + readFileSync(report.journal ?? '', 'utf8') + connected.received()).not.toContain(secret);
      }
    } finally {
      await connected.close();
      if (id === 'frr-base-system') await shell.vtysh(['configure terminal', `hostname ${frr.hostname}`, 'end', 'write memory']);
    }
  });
});
