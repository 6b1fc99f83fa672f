import { describe, expect, it } from 'vitest';
import { closedDuringOpenError, openError, openTimeoutError, printable, sessionLostError, type OpenFacts } from './sshErrors';

const where = 'ssh 10.0.0.1:22';
const handshake: OpenFacts = { phase: 'handshake', firstBytes: 'SSH-2.0-Cisco-1.25', sawIdentification: true, attempts: [], offered: [] };

function sshError(message: string, level?: string, code?: string | number): Error {
  return Object.assign(new Error(message), level === undefined ? {} : { level }, code === undefined ? {} : { code });
}

describe('openError', () => {
  it('names the kind of algorithm the device and FieldKit do not share', () => {
    const error = openError(where, sshError('Handshake failed: no matching key exchange algorithm', 'handshake'), handshake);
    expect(error.toPayload()).toEqual({
      code: 'NegotiationFailed',
      message: `${where}: the SSH handshake failed: the device and FieldKit support no common key exchange method (Handshake failed: no matching key exchange algorithm)`,
    });
    expect(openError(where, sshError('Handshake failed: no matching cipher', 'handshake'), handshake).message).toContain('no common cipher');
  });

  it('turns a disconnect while signing in into AuthFailed', () => {
    const facts: OpenFacts = { ...handshake, phase: 'authentication', attempts: ['none', 'password', 'keyboard-interactive'], offered: ['password', 'keyboard-interactive'] };
    const error = openError(where, sshError('Too many authentication failures', undefined, 2), facts);
    expect(error.toPayload()).toEqual({
      code: 'AuthFailed',
      message: `${where}: sign-in refused: wrong user name, password or key`,
      details: { methodsTried: ['none', 'password', 'keyboard-interactive'], methodsOffered: ['password', 'keyboard-interactive'] },
    });
  });

  it('maps socket errors like Telnet does while connecting, and as a lost line later', () => {
    const reset = sshError('read ECONNRESET', 'client-socket', 'ECONNRESET');
    expect(openError(where, reset, handshake).code).toBe('ConnectionRefused');
    expect(openError(where, reset, { ...handshake, phase: 'shell' }).message).toBe(`${where}: connection lost (the device reset the connection)`);
  });

  it('explains a refused terminal after a good sign-in', () => {
    const error = openError(where, sshError('Unable to request a pseudo-terminal'), { ...handshake, phase: 'shell' });
    expect(error.message).toBe(`${where}: signed in, but the device refused an interactive terminal (Unable to request a pseudo-terminal)`);
  });
});

describe('closing and timing out during open', () => {
  it('blames the handshake, the sign-in or the terminal by phase', () => {
    expect(closedDuringOpenError(where, handshake).message).toContain('closed the connection during the SSH handshake');
    expect(closedDuringOpenError(where, { ...handshake, phase: 'authentication' }).code).toBe('AuthFailed');
    expect(openTimeoutError(where, 20_000, { ...handshake, phase: 'authentication' }).message).toBe(`${where}: the device did not answer the sign-in within 20 s`);
    expect(openTimeoutError(where, 1500, { ...handshake, phase: 'shell' }).message).toBe(`${where}: the device did not open a terminal within 1.5 s`);
  });
});

describe('sessionLostError', () => {
  it('says the device closed the connection, or why the line was lost', () => {
    expect(sessionLostError(where, undefined).message).toBe(`${where}: the device closed the connection`);
    expect(sessionLostError(where, sshError('Keepalive timeout', 'client-timeout')).message).toBe(`${where}: connection lost (the device stopped answering keep-alives)`);
    expect(sessionLostError(where, sshError('Corrupted MAC on input', 'protocol')).toPayload()).toEqual({ code: 'ConnectionClosed', message: `${where}: connection lost (Corrupted MAC on input)` });
  });
});

describe('printable', () => {
  it('shows text, hides Telnet commands and control bytes, and flattens lines', () => {
    expect(printable(Uint8Array.from([0xff, 0xfb, 0x01, ...Buffer.from('\r\nUser "Access"\r\n')]))).toBe('... User .Access.');
  });
});
