import { SerialPort } from 'serialport';
import type { SerialTarget } from '../../../shared/contract';

/** The UART settings of a console line. */
export interface SerialLineSettings {
  path: string;
  baudRate: number;
  dataBits: SerialTarget['dataBits'];
  parity: SerialTarget['parity'];
  stopBits: SerialTarget['stopBits'];
  flowControl: SerialTarget['flowControl'];
}

export interface SerialDeviceEvents {
  data(chunk: Uint8Array): void;
  /**
   * The line ended without `close()`: the device went away or the port failed. Called at most
   * once, after the operating system's handle was released, so the port can be opened again.
   */
  lost(cause: Error): void;
}

/**
 * One opened port, as the serial transport needs it. Errors are the driver's own; the
 * transport turns them into FieldKitErrors. `close()` resolves once the handle (and its lock)
 * is released and is safe to call in any state.
 */
export interface SerialDevice {
  open(): Promise<void>;
  write(data: Uint8Array): Promise<void>;
  setBaudRate(baudRate: number): Promise<void>;
  close(): Promise<void>;
}

export type SerialOpener = (settings: SerialLineSettings, events: SerialDeviceEvents) => SerialDevice;

/** The real thing: serialport's native bindings. */
export const openNodeSerialDevice: SerialOpener = (settings, events) => new NodeSerialDevice(settings, events);

class NodeSerialDevice implements SerialDevice {
  private port: SerialPort | undefined;
  private closedByUs = false;

  constructor(
    private readonly settings: SerialLineSettings,
    private readonly events: SerialDeviceEvents,
  ) {}

  open(): Promise<void> {
    const { path, baudRate, dataBits, parity, stopBits, flowControl } = this.settings;
    const port = new SerialPort({
      path,
      baudRate,
      dataBits,
      parity,
      stopBits,
      rtscts: flowControl === 'rtscts',
      xon: flowControl === 'xonxoff',
      xoff: flowControl === 'xonxoff',
      autoOpen: false,
      // Exclusive (flock on POSIX): a second program, or a second FieldKit session, gets PortBusy.
      lock: true,
    });
    this.port = port;
    // Every call passes a callback; this only keeps a stray stream error from crashing the host.
    port.on('error', () => undefined);
    port.on('data', (chunk: Buffer) => this.events.data(chunk));
    // serialport closes the port itself when a read or write fails (a pulled cable) and then
    // emits 'close' with a DisconnectedError, after the handle is released.
    port.on('close', (error: Error | null) => {
      if (!this.closedByUs) this.events.lost(error ?? new Error('the port closed'));
    });
    return new Promise<void>((resolve, reject) => {
      port.open((error) => (error ? reject(error) : resolve()));
    });
  }

  write(data: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return Promise.reject(new Error('Port is not open'));
    return new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(data), (error) => (error ? reject(error) : resolve()));
    });
  }

  setBaudRate(baudRate: number): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return Promise.reject(new Error('Port is not open'));
    return new Promise<void>((resolve, reject) => {
      port.update({ baudRate }, (error) => (error ? reject(error) : resolve()));
    });
  }

  close(): Promise<void> {
    this.closedByUs = true;
    const port = this.port;
    if (!port) return Promise.resolve();
    return new Promise<void>((resolve) => {
      if (port.closing) {
        port.once('close', () => resolve());
      } else if (port.isOpen) {
        // A failing close still leaves nothing we could release; the handle is gone either way.
        port.close(() => resolve());
      } else {
        resolve();
      }
    });
  }
}
