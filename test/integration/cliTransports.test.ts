import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startConsole, type PeerConsole } from '../peers/console';
import { frrLayout } from '../peers/frrFiles';
import { startSshd, type SshdPeer } from '../peers/sshd';
import { runFieldkit, startFieldkit } from '../support/runFieldkit';
import { waitFor } from '../support/waitFor';

// The CLI over a console cable and over SSH, through the whole host (dialect auto, facts, run),
// and what a technician sees when the cable is pulled in the middle of a command.
const frr = inject('frr');
const dataDir = mkdtempSync(join(tmpdir(), 'fk-cli-transports-'));
const env = { FIELDKIT_DATA_DIR: dataDir };
const consoles: PeerConsole[] = [];
const sshPeers: SshdPeer[] = [];

afterAll(async () => {
  for (const peerConsole of consoles) await peerConsole.stop();
  for (const peer of sshPeers) await peer.stop();
});

async function console(paceBytesPerSecond?: number): Promise<PeerConsole> {
  const peerConsole = await startConsole(frr, paceBytesPerSecond === undefined ? {} : { paceBytesPerSecond });
  consoles.push(peerConsole);
  return peerConsole;
}

describe('fieldkit over a console cable (pseudo serial console to FRR)', () => {
  it('identifies the device with dialect auto', async () => {
    const peerConsole = await console();
    const result = await runFieldkit(['facts', '--serial', peerConsole.path, '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ hostname: frr.hostname, vendor: 'FRRouting', model: null, serial: null, version: frr.version, dialect: 'ios' });
  });

  it('finds the speed with --baud auto and works on a 9600-baud paced line', async () => {
    const peerConsole = await console(960);
    const result = await runFieldkit(['run', '--serial', peerConsole.path, '--baud', 'auto', '--', 'show interface brief'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^lo\s+up/m);
  });

  it('reports a pulled cable mid-command as connection lost, within 3 s, and the port reopens at once', async () => {
    const peerConsole = await console();
    const running = startFieldkit(['run', '--serial', peerConsole.path, '--label', 'cablepull', '--', 'ping 127.0.0.1'], env);
    // Mid-command: the device is already answering the ping (seen in the live transcript).
    await waitFor(() => transcriptsContaining('cablepull', 'icmp_seq=2').length > 0, 30_000, 'ping output in the transcript');
    const pulledAt = Date.now();
    await peerConsole.stop();
    const result = await running.done;
    const afterPullMs = Date.now() - pulledAt;
    expect(result.code).toBe(1);
    expect(result.stderr, result.stderr).toMatch(/ConnectionClosed: .*connection lost/);
    expect(afterPullMs).toBeLessThan(3_000);

    const replugged = await console();
    const again = await runFieldkit(['facts', '--serial', replugged.path, '--json'], env);
    expect(again.code, again.stderr).toBe(0);
  });
});

describe('fieldkit over SSH (OpenSSH whose shell is FRR vtysh)', () => {
  it('signs in with a password, remembers the host key and identifies the device', async () => {
    const layout = frrLayout(frr.stateDir);
    const password = `cnry-${randomBytes(6).toString('hex')}`;
    const peer = await startSshd({
      shellCommand: ['/usr/bin/env', 'VTYSH_PAGER=cat', '/usr/bin/vtysh', '--vty_socket', layout.runDir, '--config_dir', layout.configDir, '-H', '/dev/null'],
      password,
      groups: ['frr', 'frrvty'],
    });
    sshPeers.push(peer);
    const result = await runFieldkit(['facts', '--ssh', `127.0.0.1:${peer.port}`, '--username', peer.username, '--password-env', 'P', '--json'], { ...env, P: password });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ hostname: frr.hostname, vendor: 'FRRouting', version: frr.version, dialect: 'ios' });
    const knownHosts = readFileSync(join(dataDir, 'known_hosts.json'), 'utf8');
    expect(knownHosts).toContain(peer.hostKeyFingerprint);
    expect(knownHosts).not.toContain(password);
  });
});

function transcriptsContaining(label: string, text: string): string[] {
  const dir = join(dataDir, 'transcripts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.startsWith(label) && readFileSync(join(dir, name), 'utf8').includes(text));
}
