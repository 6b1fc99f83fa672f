import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ApplyOptions, type ProvisionSource } from '../../shared/contract';
import { seededRandom } from '../../host/channel/testing/scriptedTransport';
import { applyProvision, readJournal, summarizeJournal } from '../../host/provision';
import { connectLine, type ConnectedLine } from '../../host/provision/testing/connectLine';
import { createSerialTransport } from '../../host/transports/serial';
import { startConsole, type PeerConsole } from '../peers/console';
import { attachFrr } from '../peers/frr';

// Pulling the console cable mid-apply and resuming, on FRR behind the pseudo serial console
// paced like 9600 baud: stopping the console is the pulled cable, starting it again on the same
// path is plugging it back in (a fresh vtysh, as after a console timeout).
const frr = inject('frr');
const shell = attachFrr(frr);
const runsDir = mkdtempSync(join(tmpdir(), 'fieldkit-resume-'));
const consoles = new Set<PeerConsole>();
afterAll(async () => {
  for (const peerConsole of consoles) await peerConsole.stop();
  rmSync(runsDir, { recursive: true, force: true });
});

const BAUD_9600 = 960;
const defaults = ApplyOptions.parse({});

const lines = [
  '! county site snippet',
  ...Array.from({ length: 6 }, (_, index) => `ip prefix-list PL-RES seq ${(index + 1) * 5} permit 10.${20 + index}.0.0/16 le 24`),
  'router bgp 65010',
  ' neighbor 192.0.2.6 remote-as 65020',
  ' neighbor 192.0.2.6 description uplink',
  ' neighbor 192.0.2.10 remote-as 65030',
  'exit',
  'access-list RES-MGMT seq 5 permit 192.0.2.0/24',
];
const source: ProvisionSource = { kind: 'config', name: 'resume-site.txt', lines };

async function cleanUp(): Promise<void> {
  await shell.vtysh(['configure terminal', 'no ip prefix-list PL-RES', 'no router bgp 65010', 'no access-list RES-MGMT']);
}

async function plugIn(path?: string): Promise<PeerConsole> {
  const peerConsole = await startConsole(frr, { paceBytesPerSecond: BAUD_9600, ...(path ? { path } : {}) });
  consoles.add(peerConsole);
  return peerConsole;
}

async function pull(peerConsole: PeerConsole): Promise<void> {
  await peerConsole.stop();
  consoles.delete(peerConsole);
}

function open(peerConsole: PeerConsole, onProgress?: (index: number) => void): Promise<ConnectedLine> {
  return connectLine({
    transport: createSerialTransport({ path: peerConsole.path, baudRate: 9600 }),
    dialect: 'ios',
    credentials: {},
    runsDir,
    ...(onProgress ? { onProgress: (event) => onProgress(event.index) } : {}),
  });
}

describe('a cable pulled mid-apply, then resumed (FRR over a 9600-baud pseudo serial console)', () => {
  it('ends with the same running configuration as an uninterrupted apply, at several random lines', async () => {
    const baseline = await shell.vtysh('show running-config');
    const cleanConsole = await plugIn();
    const clean = await open(cleanConsole);
    const uninterrupted = await applyProvision(clean.context, source, { ...defaults, save: false });
    await clean.close();
    await pull(cleanConsole);
    expect(uninterrupted).toMatchObject({ planned: 12, acknowledged: 12, failedLine: null });
    const expected = await shell.vtysh('show running-config');
    await cleanUp();
    expect(await shell.vtysh('show running-config')).toBe(baseline);

    const random = seededRandom(96_008_001);
    for (let round = 0; round < 3; round += 1) {
      const pullAt = 1 + Math.floor(random() * (uninterrupted.planned - 1));
      const cable = await plugIn();
      let pulled: Promise<void> | undefined;
      const first = await open(cable, (index) => {
        if (index === pullAt) pulled ??= pull(cable);
      });
      const interrupted = await applyProvision(first.context, source, { ...defaults, save: false });
      await pulled;
      await first.close();
      expect(interrupted.interrupted, `round ${round}, pulled after line ${pullAt}`).not.toBeNull();
      expect(interrupted.acknowledged).toBeGreaterThanOrEqual(pullAt);
      const journal = summarizeJournal(readJournal(interrupted.journal ?? '').entries);
      expect(journal.acknowledged.map((line) => line.text)).toEqual(interrupted.lines.slice(0, interrupted.acknowledged).map((line) => line.text));
      expect(journal.finished).toBe(false);

      const replugged = await plugIn(cable.path);
      const second = await open(replugged);
      const resumed = await applyProvision(second.context, source, { ...defaults, save: false, resumeRunId: interrupted.runId });
      await second.close();
      await pull(replugged);
      expect(resumed).toMatchObject({ runId: interrupted.runId, failedLine: null, interrupted: null });
      expect(resumed.resumed).toEqual({ fromRunId: interrupted.runId, acknowledgedBefore: interrupted.acknowledged, lostLines: [] });
      expect(resumed.planned).toBeLessThan(uninterrupted.planned);
      expect(await shell.vtysh('show running-config')).toBe(expected);
      expect(summarizeJournal(readJournal(interrupted.journal ?? '').entries).finished).toBe(true);
      await cleanUp();
    }
  });
});
