import { describe, expect, it } from 'vitest';
import { algorithmOf, decideHostKey, fingerprintOf, hostKeyChangedError, identify, normalizeFingerprint } from './hostKey';

// Public keys and the fingerprints `ssh-keygen -lf` printed for them (OpenSSH 9.2).
const ed25519 = { blob: 'AAAAC3NzaC1lZDI1NTE5AAAAIPIgxFL6yZ8p/G5bGZhuSVvriOJkyA2j4HY3lmt1+vVj', fingerprint: 'SHA256:4nyeI6rqaC2lqDGMJqkc9/wgjvyXAaZpM0zAzs2M3Uk' };
const rsa = {
  blob:
    'AAAAB3NzaC1yc2EAAAADAQABAAAAgQCy8kCThq42gjLIHp4XWojyz8Sgcj1A94JrtQv3ee6bkWjbFVkqYB+oHqKwn9Fw2ajXDUDztwoL4+sI4Duyf7tLit5PdM4XGIx/c3JAt407NAgi0i1oEZ/ztXYqU7wGqJFUocwDDxUimTDG4t/iAir90NAvgZNUPRSdy5DCBevOVQ==',
  fingerprint: 'SHA256:8YYmiEMcAkY4dFMbJBheL/hwsUKjztKnLHiqQlhQDSM',
};
const where = 'ssh 10.0.0.1:22';

describe('host key identity', () => {
  it('computes the fingerprint exactly as ssh-keygen prints it', () => {
    expect(fingerprintOf(Buffer.from(ed25519.blob, 'base64'))).toBe(ed25519.fingerprint);
    expect(fingerprintOf(Buffer.from(rsa.blob, 'base64'))).toBe(rsa.fingerprint);
  });

  it('reads the key type from the blob and survives a malformed one', () => {
    expect(identify(Buffer.from(ed25519.blob, 'base64'))).toEqual({ fingerprint: ed25519.fingerprint, algorithm: 'ssh-ed25519' });
    expect(algorithmOf(Buffer.from(rsa.blob, 'base64'))).toBe('ssh-rsa');
    expect(algorithmOf(Uint8Array.from([0, 0, 0, 200, 1, 2]))).toBe('unknown');
    expect(algorithmOf(Uint8Array.from([0, 0]))).toBe('unknown');
  });

  it('accepts fingerprints as people paste them', () => {
    expect(normalizeFingerprint(` ${ed25519.fingerprint} `)).toBe(ed25519.fingerprint);
    expect(normalizeFingerprint(ed25519.fingerprint.slice('SHA256:'.length))).toBe(ed25519.fingerprint);
    expect(normalizeFingerprint(`${rsa.fingerprint}=`)).toBe(rsa.fingerprint);
  });
});

describe('decideHostKey (trust on first use)', () => {
  const stored = { fingerprint: ed25519.fingerprint, algorithm: 'ssh-ed25519' };
  const other = { fingerprint: rsa.fingerprint, algorithm: 'ssh-rsa' };

  it('accepts an unknown host and a known, equal key', () => {
    expect(decideHostKey(where, undefined, other, undefined)).toEqual({ verdict: 'first-use' });
    expect(decideHostKey(where, stored, { ...stored }, undefined)).toEqual({ verdict: 'known' });
    expect(decideHostKey(where, stored, { ...stored }, rsa.fingerprint)).toEqual({ verdict: 'known' });
  });

  it('refuses a changed key unless exactly the new fingerprint was confirmed', () => {
    for (const acceptHostKey of [undefined, ed25519.fingerprint, 'SHA256:somethingElse']) {
      const decision = decideHostKey(where, stored, other, acceptHostKey);
      expect(decision.verdict).toBe('changed');
    }
    expect(decideHostKey(where, stored, other, rsa.fingerprint)).toEqual({ verdict: 'replace', previous: stored });
    expect(decideHostKey(where, stored, other, rsa.fingerprint.slice('SHA256:'.length))).toEqual({ verdict: 'replace', previous: stored });
  });

  it('warns in plain words, naming both fingerprints', () => {
    const error = hostKeyChangedError(where, stored, other);
    expect(error.code).toBe('HostKeyChanged');
    expect(error.message).toBe(
      `${where}: WARNING, the device's SSH key has CHANGED. It used to be ${ed25519.fingerprint} (ssh-ed25519) and is now ${rsa.fingerprint} (ssh-rsa). ` +
        'Someone may be intercepting the connection, or the device was replaced or reset. Nothing was sent to it. ' +
        `If you are sure it is the right device, confirm the new fingerprint ${rsa.fingerprint} to connect.`,
    );
    expect(error.details).toEqual({ storedFingerprint: ed25519.fingerprint, presentedFingerprint: rsa.fingerprint, algorithm: 'ssh-rsa' });
  });
});
