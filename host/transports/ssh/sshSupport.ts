import { Socket } from 'node:net';
import type { Algorithms } from 'ssh2';
import { FieldKitError } from '../../../shared/contract';
import { cancelledError, connectError, connectTimeoutError } from '../errors';

/**
 * Older switches and routers (IOS 12.x/15.0, early VRP and Comware) offer only SHA-1 key
 * exchange, CBC ciphers and DSA host keys. They go at the END of ssh2's lists: SSH picks the
 * first client choice the device also has, so a modern device still gets a modern algorithm.
 */
export const legacyAlgorithms: Algorithms = {
  kex: { append: ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'], prepend: [], remove: [] },
  cipher: { append: ['aes128-cbc', 'aes256-cbc', '3des-cbc'], prepend: [], remove: [] },
  serverHostKey: { append: ['ssh-dss'], prepend: [], remove: [] },
};

export interface EndpointOptions {
  host: string;
  port: number;
  connectTimeoutMs: number;
  handshakeTimeoutMs?: number;
  username: string;
  columns?: number;
  rows?: number;
}

/** Programming errors in the options, as `InvalidRequest`, before anything touches the network. */
export function validateOptions(options: EndpointOptions): void {
  const where = `ssh ${options.host}:${options.port}`;
  if (options.host.trim() === '') throw new FieldKitError('InvalidRequest', 'ssh: the host is empty');
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) {
    throw new FieldKitError('InvalidRequest', `ssh ${options.host}: port must be a whole number from 1 to 65535, got ${options.port}`);
  }
  for (const [name, value] of [['connect timeout', options.connectTimeoutMs], ['handshake timeout', options.handshakeTimeoutMs]] as const) {
    if (value !== undefined && (!Number.isFinite(value) || value <= 0)) {
      throw new FieldKitError('InvalidRequest', `${where}: the ${name} must be a positive number of milliseconds`);
    }
  }
  if (options.username === '') throw new FieldKitError('InvalidRequest', `${where}: SSH needs a user name`);
  for (const [name, value] of [['columns', options.columns], ['rows', options.rows]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > 10_000)) {
      throw new FieldKitError('InvalidRequest', `${where}: ${name} must be a whole number from 1 to 10000`);
    }
  }
}

/**
 * The TCP connection under our own time limit, with the socket-error texts Telnet uses. The
 * caller owns the socket it resolves; on failure or cancellation the socket is destroyed.
 */
export function connectSocket(description: string, target: { host: string; port: number; connectTimeoutMs: number }, cancel: AbortSignal): Promise<Socket> {
  if (cancel.aborted) return Promise.reject(cancelledError(description));
  const socket = new Socket();
  return new Promise<Socket>((resolve, reject) => {
    const finish = (error?: FieldKitError): void => {
      clearTimeout(timer);
      cancel.removeEventListener('abort', onAbort);
      socket.off('connect', onConnect);
      socket.off('error', onError);
      if (error === undefined) {
        resolve(socket);
        return;
      }
      // A late error from the discarded socket must not become an uncaught exception.
      socket.on('error', () => undefined);
      socket.destroy();
      reject(error);
    };
    const onConnect = (): void => finish();
    const onError = (error: Error): void => finish(connectError(description, error));
    const onAbort = (): void => finish(cancelledError(description));
    const timer = setTimeout(() => finish(connectTimeoutError(description, target.connectTimeoutMs)), target.connectTimeoutMs);
    cancel.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', onConnect);
    socket.once('error', onError);
    socket.connect({ host: target.host, port: target.port });
  });
}
