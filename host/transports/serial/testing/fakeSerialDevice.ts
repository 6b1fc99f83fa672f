import type { SerialDevice, SerialDeviceEvents, SerialLineSettings, SerialOpener } from '../serialDevice';

export interface FakeDeviceBehaviour {
  /** `open()` rejects with this (a driver error such as `Error: Permission denied, cannot open ...`). */
  openError?: Error;
  /** `open()` never settles (a virtual COM port that hangs). */
  openHangs?: boolean;
  /** `write()` never settles (a driver that stalls). */
  writesHang?: boolean;
  /** What the "device" answers to bytes written at the port's current speed, if anything. */
  answer?: (written: Uint8Array, baudRate: number) => Uint8Array | undefined;
}

/**
 * Test support: a scripted port. It records what was written and at which speed, answers
 * through `behaviour.answer`, and can be unplugged (`unplug()` reports a loss the way serialport
 * does: after the handle is released).
 */
export class FakeSerialDevice implements SerialDevice {
  readonly written: Uint8Array[] = [];
  readonly speeds: number[] = [];
  baudRate: number;
  isOpen = false;
  closeCalls = 0;

  constructor(
    readonly settings: SerialLineSettings,
    private readonly events: SerialDeviceEvents,
    private readonly behaviour: FakeDeviceBehaviour,
  ) {
    this.baudRate = settings.baudRate;
    this.speeds.push(settings.baudRate);
  }

  open(): Promise<void> {
    if (this.behaviour.openHangs) return new Promise<void>(() => undefined);
    if (this.behaviour.openError) return Promise.reject(this.behaviour.openError);
    this.isOpen = true;
    return Promise.resolve();
  }

  write(data: Uint8Array): Promise<void> {
    if (!this.isOpen) return Promise.reject(new Error('Port is not open'));
    this.written.push(Uint8Array.from(data));
    if (this.behaviour.writesHang) return new Promise<void>(() => undefined);
    const answer = this.behaviour.answer?.(data, this.baudRate);
    if (answer) setImmediate(() => this.emit(answer));
    return Promise.resolve();
  }

  setBaudRate(baudRate: number): Promise<void> {
    if (!this.isOpen) return Promise.reject(new Error('Port is not open'));
    this.baudRate = baudRate;
    this.speeds.push(baudRate);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.closeCalls += 1;
    this.isOpen = false;
    return Promise.resolve();
  }

  /** Bytes arriving from the device. */
  emit(data: Uint8Array | string): void {
    if (this.isOpen) this.events.data(typeof data === 'string' ? Uint8Array.from(Buffer.from(data, 'latin1')) : data);
  }

  /** The cable is pulled: the driver closes the port itself, then reports the loss. */
  unplug(cause = new Error('bad file descriptor')): void {
    this.isOpen = false;
    this.events.lost(cause);
  }

  writtenText(): string {
    return Buffer.concat(this.written).toString('latin1');
  }
}

/** An opener whose devices all follow `behaviour`; `devices` lists them in the order opened. */
export function fakeSerialOpener(behaviour: FakeDeviceBehaviour = {}): { opener: SerialOpener; devices: FakeSerialDevice[] } {
  const devices: FakeSerialDevice[] = [];
  const opener: SerialOpener = (settings, events) => {
    const device = new FakeSerialDevice(settings, events, behaviour);
    devices.push(device);
    return device;
  };
  return { opener, devices };
}
