import { createHash } from 'node:crypto';
import { FieldKitError } from '../../../shared/contract';

/** A device's SSH host key as FieldKit shows and stores it. */
export interface HostKeyIdentity {
  /** As OpenSSH prints it: `SHA256:` and the unpadded base64 of the SHA-256 of the key blob. */
  fingerprint: string;
  /** The key type named inside the blob: `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`... */
  algorithm: string;
}

/** What the transport reports after open(). */
export interface PresentedHostKey extends HostKeyIdentity {
  /** True when this host:port had no stored key and this one was remembered. */
  firstSeen: boolean;
  /** True when a different stored key was replaced because the technician confirmed this one. */
  replaced: boolean;
}

export function fingerprintOf(keyBlob: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type: the blob starts with a uint32 length and that many bytes of ASCII name (RFC 4253 §6.6). */
export function algorithmOf(keyBlob: Uint8Array): string {
  if (keyBlob.length < 4) return 'unknown';
  const length = Buffer.from(keyBlob.buffer, keyBlob.byteOffset, keyBlob.byteLength).readUInt32BE(0);
  if (length === 0 || length > 64 || 4 + length > keyBlob.length) return 'unknown';
  return Buffer.from(keyBlob.subarray(4, 4 + length)).toString('latin1');
}

export function identify(keyBlob: Uint8Array): HostKeyIdentity {
  return { fingerprint: fingerprintOf(keyBlob), algorithm: algorithmOf(keyBlob) };
}

/** Accepts a fingerprint as people paste it: with or without `SHA256:`, with or without `=` padding. */
export function normalizeFingerprint(text: string): string {
  const trimmed = text.trim();
  const body = trimmed.replace(/^SHA256:/i, '').replace(/=+$/, '');
  return `SHA256:${body}`;
}

export type HostKeyDecision =
  | { verdict: 'first-use' }
  | { verdict: 'known' }
  | { verdict: 'replace'; previous: HostKeyIdentity }
  | { verdict: 'changed'; error: FieldKitError };

/**
 * Trust on first use. An unknown host is accepted (and then remembered); a known host must show
 * the same key; a different key is refused unless the technician confirmed exactly that new
 * fingerprint (`acceptHostKey`), which replaces the stored one.
 */
export function decideHostKey(
  description: string,
  stored: HostKeyIdentity | undefined,
  presented: HostKeyIdentity,
  acceptHostKey: string | undefined,
): HostKeyDecision {
  if (stored === undefined) return { verdict: 'first-use' };
  if (stored.fingerprint === presented.fingerprint) return { verdict: 'known' };
  if (acceptHostKey !== undefined && normalizeFingerprint(acceptHostKey) === presented.fingerprint) {
    return { verdict: 'replace', previous: stored };
  }
  return { verdict: 'changed', error: hostKeyChangedError(description, stored, presented) };
}

export function hostKeyChangedError(description: string, stored: HostKeyIdentity, presented: HostKeyIdentity): FieldKitError {
  return new FieldKitError(
    'HostKeyChanged',
    `${description}: WARNING, the device's SSH key has CHANGED. ` +
      `It used to be ${stored.fingerprint} (${stored.algorithm}) and is now ${presented.fingerprint} (${presented.algorithm}). ` +
      'Someone may be intercepting the connection, or the device was replaced or reset. ' +
      `Nothing was sent to it. If you are sure it is the right device, confirm the new fingerprint ${presented.fingerprint} to connect.`,
    { storedFingerprint: stored.fingerprint, presentedFingerprint: presented.fingerprint, algorithm: presented.algorithm },
  );
}
