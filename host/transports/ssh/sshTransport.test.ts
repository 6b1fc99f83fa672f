import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';

const { utils } = ssh2;
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FieldKitError } from '../../../shared/contract';
import { deadLoopbackPort, startLoopbackPeer, type LoopbackPeer } from '../testing/loopbackPeer';
import { failure, liveHandles } from '../testing/transportTesting';
import { JsonKnownHostsStore } from './knownHosts';
import { createSshTransport, type SshTransport, type SshTransportOptions } from './sshTransport';
import { startScriptedSshServer, type ScriptedSshServer } from './testing/scriptedSshServer';

const dir = mkdtempSync(join(tmpdir(), 'fk-ssh-unit-'));
const password = 'unit-pass-7319';
let server: ScriptedSshServer | undefined;
let peer: LoopbackPeer | undefined;
const transports: SshTransport[] = [];

afterEach(async () => {
  for (const transport of transports.splice(0)) await transport.close();
  await server?.close();
  await peer?.close();
  server = undefined;
  peer = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let stores = 0;
function ssh(port: number, options: Partial<SshTransportOptions> = {}): SshTransport {
  stores += 1;
  const transport = createSshTransport({
    host: '127.0.0.1',
    port,
    connectTimeoutMs: 10_000,
    username: 'admin',
    password,
    knownHosts: new JsonKnownHostsStore(join(dir, `known-${stores}.json`)),
    ...options,
  });
  transports.push(transport);
  return transport;
}

describe('SshTransport, options and connecting', () => {
  it('describes itself and rejects bad options before touching the network', () => {
    expect(ssh(22).description).toBe('ssh 127.0.0.1:22');
    expect(transports[0]?.kind).toBe('ssh');
    expect(() => ssh(0)).toThrow(FieldKitError);
    expect(() => ssh(22, { username: '' })).toThrow(/needs a user name/);
    expect(() => ssh(22, { connectTimeoutMs: 0 })).toThrow(/connect timeout/);
    expect(() => ssh(22, { columns: 0 })).toThrow(/columns/);
  });

  it('maps a refused connection to ConnectionRefused', async () => {
    const error = await failure(ssh(await deadLoopbackPort()).open());
    expect(error.toPayload()).toMatchObject({ code: 'ConnectionRefused', details: { errno: 'ECONNREFUSED' } });
  });

  it('times out when the port accepts but nothing speaks SSH', async () => {
    peer = await startLoopbackPeer();
    const error = await failure(ssh(peer.port, { handshakeTimeoutMs: 300 }).open());
    expect(error.code).toBe('Timeout');
    expect(error.message).toBe(`ssh 127.0.0.1:${peer.port}: the port accepted the connection but no SSH server answered within 0.3 s`);
  });

  it('says when the device answers with something other than SSH', async () => {
    peer = await startLoopbackPeer(({ socket }) => {
      socket.end('\r\nUser Access Verification\r\n\r\nUsername: ');
    });
    const error = await failure(ssh(peer.port).open());
    expect(error.code).toBe('NegotiationFailed');
    expect(error.message).toBe(`ssh 127.0.0.1:${peer.port}: the device answered, but not with SSH (it sent "User Access Verification Username:"). Is this a Telnet port?`);
  });

  it('is cancelled by close() or an abort signal while opening, and leaves nothing open', async () => {
    peer = await startLoopbackPeer();
    const before = await liveHandles();
    const closing = ssh(peer.port);
    const opening = closing.open();
    await peer.nextConnection();
    await closing.close();
    expect((await failure(opening)).code).toBe('Cancelled');

    const controller = new AbortController();
    const aborted = ssh(peer.port).open(controller.signal);
    await peer.nextConnection();
    controller.abort();
    expect((await failure(aborted)).code).toBe('Cancelled');
    expect((await failure(ssh(peer.port).open(AbortSignal.abort()))).code).toBe('Cancelled');
    await peer.close();
    peer = undefined;
    const after = await liveHandles();
    expect(after.sockets).toBe(before.sockets);
    expect(after.timers).toBeLessThanOrEqual(before.timers);
  });
});

describe('SshTransport against a scripted SSH device', () => {
  it('signs in, moves bytes both ways, and on close() fires onClose(undefined) once with nothing left open', async () => {
    const before = await liveHandles();
    server = await startScriptedSshServer({ password, methods: ['password'] });
    const transport = ssh(server.port);
    const received: string[] = [];
    transport.onData((chunk) => received.push(Buffer.from(chunk).toString()));
    const closes: (FieldKitError | undefined)[] = [];
    transport.onClose((error) => closes.push(error));
    await transport.open();
    expect(transport.isOpen).toBe(true);
    expect(transport.authenticatedWith).toBe('password');
    expect(transport.hostKey).toEqual({ fingerprint: server.hostKeyFingerprint, algorithm: 'ecdsa-sha2-nistp256', firstSeen: true, replaced: false });
    const shell = await server.nextShell();
    const typed = new Promise<string>((resolve) => shell.once('data', (chunk: Buffer) => resolve(chunk.toString())));
    await transport.write(Buffer.from('show version\r'));
    expect(await typed).toBe('show version\r');
    expect(received.join('')).toBe('R1>');

    await transport.close();
    await transport.close();
    expect(closes).toEqual([undefined]);
    expect((await failure(transport.write(Buffer.from('x')))).code).toBe('ConnectionClosed');
    await server.close();
    server = undefined;
    const after = await liveHandles();
    expect(after.sockets).toBe(before.sockets);
    expect(after.timers).toBeLessThanOrEqual(before.timers);
  });

  it('answers keyboard-interactive: the user name where echoed, the password where hidden', async () => {
    server = await startScriptedSshServer({
      password,
      methods: ['keyboard-interactive'],
      keyboardPrompts: [
        { prompt: 'Username: ', echo: true },
        { prompt: 'Password: ', echo: false },
      ],
    });
    const transport = ssh(server.port);
    await transport.open();
    expect(transport.authenticatedWith).toBe('keyboard-interactive');
    expect(server.keyboardAnswers).toEqual([['admin', password]]);
  });

  it('reports the missing method when the device accepts only a key', async () => {
    server = await startScriptedSshServer({ password, methods: [] });
    const error = await failure(ssh(server.port).open());
    expect(error.toPayload()).toEqual({
      code: 'AuthFailed',
      message: `ssh 127.0.0.1:${server.port}: sign-in refused: the device accepts only publickey, and a private key was not given`,
      details: { methodsTried: ['none'], methodsOffered: ['publickey'] },
    });
  });

  it('reports the device closing the shell as ConnectionClosed', async () => {
    server = await startScriptedSshServer({ password, methods: ['password'] });
    const transport = ssh(server.port);
    const closed = new Promise<FieldKitError | undefined>((resolve) => transport.onClose(resolve));
    await transport.open();
    const shell = await server.nextShell();
    shell.exit(0);
    shell.end();
    expect((await closed)?.toPayload()).toEqual({ code: 'ConnectionClosed', message: `ssh 127.0.0.1:${server.port}: the device closed the connection` });
  });
});

describe('SshTransport, private keys', () => {
  const encrypted = utils.generateKeyPairSync('ecdsa', { bits: 256, passphrase: 'right', cipher: 'aes256-ctr', rounds: 4 });
  const keyFile = join(dir, 'id_encrypted');
  const publicFile = join(dir, 'id_encrypted.pub');
  const garbageFile = join(dir, 'garbage');
  writeFileSync(keyFile, encrypted.private, { mode: 0o600 });
  writeFileSync(publicFile, encrypted.public);
  writeFileSync(garbageFile, 'not a key\n');

  it.each([
    [{ privateKeyPath: keyFile }, 'AuthFailed', 'is protected by a passphrase, and none was given'],
    [{ privateKeyPath: keyFile, passphrase: 'cnry-not-it' }, 'AuthFailed', 'could not be unlocked: the passphrase is wrong'],
    [{ privateKeyPath: publicFile }, 'InvalidRequest', 'holds a public key'],
    [{ privateKeyPath: garbageFile }, 'InvalidRequest', 'is not a private key FieldKit can use'],
    [{ privateKeyPath: join(dir, 'missing') }, 'InvalidRequest', 'cannot read the private key file'],
  ])('explains a key that cannot be used (%#) before connecting', async (options, code, text) => {
    const port = await deadLoopbackPort();
    const error = await failure(ssh(port, options).open());
    expect(error.code).toBe(code);
    expect(error.message).toContain(text);
    expect(error.message.includes('cnry-not-it')).toBe(false);
  });
});
