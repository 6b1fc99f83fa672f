import { FieldKitError, type ErrorCode } from '../../shared/contract';

/**
 * Node socket errors turned into {@link FieldKitError}s whose messages a technician can act on.
 * Every message starts with the transport's description (`telnet 10.0.0.1:23`), never a secret.
 * `details` keeps the system error code for support (`{ errno: 'ECONNREFUSED' }`).
 */

interface ConnectFault {
  code: ErrorCode;
  reason: string;
}

const connectFaults: Readonly<Record<string, ConnectFault>> = {
  ECONNREFUSED: { code: 'ConnectionRefused', reason: 'connection refused (nothing listens on that port)' },
  ECONNRESET: { code: 'ConnectionRefused', reason: 'the device reset the connection while it was being set up' },
  EHOSTUNREACH: { code: 'HostUnreachable', reason: 'no route to the host (check the cable, the address and the gateway)' },
  EHOSTDOWN: { code: 'HostUnreachable', reason: 'the host is down (no answer on the local network)' },
  ENETUNREACH: { code: 'HostUnreachable', reason: 'the network is unreachable (check the laptop address and the gateway)' },
  ENETDOWN: { code: 'HostUnreachable', reason: 'the network interface is down (check the cable)' },
  EADDRNOTAVAIL: { code: 'HostUnreachable', reason: 'the address cannot be reached from this computer' },
  ENOTFOUND: { code: 'HostUnreachable', reason: 'the host name could not be found (check the spelling, or use the IP address)' },
  EAI_AGAIN: { code: 'HostUnreachable', reason: 'the host name could not be looked up (no name server answered; use the IP address)' },
  EACCES: { code: 'HostUnreachable', reason: 'this computer does not allow the connection (firewall or permissions)' },
  EPERM: { code: 'HostUnreachable', reason: 'this computer does not allow the connection (firewall or permissions)' },
  ETIMEDOUT: { code: 'Timeout', reason: 'the device did not answer' },
};

const lostReasons: Readonly<Record<string, string>> = {
  ECONNRESET: 'connection lost (the device reset the connection)',
  EPIPE: 'connection lost (the device stopped receiving)',
  ETIMEDOUT: 'connection lost (the device stopped answering)',
  EHOSTUNREACH: 'connection lost (the host became unreachable)',
  ENETUNREACH: 'connection lost (the network became unreachable)',
  ENETDOWN: 'connection lost (the network interface went down)',
};

/** The system error code of a Node error (`ECONNREFUSED`), if it has one. */
export function systemErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('code' in error && typeof error.code === 'string') return error.code;
  // Connecting to a name with IPv4 and IPv6 addresses fails with one error per address.
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const code = systemErrorCode(inner);
      if (code) return code;
    }
  }
  return undefined;
}

/** A failure while connecting. Unknown causes become `Internal` with the system code in the text. */
export function connectError(description: string, error: unknown): FieldKitError {
  const errno = systemErrorCode(error);
  const fault = errno === undefined ? undefined : connectFaults[errno];
  if (fault) return new FieldKitError(fault.code, `${description}: ${fault.reason}`, { errno });
  const cause = errno ?? (error instanceof Error ? error.message : String(error));
  return new FieldKitError('Internal', `${description}: could not connect (${cause})`, errno ? { errno } : undefined);
}

export function connectTimeoutError(description: string, timeoutMs: number): FieldKitError {
  return new FieldKitError('Timeout', `${description}: no connection within ${formatDuration(timeoutMs)} (the device did not answer)`, { timeoutMs });
}

export function cancelledError(description: string): FieldKitError {
  return new FieldKitError('Cancelled', `${description}: connecting was cancelled`);
}

/** The line ended without us closing it: the peer closed it (`error` undefined) or the socket failed. */
export function connectionLostError(description: string, error?: unknown): FieldKitError {
  if (error === undefined) return new FieldKitError('ConnectionClosed', `${description}: the device closed the connection`);
  const errno = systemErrorCode(error);
  const reason = (errno === undefined ? undefined : lostReasons[errno]) ?? `connection lost (${errno ?? (error instanceof Error ? error.message : String(error))})`;
  return new FieldKitError('ConnectionClosed', `${description}: ${reason}`, errno ? { errno } : undefined);
}

/** Writing to, or using, a line that is not open. */
export function notOpenError(description: string): FieldKitError {
  return new FieldKitError('ConnectionClosed', `${description}: the connection is not open`);
}

function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${milliseconds} ms`;
  const seconds = milliseconds / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
