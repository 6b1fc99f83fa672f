import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldKitError } from '../../../shared/contract';
import { JsonKnownHostsStore, endpointKey } from './knownHosts';

const keyA = { fingerprint: 'SHA256:4nyeI6rqaC2lqDGMJqkc9/wgjvyXAaZpM0zAzs2M3Uk', algorithm: 'ssh-ed25519' };
const keyB = { fingerprint: 'SHA256:8YYmiEMcAkY4dFMbJBheL/hwsUKjztKnLHiqQlhQDSM', algorithm: 'ssh-rsa' };
const now = () => new Date('2026-05-01T08:00:00.000Z');

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fk-known-hosts-'));
  path = join(dir, 'data', 'known_hosts.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function rejection(promise: Promise<unknown>): Promise<FieldKitError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof FieldKitError)) throw new Error(`expected a FieldKitError, got ${String(error)}`);
  return error;
}

describe('endpointKey', () => {
  it('keys by host:port, case-insensitive, with brackets around IPv6 addresses', () => {
    expect(endpointKey('Router1.Example', 22)).toBe('router1.example:22');
    expect(endpointKey('10.0.0.1', 2222)).toBe('10.0.0.1:2222');
    expect(endpointKey('fe80::1', 22)).toBe('[fe80::1]:22');
  });
});

describe('JsonKnownHostsStore', () => {
  it('knows nothing while the file does not exist, and creates folder and file (0600) on the first key', async () => {
    const store = new JsonKnownHostsStore(path, now);
    expect(await store.lookup('10.0.0.1', 22)).toBeUndefined();
    await store.remember('10.0.0.1', 22, keyA);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      version: 1,
      hosts: { '10.0.0.1:22': { ...keyA, addedAt: '2026-05-01T08:00:00.000Z' } },
    });
  });

  it('keeps ports apart, replaces a key, forgets one, and a second store instance sees the file', async () => {
    const store = new JsonKnownHostsStore(path, now);
    await store.remember('10.0.0.1', 22, keyA);
    await store.remember('10.0.0.1', 2222, keyB);
    expect((await store.lookup('10.0.0.1', 22))?.fingerprint).toBe(keyA.fingerprint);
    expect((await store.lookup('10.0.0.1', 2222))?.fingerprint).toBe(keyB.fingerprint);
    await store.remember('10.0.0.1', 22, keyB);
    const other = new JsonKnownHostsStore(path);
    expect(await other.lookup('10.0.0.1', 22)).toMatchObject(keyB);
    await other.forget('10.0.0.1', 2222);
    expect(await store.lookup('10.0.0.1', 2222)).toBeUndefined();
  });

  it('keeps every change when many are made at once', async () => {
    const store = new JsonKnownHostsStore(path, now);
    await Promise.all(Array.from({ length: 20 }, (_, index) => store.remember(`10.0.0.${index}`, 22, index % 2 ? keyA : keyB)));
    const hosts = Object.keys((JSON.parse(readFileSync(path, 'utf8')) as { hosts: object }).hosts);
    expect(hosts).toHaveLength(20);
  });

  it('refuses to treat a damaged file as empty, and leaves it alone', async () => {
    const store = new JsonKnownHostsStore(path, now);
    await store.remember('10.0.0.1', 22, keyA);
    writeFileSync(path, '{"version":1,"hosts":{"10.0.0.1:22":');
    const error = await rejection(store.lookup('10.0.0.1', 22));
    expect(error.code).toBe('Internal');
    expect(error.message).toContain(`the known SSH host keys file ${path} is damaged`);
    expect((await rejection(store.remember('10.0.0.2', 22, keyB))).code).toBe('Internal');
    expect(readFileSync(path, 'utf8')).toBe('{"version":1,"hosts":{"10.0.0.1:22":');

    writeFileSync(path, JSON.stringify({ version: 1, hosts: { 'x:22': { fingerprint: 'MD5:aa', algorithm: 'ssh-rsa', addedAt: '' } } }));
    expect((await rejection(store.lookup('x', 22))).message).toContain('is damaged');
  });
});
