import { FieldKitError } from '../../../shared/contract';
import { connectError, connectionLostError, systemErrorCode } from '../errors';
import type { SshAuthMethod } from './sshAuth';

/**
 * ssh2's errors turned into {@link FieldKitError}s a technician can act on. Messages start with
 * the transport's description and never contain a secret (ssh2's own texts carry none).
 */

/** Where `open()` was when it failed; the same ssh2 error means different things in each. */
export type OpenPhase = 'handshake' | 'authentication' | 'shell';

export interface OpenFacts {
  phase: OpenPhase;
  /** The first bytes the device sent, as printable text, until its `SSH-` version line. */
  firstBytes: string;
  sawIdentification: boolean;
  attempts: readonly SshAuthMethod[];
  offered: readonly string[];
}

/** ssh2 marks its errors with `level` (`client-socket`, `client-authentication`, `handshake`, `protocol`...). */
export function errorLevel(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('level' in error)) return undefined;
  return typeof error.level === 'string' ? error.level : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const missingAlgorithm: readonly [RegExp, string][] = [
  [/key exchange/i, 'key exchange method'],
  [/host key/i, 'host key type'],
  [/cipher/i, 'cipher'],
  [/MAC/, 'message authentication (MAC) method'],
  [/compression/i, 'compression method'],
];

export function authFailedError(description: string, facts: Pick<OpenFacts, 'attempts' | 'offered'>): FieldKitError {
  const details = { methodsTried: [...facts.attempts], methodsOffered: [...facts.offered] };
  const tried = facts.attempts.filter((method) => method !== 'none');
  if (tried.length === 0 && facts.offered.length > 0) {
    const needs = facts.offered.includes('publickey') ? 'a private key' : 'a password';
    return new FieldKitError(
      'AuthFailed',
      `${description}: sign-in refused: the device accepts only ${facts.offered.join(', ')}, and ${needs} was not given`,
      details,
    );
  }
  return new FieldKitError('AuthFailed', `${description}: sign-in refused: wrong user name, password or key`, details);
}

/** Any failure of `open()` after the TCP connection was made. */
export function openError(description: string, error: unknown, facts: OpenFacts): FieldKitError {
  if (error instanceof FieldKitError) return error;
  const level = errorLevel(error);
  const message = messageOf(error);
  if (level === 'client-authentication') return authFailedError(description, facts);
  if (facts.phase === 'handshake' && !facts.sawIdentification) {
    if (facts.firstBytes !== '') return notSshError(description, facts);
    if (/connection lost/i.test(message)) return closedDuringOpenError(description, facts);
  }
  if (level === 'client-socket' || systemErrorCode(error) !== undefined) {
    if (facts.phase === 'handshake') return connectError(description, error);
    return connectionLostError(description, error);
  }
  // A DISCONNECT from the device while signing in: "Too many authentication failures" and the like.
  if (facts.phase === 'authentication') return authFailedError(description, facts);
  if (facts.phase === 'shell') {
    return new FieldKitError('NegotiationFailed', `${description}: signed in, but the device refused an interactive terminal (${message})`);
  }
  const missing = /no matching/i.test(message) ? missingAlgorithm.find(([pattern]) => pattern.test(message)) : undefined;
  if (missing) {
    return new FieldKitError(
      'NegotiationFailed',
      `${description}: the SSH handshake failed: the device and FieldKit support no common ${missing[1]} (${message})`,
    );
  }
  return new FieldKitError('NegotiationFailed', `${description}: the SSH handshake failed (${message})`);
}

/** The device ended the connection before the session was ready, without saying why. */
export function closedDuringOpenError(description: string, facts: OpenFacts): FieldKitError {
  if (facts.phase === 'authentication') return authFailedError(description, facts);
  if (facts.phase === 'shell') {
    return new FieldKitError('NegotiationFailed', `${description}: signed in, but the device closed the connection instead of opening a terminal`);
  }
  if (facts.firstBytes !== '' && !facts.sawIdentification) return notSshError(description, facts);
  return new FieldKitError(
    'NegotiationFailed',
    `${description}: the device closed the connection during the SSH handshake (too many sessions open, SSH disabled, or this address is not allowed?)`,
  );
}

export function openTimeoutError(description: string, timeoutMs: number, facts: OpenFacts): FieldKitError {
  if (facts.phase === 'handshake' && !facts.sawIdentification) {
    if (facts.firstBytes !== '') return notSshError(description, facts);
    return new FieldKitError(
      'Timeout',
      `${description}: the port accepted the connection but no SSH server answered within ${seconds(timeoutMs)}`,
      { timeoutMs },
    );
  }
  const what = facts.phase === 'handshake' ? 'finish the SSH handshake' : facts.phase === 'authentication' ? 'answer the sign-in' : 'open a terminal';
  return new FieldKitError('Timeout', `${description}: the device did not ${what} within ${seconds(timeoutMs)}`, { timeoutMs });
}

function notSshError(description: string, facts: OpenFacts): FieldKitError {
  return new FieldKitError(
    'NegotiationFailed',
    `${description}: the device answered, but not with SSH (it sent "${facts.firstBytes}"). Is this a Telnet port?`,
  );
}

/** The line dropped after the session was ready. */
export function sessionLostError(description: string, error: unknown): FieldKitError {
  if (error === undefined) return connectionLostError(description);
  if (errorLevel(error) === 'client-timeout') {
    return new FieldKitError('ConnectionClosed', `${description}: connection lost (the device stopped answering keep-alives)`);
  }
  if (systemErrorCode(error) !== undefined || errorLevel(error) === 'client-socket') return connectionLostError(description, error);
  return new FieldKitError('ConnectionClosed', `${description}: connection lost (${messageOf(error)})`);
}

function seconds(milliseconds: number): string {
  const value = milliseconds / 1000;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} s`;
}

/** Printable ASCII of the first bytes, for `notSshError`: telnet option bytes and controls become dots. */
export function printable(bytes: Uint8Array, limit = 48): string {
  let text = '';
  for (const byte of bytes.subarray(0, limit)) {
    if (byte === 0x0d || byte === 0x0a) text += ' ';
    else text += byte >= 0x20 && byte < 0x7f && byte !== 0x22 ? String.fromCharCode(byte) : '.';
  }
  return text.replace(/\s+/g, ' ').trim();
}
