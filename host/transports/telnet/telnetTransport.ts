import { Socket } from 'node:net';
import { FieldKitError } from '../../../shared/contract';
import type { Disposable } from '../../../shared/lifecycle';
import { cancelledError, connectError, connectTimeoutError, connectionLostError, notOpenError } from '../errors';
import type { Transport } from '../transport';
import { TransportEvents } from '../transportEvents';
import { TelnetProtocol } from './telnetProtocol';

export interface TelnetTransportOptions {
  host: string;
  port: number;
  /** Hard limit for the TCP connection to be set up, in milliseconds. */
  connectTimeoutMs: number;
  /** Answer to `SB TTYPE SEND`. Default `VT100`. */
  terminalType?: string;
  /** Window size sent through NAWS when the device asks for it. Default 200 × 24. */
  columns?: number;
  rows?: number;
  /** Receives each negotiation event, e.g. `RCVD DO TTYPE` then `SENT WILL TTYPE`. */
  onNegotiation?: (line: string) => void;
}

export const defaultTerminalType = 'VT100';
/** Wide enough that long configuration lines do not wrap; 24 rows is a height every CLI knows. */
export const defaultColumns = 200;
export const defaultRows = 24;

/** How long `close()` waits for our pending bytes to leave before it drops the socket. */
const closeFlushLimitMs = 2000;
/** Idle time before TCP keep-alive probes start (the kernel then gives up after its own retries). */
const keepAliveDelayMs = 15_000;

type State = 'idle' | 'opening' | 'open' | 'closing' | 'closed';

/**
 * Telnet (RFC 854) over TCP. Lifecycle: `open()` once; the transport owns its socket and timers
 * and releases them when the line closes. `onClose` fires exactly once for a transport that
 * opened: `undefined` after `close()`, `ConnectionClosed` when the device or the network ended it.
 * A transport whose `open()` failed never opened and fires no `onClose`; listeners added after
 * the line closed are never called. Data that arrives after `close()` was called is dropped.
 */
export class TelnetTransport implements Transport {
  readonly kind = 'telnet';
  readonly description: string;
  private state: State = 'idle';
  private socket: Socket | undefined;
  private readonly protocol: TelnetProtocol;
  private socketError: Error | undefined;
  private cancelOpen: (() => void) | undefined;
  private closed: Promise<void> | undefined;
  private readonly events = new TransportEvents();

  constructor(private readonly options: TelnetTransportOptions) {
    assertEndpoint(options);
    this.description = `telnet ${options.host}:${options.port}`;
    this.protocol = new TelnetProtocol({
      terminalType: options.terminalType ?? defaultTerminalType,
      columns: options.columns ?? defaultColumns,
      rows: options.rows ?? defaultRows,
      send: (bytes) => this.socket?.write(bytes),
      deliver: (bytes) => this.events.fireData(bytes),
      log: options.onNegotiation,
    });
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  open(signal?: AbortSignal): Promise<void> {
    if (this.state !== 'idle') {
      return Promise.reject(new FieldKitError('InvalidRequest', `${this.description}: open() was already called`));
    }
    if (signal?.aborted) {
      this.state = 'closed';
      return Promise.reject(cancelledError(this.description));
    }
    this.state = 'opening';
    const socket = new Socket();
    this.socket = socket;
    return new Promise<void>((resolve, reject) => {
      const fail = (error: FieldKitError): void => {
        cleanup();
        // A late error from the discarded socket must not become an uncaught exception.
        socket.on('error', () => undefined);
        socket.destroy();
        this.socket = undefined;
        this.state = 'closed';
        reject(error);
      };
      this.cancelOpen = () => fail(cancelledError(this.description));
      const onConnect = (): void => {
        cleanup();
        this.attach(socket);
        resolve();
      };
      const onError = (error: Error): void => fail(connectError(this.description, error));
      const onAbort = (): void => fail(cancelledError(this.description));
      const timer = setTimeout(() => fail(connectTimeoutError(this.description, this.options.connectTimeoutMs)), this.options.connectTimeoutMs);
      const cleanup = (): void => {
        this.cancelOpen = undefined;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.off('connect', onConnect);
        socket.off('error', onError);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      socket.once('connect', onConnect);
      socket.once('error', onError);
      socket.connect({ host: this.options.host, port: this.options.port });
    });
  }

  write(data: Uint8Array): Promise<void> {
    const socket = this.socket;
    if (this.state !== 'open' || !socket) return Promise.reject(notOpenError(this.description));
    return new Promise<void>((resolve, reject) => {
      socket.write(this.protocol.encode(data), (error) => {
        if (error) {
          reject(connectionLostError(this.description, this.socketError ?? error));
        } else {
          resolve();
        }
      });
    });
  }

  onData(listener: (chunk: Uint8Array) => void): Disposable {
    return this.events.onData(listener);
  }

  onClose(listener: (error: FieldKitError | undefined) => void): Disposable {
    return this.events.onClose(listener);
  }

  /** Sends the new size at once when the device agreed to NAWS, else keeps it for when it asks. */
  resize(columns: number, rows: number): void {
    this.protocol.resize(columns, rows);
  }

  /**
   * Sends what is pending, ends the connection, and resolves once the socket is released.
   * During `open()` it cancels the attempt (`open()` rejects with `Cancelled`).
   */
  close(): Promise<void> {
    if (this.closed) return this.closed;
    this.cancelOpen?.();
    const socket = this.socket;
    if (this.state !== 'open' || !socket) {
      this.state = 'closed';
      return Promise.resolve();
    }
    this.state = 'closing';
    this.closed = new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      const limit = setTimeout(() => socket.destroy(), closeFlushLimitMs);
      socket.once('close', () => clearTimeout(limit));
      socket.end(() => socket.destroy());
    });
    return this.closed;
  }

  private attach(socket: Socket): void {
    this.state = 'open';
    // Interactive line: no Nagle delay. Keep-alive probes notice a pulled cable on an idle line.
    socket.setNoDelay(true);
    socket.setKeepAlive(true, keepAliveDelayMs);
    socket.on('data', (chunk: Buffer) => {
      if (this.state === 'open') this.protocol.receive(chunk);
    });
    socket.on('error', (error) => {
      this.socketError ??= error;
    });
    socket.once('close', () => this.finish());
  }

  private finish(): void {
    const closedByUs = this.state === 'closing';
    this.state = 'closed';
    const error = closedByUs ? undefined : connectionLostError(this.description, this.socketError);
    this.socket?.removeAllListeners('data');
    this.socket = undefined;
    this.events.fireClose(error);
  }
}

export function createTelnetTransport(options: TelnetTransportOptions): TelnetTransport {
  return new TelnetTransport(options);
}

function assertEndpoint(options: TelnetTransportOptions): void {
  if (options.host.trim() === '') throw new FieldKitError('InvalidRequest', 'telnet: the host is empty');
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) {
    throw new FieldKitError('InvalidRequest', `telnet ${options.host}: port must be a whole number from 1 to 65535, got ${options.port}`);
  }
  if (!Number.isFinite(options.connectTimeoutMs) || options.connectTimeoutMs <= 0) {
    throw new FieldKitError('InvalidRequest', `telnet ${options.host}:${options.port}: the connect timeout must be a positive number of milliseconds`);
  }
}
