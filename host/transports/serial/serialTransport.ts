import { stat } from 'node:fs/promises';
import { FieldKitError } from '../../../shared/contract';
import type { Disposable } from '../../../shared/lifecycle';
import { cancelledError, notOpenError, systemErrorCode } from '../errors';
import type { Transport } from '../transport';
import { TransportEvents } from '../transportEvents';
import { openNodeSerialDevice, type SerialDevice, type SerialLineSettings, type SerialOpener } from './serialDevice';
import { serialLostError, serialOpenError, serialOpenTimeoutError, serialUpdateError } from './serialErrors';

export interface SerialTransportOptions {
  /** `/dev/ttyUSB0`, `COM3`, or a pseudo-terminal path (open it by path: it is never listed). */
  path: string;
  /** Bits per second. For 'auto', run detectBaudRate first and pass what it found. */
  baudRate: number;
  /** Defaults: 8 data bits, no parity, 1 stop bit, no flow control (8N1, every console's default). */
  dataBits?: SerialLineSettings['dataBits'];
  parity?: SerialLineSettings['parity'];
  stopBits?: SerialLineSettings['stopBits'];
  flowControl?: SerialLineSettings['flowControl'];
  /** Hard limit for the port to open, in milliseconds. Default 10 s. */
  openTimeoutMs?: number;
  /**
   * How often to check that the port's path still exists, in milliseconds (0 turns it off).
   * Default 1 s. Catches an unplugged USB adapter on drivers whose reads just stall.
   */
  presenceCheckMs?: number;
  /** Seams for tests: how ports open, and whether a path is still there. */
  opener?: SerialOpener;
  portPresent?: (path: string) => Promise<boolean>;
}

const defaultOpenTimeoutMs = 10_000;
const defaultPresenceCheckMs = 1000;
/** How long `close()` waits for writes already handed to the driver before it closes the port. */
const closeFlushLimitMs = 2000;

type State = 'idle' | 'opening' | 'open' | 'closing' | 'closed';

/**
 * A console cable (RS-232 through a USB adapter, a device's USB console, or a pseudo-terminal).
 * Lifecycle as {@link Transport}: `open()` once; `onClose` fires exactly once for a transport
 * that opened, `undefined` after `close()` and `ConnectionClosed` when the cable was pulled or
 * the device went away, and only once the port is released, so it can be opened again at once.
 * The port is opened exclusively. A transport whose `open()` failed fires no `onClose`.
 */
export class SerialTransport implements Transport {
  readonly kind = 'serial';
  private state: State = 'idle';
  private device: SerialDevice | undefined;
  private baudRate: number;
  private readonly line: Omit<SerialLineSettings, 'baudRate'>;
  private cancelOpen: (() => void) | undefined;
  private closed: Promise<void> | undefined;
  private presenceTimer: NodeJS.Timeout | undefined;
  private readonly pendingWrites = new Map<Promise<void>, (error: FieldKitError) => void>();
  private readonly events = new TransportEvents();

  constructor(private readonly options: SerialTransportOptions) {
    this.line = {
      path: options.path,
      dataBits: options.dataBits ?? 8,
      parity: options.parity ?? 'none',
      stopBits: options.stopBits ?? 1,
      flowControl: options.flowControl ?? 'none',
    };
    this.baudRate = options.baudRate;
    assertSettings(this.line.path, options);
  }

  /** `serial /dev/ttyUSB0 9600 8N1`, plus the flow control when there is one; follows `update()`. */
  get description(): string {
    const { path, dataBits, parity, stopBits, flowControl } = this.line;
    const flow = flowControl === 'rtscts' ? ' RTS/CTS' : flowControl === 'xonxoff' ? ' XON/XOFF' : '';
    return `serial ${path} ${this.baudRate} ${dataBits}${parity.charAt(0).toUpperCase()}${stopBits}${flow}`;
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
    const opener = this.options.opener ?? openNodeSerialDevice;
    const device = opener({ ...this.line, baudRate: this.baudRate }, { data: (chunk) => this.receive(chunk), lost: (cause) => this.lose(cause) });
    this.device = device;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        this.cancelOpen = undefined;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const fail = (error: FieldKitError): void => {
        if (!settle()) return;
        this.device = undefined;
        this.state = 'closed';
        void device.close();
        reject(error);
      };
      const onAbort = (): void => fail(cancelledError(this.description));
      const timeoutMs = this.options.openTimeoutMs ?? defaultOpenTimeoutMs;
      const timer = setTimeout(() => fail(serialOpenTimeoutError(this.description, timeoutMs)), timeoutMs);
      this.cancelOpen = onAbort;
      signal?.addEventListener('abort', onAbort, { once: true });
      device.open().then(
        () => {
          if (!settle()) {
            // Opened after a timeout or cancel: release it at once.
            void device.close();
            return;
          }
          this.state = 'open';
          this.watchPresence();
          resolve();
        },
        (error: unknown) => fail(serialOpenError(this.description, this.line.path, error)),
      );
    });
  }

  write(data: Uint8Array): Promise<void> {
    const device = this.device;
    if (this.state !== 'open' || !device) return Promise.reject(notOpenError(this.description));
    return new Promise<void>((resolve, reject) => {
      const written = device.write(data).then(
        () => {
          this.pendingWrites.delete(written);
          resolve();
        },
        (error: unknown) => {
          this.pendingWrites.delete(written);
          reject(this.state === 'open' ? serialLostError(this.description, error) : notOpenError(this.description));
        },
      );
      // A write the driver never finishes (the stream waits for a reopen after a disconnect) is
      // rejected when the line closes.
      this.pendingWrites.set(written, reject);
    });
  }

  /** Switches the open port to another speed, e.g. while detecting the console's baud rate. */
  async update(settings: { baudRate: number }): Promise<void> {
    assertBaudRate(this.line.path, settings.baudRate);
    const device = this.device;
    if (this.state !== 'open' || !device) throw notOpenError(this.description);
    try {
      await device.setBaudRate(settings.baudRate);
    } catch (error) {
      throw serialUpdateError(this.description, settings.baudRate, error);
    }
    this.baudRate = settings.baudRate;
  }

  onData(listener: (chunk: Uint8Array) => void): Disposable {
    return this.events.onData(listener);
  }

  onClose(listener: (error: FieldKitError | undefined) => void): Disposable {
    return this.events.onClose(listener);
  }

  /**
   * Lets writes already handed to the driver finish (at most 2 s), releases the port, and
   * resolves once it can be opened again. During `open()` it cancels the attempt.
   */
  close(): Promise<void> {
    if (this.closed) return this.closed;
    this.cancelOpen?.();
    if (this.state !== 'open') {
      this.state = 'closed';
      return Promise.resolve();
    }
    this.closed = this.shutDown(undefined, true);
    return this.closed;
  }

  private receive(chunk: Uint8Array): void {
    if (this.state === 'open') this.events.fireData(chunk);
  }

  /** The device's handle is already released when it reports a loss. */
  private lose(cause: Error): void {
    if (this.state !== 'open') return;
    this.finish(serialLostError(this.description, cause));
  }

  private async shutDown(error: FieldKitError | undefined, flush: boolean): Promise<void> {
    this.state = 'closing';
    this.stopWatchingPresence();
    if (flush && this.pendingWrites.size > 0) await settledWithin([...this.pendingWrites.keys()], closeFlushLimitMs);
    await this.device?.close();
    this.finish(error);
  }

  private finish(error: FieldKitError | undefined): void {
    this.state = 'closed';
    this.stopWatchingPresence();
    this.device = undefined;
    const unfinished = [...this.pendingWrites.values()];
    this.pendingWrites.clear();
    for (const reject of unfinished) reject(error ?? notOpenError(this.description));
    this.events.fireClose(error);
  }

  private watchPresence(): void {
    const intervalMs = this.options.presenceCheckMs ?? defaultPresenceCheckMs;
    if (intervalMs <= 0) return;
    const present = this.options.portPresent ?? portPathPresent;
    const check = (): void => {
      this.presenceTimer = undefined;
      void present(this.line.path).then((there) => {
        if (this.state !== 'open') return;
        if (there) {
          schedule();
        } else {
          this.closed = this.shutDown(serialLostError(this.description, new Error(`${this.line.path} disappeared`)), false);
        }
      });
    };
    const schedule = (): void => {
      this.presenceTimer = setTimeout(check, intervalMs);
      this.presenceTimer.unref();
    };
    schedule();
  }

  private stopWatchingPresence(): void {
    clearTimeout(this.presenceTimer);
    this.presenceTimer = undefined;
  }
}

export function createSerialTransport(options: SerialTransportOptions): SerialTransport {
  return new SerialTransport(options);
}

/**
 * Whether a port's device node is still there. A USB adapter's node (and its /dev/serial/by-id
 * link) vanishes when it is unplugged. Windows COM names are not files: always present there.
 */
export async function portPathPresent(path: string): Promise<boolean> {
  if (process.platform === 'win32' || !path.startsWith('/')) return true;
  try {
    await stat(path);
    return true;
  } catch (error) {
    const code = systemErrorCode(error);
    return !(code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO' || code === 'ENOTDIR');
  }
}

function settledWithin(promises: Promise<void>[], limitMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, limitMs);
    void Promise.allSettled(promises).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function assertSettings(path: string, options: SerialTransportOptions): void {
  if (path.trim() === '') throw new FieldKitError('InvalidRequest', 'serial: the port path is empty');
  assertBaudRate(path, options.baudRate);
  const timeoutMs = options.openTimeoutMs ?? defaultOpenTimeoutMs;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new FieldKitError('InvalidRequest', `serial ${path}: the open timeout must be a positive number of milliseconds`);
  }
}

function assertBaudRate(path: string, baudRate: number): void {
  if (!Number.isInteger(baudRate) || baudRate < 50 || baudRate > 4_000_000) {
    throw new FieldKitError('InvalidRequest', `serial ${path}: the speed must be a whole number of bits per second from 50 to 4000000, got ${baudRate}`);
  }
}
