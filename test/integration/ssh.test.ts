import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { FieldKitError } from '../../shared/contract';
import { createKnownHostsStore, createSshTransport, type KnownHostsStore, type SshTransport, type SshTransportOptions } from '../../host/transports/ssh';
import { frrLayout } from '../peers/frrFiles';
import { startSshd, type SshdPeer, type StartSshdOptions } from '../peers/sshd';

// Real OpenSSH (test/peers/sshd.ts) whose sessions run FRR's vtysh against the peer started by
// globalSetup: an SSH login lands at `r1#` like on a router. vtysh runs as the test user, who
// joins groups frr and frrvty to reach the daemons' sockets.
const frr = inject('frr');
const layout = frrLayout(frr.stateDir);
const vtysh = ['/usr/bin/env', 'VTYSH_PAGER=cat', '/usr/bin/vtysh', '--vty_socket', layout.runDir, '--config_dir', layout.configDir, '-H', '/dev/null'];
const prompt = `${frr.hostname}# `;
const password = `cnry-${randomBytes(6).toString('hex')}`;
const passphrase = `cnry-${randomBytes(6).toString('hex')}`;
const workDir = mkdtempSync(join(tmpdir(), 'fk-ssh-test-'));

const peers: SshdPeer[] = [];
const transports: SshTransport[] = [];
afterEach(async () => {
  for (const transport of transports.splice(0)) await transport.close();
  for (const peer of peers.splice(0)) await peer.stop();
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function sshd(options: Partial<StartSshdOptions> = {}): Promise<SshdPeer> {
  const peer = await startSshd({ shellCommand: vtysh, password, groups: ['frr', 'frrvty'], ...options });
  peers.push(peer);
  return peer;
}

let storeCount = 0;
function freshStore(): { store: KnownHostsStore; path: string } {
  storeCount += 1;
  const path = join(workDir, `store-${storeCount}`, 'known_hosts.json');
  return { store: createKnownHostsStore(path), path };
}

function ssh(peer: SshdPeer, options: Partial<SshTransportOptions> & { knownHosts: KnownHostsStore }): SshTransport {
  const transport = createSshTransport({ host: '127.0.0.1', port: peer.port, connectTimeoutMs: 10_000, username: peer.username, ...options });
  transports.push(transport);
  return transport;
}

/** Collects what the transport delivers; `until` resolves once the text so far ends with a tail. */
function recorder(transport: SshTransport) {
  let text = '';
  let check: () => void = () => undefined;
  transport.onData((chunk) => {
    text += Buffer.from(chunk).toString('utf8');
    check();
  });
  return {
    text: () => text,
    until: (done: (text: string) => boolean) =>
      new Promise<string>((resolve) => {
        check = () => {
          if (done(text)) resolve(text);
        };
        check();
      }),
  };
}

async function failure(promise: Promise<unknown>): Promise<FieldKitError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof FieldKitError)) throw new Error(`expected a FieldKitError, got ${String(error)}`);
  return error;
}

async function reachPrompt(transport: SshTransport): Promise<ReturnType<typeof recorder>> {
  const output = recorder(transport);
  await transport.open();
  await output.until((text) => text.endsWith(prompt));
  return output;
}

describe('SSH transport against OpenSSH running FRR vtysh', () => {
  it('signs in with a password, lands at the router prompt, runs a command and remembers the key', async () => {
    const peer = await sshd({ authenticationMethods: ['password'] });
    const { store, path } = freshStore();
    const transport = ssh(peer, { password, knownHosts: store });
    const output = await reachPrompt(transport);
    expect(transport.authenticatedWith).toBe('password');
    expect(transport.description).toBe(`ssh 127.0.0.1:${peer.port}`);

    const before = output.text().length;
    await transport.write(Buffer.from('show version\r'));
    const answer = (await output.until((text) => text.length > before && text.endsWith(prompt))).slice(before);
    expect(answer).toContain(`FRRouting ${frr.version} (${frr.hostname})`);

    expect(transport.hostKey).toEqual({ fingerprint: peer.hostKeyFingerprint, algorithm: 'ssh-ed25519', firstSeen: true, replaced: false });
    expect((await store.lookup('127.0.0.1', peer.port))?.fingerprint).toBe(peer.hostKeyFingerprint);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').includes(password)).toBe(false);
  });

  it('answers a keyboard-interactive password prompt', async () => {
    const peer = await sshd({ authenticationMethods: ['keyboard-interactive'] });
    const transport = ssh(peer, { password, knownHosts: freshStore().store });
    await reachPrompt(transport);
    expect(transport.authenticatedWith).toBe('keyboard-interactive');
  });

  it('signs in with a passphrase-protected ed25519 key, and names a wrong passphrase', async () => {
    const keyFile = join(workDir, 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'fieldkit-test', '-f', keyFile]);
    const peer = await sshd({ authenticationMethods: ['publickey'], authorizedKey: readFileSync(`${keyFile}.pub`, 'utf8') });
    const knownHosts = freshStore().store;
    const transport = ssh(peer, { privateKeyPath: keyFile, passphrase, knownHosts });
    await reachPrompt(transport);
    expect(transport.authenticatedWith).toBe('publickey');

    const wrong = await failure(ssh(peer, { privateKeyPath: keyFile, passphrase: 'not-it', knownHosts }).open());
    expect(wrong.code).toBe('AuthFailed');
    expect(wrong.message).toContain('the passphrase is wrong');
    const missing = await failure(ssh(peer, { privateKeyPath: join(workDir, 'no-such-key'), knownHosts }).open());
    expect(missing.code).toBe('InvalidRequest');
    expect(missing.message).toContain('cannot read the private key file');
  });

  it('refuses a wrong password with AuthFailed, without the password in the message', async () => {
    const peer = await sshd();
    const wrongPassword = `${password}-wrong`;
    const error = await failure(ssh(peer, { password: wrongPassword, knownHosts: freshStore().store }).open());
    expect(error.code).toBe('AuthFailed');
    expect(error.message).toBe(`ssh 127.0.0.1:${peer.port}: sign-in refused: wrong user name, password or key`);
    expect(JSON.stringify(error.toPayload()).includes(wrongPassword)).toBe(false);
  });

  it('refuses a changed host key naming both fingerprints, and accepts it once confirmed', async () => {
    const first = await sshd();
    const { store } = freshStore();
    await ssh(first, { password, knownHosts: store }).open();
    const port = first.port;
    await first.stop();
    // Same address, new key: what a replaced device, or a man in the middle, looks like.
    const second = await sshd({ port });
    expect(second.hostKeyFingerprint).not.toBe(first.hostKeyFingerprint);

    const refused = await failure(ssh(second, { password, knownHosts: store }).open());
    expect(refused.code).toBe('HostKeyChanged');
    expect(refused.message).toContain("the device's SSH key has CHANGED");
    expect(refused.message).toContain(first.hostKeyFingerprint);
    expect(refused.message).toContain(`confirm the new fingerprint ${second.hostKeyFingerprint}`);
    expect((await store.lookup('127.0.0.1', port))?.fingerprint).toBe(first.hostKeyFingerprint);

    const stale = await failure(ssh(second, { password, knownHosts: store, acceptHostKey: first.hostKeyFingerprint }).open());
    expect(stale.code).toBe('HostKeyChanged');

    const confirmed = ssh(second, { password, knownHosts: store, acceptHostKey: second.hostKeyFingerprint });
    await reachPrompt(confirmed);
    expect(confirmed.hostKey).toMatchObject({ fingerprint: second.hostKeyFingerprint, firstSeen: false, replaced: true });
    expect((await store.lookup('127.0.0.1', port))?.fingerprint).toBe(second.hostKeyFingerprint);

    const again = ssh(second, { password, knownHosts: store });
    await again.open();
    expect(again.hostKey).toMatchObject({ firstSeen: false, replaced: false });
  });

  it('reports ConnectionClosed once when the server goes away mid-session', async () => {
    const peer = await sshd();
    const transport = ssh(peer, { password, knownHosts: freshStore().store });
    const closes: (FieldKitError | undefined)[] = [];
    const closed = new Promise<void>((resolve) =>
      transport.onClose((error) => {
        closes.push(error);
        resolve();
      }),
    );
    await reachPrompt(transport);
    await peer.stop();
    await closed;
    expect(closes).toHaveLength(1);
    expect(closes[0]?.code).toBe('ConnectionClosed');
    expect(closes[0]?.message).toMatch(/^ssh 127\.0\.0\.1:\d+: (the device closed the connection|connection lost)/);
    expect(transport.isOpen).toBe(false);
    expect((await failure(transport.write(Buffer.from('show version\r')))).code).toBe('ConnectionClosed');
  });

  it('ends with "the device closed the connection" after exit in the CLI', async () => {
    const peer = await sshd();
    const transport = ssh(peer, { password, knownHosts: freshStore().store });
    const closed = new Promise<FieldKitError | undefined>((resolve) => transport.onClose(resolve));
    await reachPrompt(transport);
    await transport.write(Buffer.from('exit\r'));
    const error = await closed;
    expect(error?.toPayload()).toEqual({ code: 'ConnectionClosed', message: `ssh 127.0.0.1:${peer.port}: the device closed the connection` });
  });

  it('gives the pty the requested size and sends a new one on resize', async () => {
    const script = 'stty size; IFS= read -r line; stty size; IFS= read -r line';
    const peer = await sshd({ shellCommand: ['/bin/sh', '-c', script] });
    const transport = ssh(peer, { password, knownHosts: freshStore().store, columns: 120, rows: 30 });
    const output = recorder(transport);
    await transport.open();
    await output.until((text) => text.includes('30 120'));
    transport.resize(132, 43);
    await transport.write(Buffer.from('\r'));
    expect(await output.until((text) => text.includes('43 132'))).toContain('43 132');
  });

  it('says so when the port speaks Telnet instead of SSH', async () => {
    const transport = createSshTransport({
      host: '127.0.0.1',
      port: frr.zebraPort,
      connectTimeoutMs: 10_000,
      handshakeTimeoutMs: 5000,
      username: 'fktest',
      password,
      knownHosts: freshStore().store,
    });
    transports.push(transport);
    const error = await failure(transport.open());
    expect(error.code).toBe('NegotiationFailed');
    expect(error.message).toContain('the device answered, but not with SSH');
    expect(error.message).toContain('Hello, this is FRRouting');
  });
});
