import { describe, expect, it } from 'vitest';
import { cancelledError, connectError, connectTimeoutError, connectionLostError, notOpenError, systemErrorCode } from './errors';

const where = 'telnet 10.20.30.1:23';

function systemError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 10.20.30.1:23`), { code, syscall: 'connect' });
}

describe('connectError', () => {
  it.each([
    ['ECONNREFUSED', 'ConnectionRefused', 'connection refused (nothing listens on that port)'],
    ['EHOSTUNREACH', 'HostUnreachable', 'no route to the host (check the cable, the address and the gateway)'],
    ['ENETUNREACH', 'HostUnreachable', 'the network is unreachable (check the laptop address and the gateway)'],
    ['ENOTFOUND', 'HostUnreachable', 'the host name could not be found (check the spelling, or use the IP address)'],
    ['EAI_AGAIN', 'HostUnreachable', 'the host name could not be looked up (no name server answered; use the IP address)'],
    ['ETIMEDOUT', 'Timeout', 'the device did not answer'],
  ])('maps %s to %s with a plain message', (errno, code, reason) => {
    const error = connectError(where, systemError(errno));
    expect(error.toPayload()).toEqual({ code, message: `${where}: ${reason}`, details: { errno } });
  });

  it('takes the code of the first address that failed when a name had several', () => {
    const error = connectError(where, new AggregateError([new Error('no code'), systemError('ECONNREFUSED')], 'all failed'));
    expect(error.code).toBe('ConnectionRefused');
  });

  it('keeps an unknown cause visible instead of guessing', () => {
    expect(connectError(where, systemError('EWEIRD')).toPayload()).toEqual({ code: 'Internal', message: `${where}: could not connect (EWEIRD)`, details: { errno: 'EWEIRD' } });
    expect(connectError(where, new Error('socket hang up')).message).toBe(`${where}: could not connect (socket hang up)`);
  });
});

describe('connectionLostError', () => {
  it('says the device closed the line when there was no socket error', () => {
    expect(connectionLostError(where).toPayload()).toEqual({ code: 'ConnectionClosed', message: `${where}: the device closed the connection` });
  });

  it('names the usual causes of a lost line and keeps the system code', () => {
    expect(connectionLostError(where, systemError('ECONNRESET')).message).toBe(`${where}: connection lost (the device reset the connection)`);
    expect(connectionLostError(where, systemError('ETIMEDOUT')).message).toBe(`${where}: connection lost (the device stopped answering)`);
    expect(connectionLostError(where, systemError('EPROTO')).toPayload()).toEqual({ code: 'ConnectionClosed', message: `${where}: connection lost (EPROTO)`, details: { errno: 'EPROTO' } });
  });
});

describe('other transport errors', () => {
  it('words timeouts in seconds and carries the limit', () => {
    expect(connectTimeoutError(where, 5000).toPayload()).toEqual({ code: 'Timeout', message: `${where}: no connection within 5 s (the device did not answer)`, details: { timeoutMs: 5000 } });
    expect(connectTimeoutError(where, 2500).message).toContain('within 2.5 s');
    expect(connectTimeoutError(where, 300).message).toContain('within 300 ms');
  });

  it('has codes for cancelled and not-open', () => {
    expect(cancelledError(where).code).toBe('Cancelled');
    expect(notOpenError(where).toPayload()).toEqual({ code: 'ConnectionClosed', message: `${where}: the connection is not open` });
  });

  it('reads system codes only where they are strings', () => {
    expect([systemErrorCode(systemError('EPIPE')), systemErrorCode({ code: 5 }), systemErrorCode('ECONNRESET'), systemErrorCode(null)]).toEqual(['EPIPE', undefined, undefined, undefined]);
  });
});
