import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ApplyOptions, type ProvisionSource } from '../../shared/contract';
import { ProfileDefinition } from '../../shared/profiles';
import { seededRandom } from '../../host/channel/testing/scriptedTransport';
import { applyProvision, planProvision, rollbackProvision } from '../../host/provision';
import { connectLine, type ConnectedLine } from '../../host/provision/testing/connectLine';
import { createSerialTransport } from '../../host/transports/serial';
import { createTelnetTransport } from '../../host/transports/telnet';
import { startConsole, type PeerConsole } from '../peers/console';
import { attachFrr } from '../peers/frr';

// The apply engine against real FRR 8.4 (vtysh), over Telnet (telnetd + login) and over the
// pseudo serial console. Every test leaves FRR's running and saved configuration as it found it.
const frr = inject('frr');
const shell = attachFrr(frr);
const runsDir = mkdtempSync(join(tmpdir(), 'fieldkit-apply-'));
const consoles: PeerConsole[] = [];
afterAll(async () => {
  for (const peerConsole of consoles) await peerConsole.stop();
  rmSync(runsDir, { recursive: true, force: true });
});

const defaults = ApplyOptions.parse({});

/** What FRR understands of a county site's base: a prefix list, an access list, a static route, an eBGP neighbour. */
const frrSite = ProfileDefinition.parse({
  id: 'frr-site',
  name: { 'zh-CN': 'FRR 站点', en: 'FRR site' },
  kind: 'base',
  description: { 'zh-CN': '测试', en: 'Test' },
  parameters: [
    { name: 'lan', type: 'ipv4-prefix', label: { 'zh-CN': '内网', en: 'LAN' } },
    { name: 'mgmt', type: 'ipv4-prefix', label: { 'zh-CN': '管理网', en: 'Management' } },
    { name: 'route_prefix', type: 'ipv4-prefix', label: { 'zh-CN': '路由', en: 'Route' } },
    { name: 'next_hop', type: 'ipv4', label: { 'zh-CN': '下一跳', en: 'Next hop' } },
    { name: 'local_as', type: 'asn', label: { 'zh-CN': '本地 AS', en: 'Local AS' } },
    { name: 'peer', type: 'ipv4', label: { 'zh-CN': '邻居', en: 'Neighbour' } },
    { name: 'peer_as', type: 'asn', label: { 'zh-CN': '邻居 AS', en: 'Neighbour AS' } },
  ],
  templates: {
    ios: {
      apply: [
        'ip prefix-list PL-LAN seq 5 permit {{ lan }} le 24',
        'access-list MGMT seq 5 permit {{ mgmt }}',
        'ip route {{ route_prefix }} {{ next_hop }}',
        'router bgp {{ local_as }}',
        ' neighbor {{ peer }} remote-as {{ peer_as }}',
        '',
      ].join('\n'),
      reverse: ['no router bgp {{ local_as }}', 'no ip route {{ route_prefix }} {{ next_hop }}', 'no access-list MGMT', 'no ip prefix-list PL-LAN', ''].join('\n'),
    },
  },
});

const siteSource: ProvisionSource = {
  kind: 'profiles',
  profiles: [{ id: 'frr-site', values: { lan: '10.1.0.0/16', mgmt: '192.0.2.0/24', route_prefix: '10.9.0.0/16', next_hop: '192.0.2.2', local_as: 65001, peer: '192.0.2.2', peer_as: 65002 } }],
  ignoreUndeclared: true,
};

type Way = 'telnet' | 'pty';

async function connect(way: Way): Promise<ConnectedLine> {
  if (way === 'telnet') {
    return connectLine({
      transport: createTelnetTransport({ host: '127.0.0.1', port: frr.telnetdPort, connectTimeoutMs: 10_000 }),
      dialect: 'ios',
      credentials: { username: frr.loginUser, password: frr.loginPassword },
      runsDir,
      profiles: [frrSite],
    });
  }
  const peerConsole = await startConsole(frr);
  consoles.push(peerConsole);
  return connectLine({ transport: createSerialTransport({ path: peerConsole.path, baudRate: 9600 }), dialect: 'ios', credentials: {}, runsDir, profiles: [frrSite] });
}

const runningConfig = (): Promise<string> => shell.vtysh('show running-config');

describe.each<Way>(['telnet', 'pty'])('provisioning FRR over %s', (way) => {
  it('plans, applies, saves, re-plans to nothing and rolls back to the backup', async () => {
    const connected = await connect(way);
    try {
      const { context } = connected;
      const plan = await planProvision(context, siteSource);
      expect(plan.lines.map((line) => line.text)).toEqual([
        'ip prefix-list PL-LAN seq 5 permit 10.1.0.0/16 le 24',
        'access-list MGMT seq 5 permit 192.0.2.0/24',
        'ip route 10.9.0.0/16 192.0.2.2',
        'router bgp 65001',
        'neighbor 192.0.2.2 remote-as 65002',
        'exit',
      ]);

      const report = await applyProvision(context, siteSource, defaults);
      expect(report).toMatchObject({ planned: 6, sent: 6, acknowledged: 6, failedLine: null, interrupted: null, saved: true });
      expect(report.saveMessage).toMatch(/^Configuration saved to /);
      expect(connected.progress.map((event) => event.index)).toEqual([1, 2, 3, 4, 5, 6]);
      const applied = await runningConfig();
      expect(applied).toContain('ip prefix-list PL-LAN seq 5 permit 10.1.0.0/16 le 24');
      expect(applied).toMatch(/router bgp 65001\n neighbor 192\.0\.2\.2 remote-as 65002/);

      const backup = readFileSync(report.backup ?? '', 'utf8');
      const journal = readFileSync(report.journal ?? '', 'utf8');
      for (const secret of [frr.vtyPassword, frr.enablePassword, frr.loginPassword]) {
        expect(backup + journal + connected.received()).not.toContain(secret);
      }

      expect((await planProvision(context, siteSource)).lines).toEqual([]);

      const rollback = await rollbackProvision(context, siteSource, { backup, save: true });
      expect(rollback).toMatchObject({ available: true, sent: 4, failedLine: null, matchesBackup: true, differences: { missing: [], extra: [] } });
      expect(await runningConfig()).not.toContain('PL-LAN');
    } finally {
      await connected.close();
    }
  });
});

describe('a device error at a random line (FRR over the pseudo serial console)', () => {
  it('stops at that line with FRR message and nothing after it reaches the device', async () => {
    const random = seededRandom(4242);
    const connected = await connect('pty');
    try {
      for (let round = 0; round < 3; round += 1) {
        const lines = Array.from({ length: 10 }, (_, index) => `ip prefix-list PL-ERR seq ${(index + 1) * 5} permit 10.${index}.0.0/16`);
        const position = Math.floor(random() * (lines.length + 1));
        lines.splice(position, 0, 'ip prefix-list PL-ERR seq 999 permit not-a-prefix');
        const source: ProvisionSource = { kind: 'config', name: `error-${round}.txt`, lines: ['! generated', ...lines] };
        const report = await applyProvision(connected.context, source, defaults);
        expect(report.failedLine).toMatchObject({ number: position + 2, text: 'ip prefix-list PL-ERR seq 999 permit not-a-prefix' });
        expect(report.failedLine?.message).toMatch(/^% Unknown command/);
        expect(report.acknowledged).toBe(position);
        expect(report.saved).toBe(false);
        const config = await runningConfig();
        lines.forEach((line, index) => {
          if (index < position) expect(config).toContain(line);
          else expect(config).not.toContain(line);
        });
        await shell.vtysh(['configure terminal', 'no ip prefix-list PL-ERR']).catch(() => '');
      }
    } finally {
      await connected.close();
    }
  });
});

describe('a host name change mid-run', () => {
  it('re-learns the prompt and goes on with the next lines', async () => {
    const connected = await connect('telnet');
    try {
      const source: ProvisionSource = { kind: 'config', name: 'identity.txt', lines: ['hostname r1-site', 'ip prefix-list PL-NAME seq 5 permit 10.7.0.0/16'] };
      const report = await applyProvision(connected.context, source, { ...defaults, save: false });
      expect(report).toMatchObject({ acknowledged: 2, failedLine: null });
      expect(connected.received()).toMatch(/r1-site\(config\)# /);
      expect(await runningConfig()).toContain('ip prefix-list PL-NAME seq 5 permit 10.7.0.0/16');
    } finally {
      await connected.close();
      await shell.vtysh(['configure terminal', 'no ip prefix-list PL-NAME', 'hostname r1']);
    }
  });
});
