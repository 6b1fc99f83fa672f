import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FieldKitError } from '../../../shared/contract';
import { failure } from '../testing/transportTesting';
import { createSerialTransport, portPathPresent, type SerialTransport, type SerialTransportOptions } from './serialTransport';
import { fakeSerialOpener, type FakeDeviceBehaviour } from './testing/fakeSerialDevice';

let transport: SerialTransport | undefined;

afterEach(async () => {
  vi.useRealTimers();
  await transport?.close();
  transport = undefined;
});

function serial(behaviour: FakeDeviceBehaviour = {}, options: Partial<SerialTransportOptions> = {}) {
  const { opener, devices } = fakeSerialOpener(behaviour);
  const client = createSerialTransport({ path: '/dev/ttyUSB0', baudRate: 9600, opener, presenceCheckMs: 0, ...options });
  transport = client;
  const closes: (FieldKitError | undefined)[] = [];
  const closed = new Promise<FieldKitError | undefined>((resolve) =>
    client.onClose((error) => {
      closes.push(error);
      resolve(error);
    }),
  );
  const device = () => {
    const first = devices[0];
    if (!first) throw new Error('no device opened');
    return first;
  };
  return { client, devices, device, closes, closed };
}

const text = (chunk: Uint8Array): string => Buffer.from(chunk).toString('latin1');

describe('SerialTransport, settings', () => {
  it('describes the line as technicians write it', () => {
    expect(serial().client.description).toBe('serial /dev/ttyUSB0 9600 8N1');
    expect(serial({}, { baudRate: 115_200, dataBits: 7, parity: 'even', stopBits: 2, flowControl: 'rtscts' }).client.description).toBe('serial /dev/ttyUSB0 115200 7E2 RTS/CTS');
    expect(serial({}, { path: 'COM3', parity: 'odd', flowControl: 'xonxoff' }).client.description).toBe('serial COM3 9600 8O1 XON/XOFF');
    expect(transport?.kind).toBe('serial');
  });

  it('opens the driver with the settings it was given', async () => {
    const { client, device } = serial({}, { dataBits: 7, parity: 'even', stopBits: 2, flowControl: 'xonxoff' });
    await client.open();
    expect(device().settings).toEqual({ path: '/dev/ttyUSB0', baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 2, flowControl: 'xonxoff' });
  });

  it('refuses an empty path and impossible speeds before touching any port', () => {
    const { opener, devices } = fakeSerialOpener();
    expect(() => createSerialTransport({ path: ' ', baudRate: 9600, opener })).toThrow('serial: the port path is empty');
    expect(() => createSerialTransport({ path: '/dev/ttyS0', baudRate: 9600.5, opener })).toThrow(/whole number of bits per second/);
    expect(() => createSerialTransport({ path: '/dev/ttyS0', baudRate: 0, opener })).toThrow(FieldKitError);
    expect(devices).toHaveLength(0);
  });
});

describe('SerialTransport, opening', () => {
  it('turns a driver error into an actionable FieldKitError and fires no onClose', async () => {
    const { client, closes } = serial({ openError: new Error('Error: Permission denied, cannot open /dev/ttyUSB0') });
    const error = await failure(client.open());
    expect(error.code).toBe('PermissionDenied');
    expect(error.message).toContain('sudo usermod -aG dialout $USER');
    expect(client.isOpen).toBe(false);
    expect(closes).toEqual([]);
  });

  it('gives up on a port that does not open within the limit, and releases it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client, device } = serial({ openHangs: true }, { openTimeoutMs: 3000 });
    const opening = failure(client.open());
    vi.advanceTimersByTime(3000);
    const error = await opening;
    expect([error.code, error.message]).toEqual(['Timeout', 'serial /dev/ttyUSB0 9600 8N1: the port did not open within 3 s (a Bluetooth or virtual COM port that is not connected?)']);
    expect(device().closeCalls).toBe(1);
  });

  it('is cancelled by an AbortSignal, before or while opening', async () => {
    const aborted = serial();
    const controller = new AbortController();
    controller.abort();
    expect((await failure(aborted.client.open(controller.signal))).code).toBe('Cancelled');
    expect(aborted.devices).toHaveLength(0);

    const hanging = serial({ openHangs: true });
    const later = new AbortController();
    const opening = failure(hanging.client.open(later.signal));
    later.abort();
    expect((await opening).message).toBe('serial /dev/ttyUSB0 9600 8N1: connecting was cancelled');
  });

  it('can be opened only once', async () => {
    const { client } = serial();
    await client.open();
    expect((await failure(client.open())).code).toBe('InvalidRequest');
  });
});

describe('SerialTransport, an open line', () => {
  it('passes bytes both ways unchanged', async () => {
    const { client, device } = serial({ answer: (written) => (text(written) === '\r' ? Uint8Array.from(Buffer.from('\r\nR1>')) : undefined) });
    await client.open();
    const received: string[] = [];
    const arrived = new Promise<void>((resolve) =>
      client.onData((chunk) => {
        received.push(text(chunk));
        resolve();
      }),
    );
    await client.write(Uint8Array.from([0x0d]));
    await arrived;
    expect(received).toEqual(['\r\nR1>']);
    await client.write(Uint8Array.from([0x00, 0xff, 0x11, 0x13]));
    expect(device().written.map((chunk) => [...chunk])).toEqual([[0x0d], [0x00, 0xff, 0x11, 0x13]]);
  });

  it('switches speed with update() and shows it in its description', async () => {
    const { client, device } = serial();
    await client.open();
    await client.update({ baudRate: 115_200 });
    expect(device().baudRate).toBe(115_200);
    expect(client.description).toBe('serial /dev/ttyUSB0 115200 8N1');
    await expect(client.update({ baudRate: -1 })).rejects.toThrow(/whole number of bits per second/);
  });

  it('closes on request: onClose(undefined) once, the port released, writes refused afterwards', async () => {
    const { client, device, closes } = serial();
    await client.open();
    await client.close();
    await client.close();
    expect(closes).toEqual([undefined]);
    expect(device().isOpen).toBe(false);
    expect(client.isOpen).toBe(false);
    const error = await failure(client.write(Uint8Array.from([0x0d])));
    expect([error.code, error.message]).toEqual(['ConnectionClosed', 'serial /dev/ttyUSB0 9600 8N1: the connection is not open']);
    await expect(client.update({ baudRate: 9600 })).rejects.toThrow('the connection is not open');
  });

  it('drops bytes that arrive after close() was called', async () => {
    const { client, device } = serial();
    await client.open();
    const received: Uint8Array[] = [];
    client.onData((chunk) => received.push(chunk));
    const closing = client.close();
    device().emit('late');
    await closing;
    expect(received).toEqual([]);
  });

  it('does not wait forever for a write the driver never finishes when closing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client } = serial({ writesHang: true });
    await client.open();
    const writing = failure(client.write(Uint8Array.from([0x41])));
    const closing = client.close();
    await vi.advanceTimersByTimeAsync(2000);
    await closing;
    expect((await writing).code).toBe('ConnectionClosed');
  });
});

describe('SerialTransport, a pulled cable', () => {
  it('reports ConnectionClosed with a plain reason and rejects a write that was under way', async () => {
    const { client, device, closes, closed } = serial({ writesHang: true });
    await client.open();
    const writing = failure(client.write(Uint8Array.from([0x41])));
    device().unplug(new Error('Input/output error'));
    const error = await closed;
    expect(error?.code).toBe('ConnectionClosed');
    expect(error?.message).toBe('serial /dev/ttyUSB0 9600 8N1: connection lost (the console cable was pulled or the device went away)');
    expect(error?.details).toEqual({ cause: 'Input/output error' });
    expect((await writing).code).toBe('ConnectionClosed');
    expect(client.isOpen).toBe(false);
    await client.close();
    expect(closes).toHaveLength(1);
  });

  it('notices the port path vanishing (an unplugged USB adapter) and releases the port before onClose', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let present = true;
    const { client, device, closed } = serial({}, { presenceCheckMs: 1000, portPresent: () => Promise.resolve(present) });
    await client.open();
    await vi.advanceTimersByTimeAsync(3000);
    expect(client.isOpen).toBe(true);
    present = false;
    await vi.advanceTimersByTimeAsync(1000);
    const error = await closed;
    expect(error?.code).toBe('ConnectionClosed');
    expect(error?.details).toEqual({ cause: '/dev/ttyUSB0 disappeared' });
    expect(device().isOpen).toBe(false);
    expect(device().closeCalls).toBe(1);
  });

  it('fires onClose even when a listener throws, and keeps calling the others', async () => {
    const { client, device } = serial();
    await client.open();
    const calls: string[] = [];
    const uncaught = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve));
    client.onClose(() => {
      calls.push('first');
      throw new Error('listener bug');
    });
    client.onClose(() => calls.push('second'));
    device().unplug();
    expect(calls).toEqual(['first', 'second']);
    expect(await uncaught).toMatchObject({ message: 'listener bug' });
  });
});

describe('portPathPresent', () => {
  it('sees a path, a missing path and a dangling link (a removed device node)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fieldkit-serial-'));
    try {
      const dangling = join(folder, 'ttyUSB9');
      symlinkSync(join(folder, 'gone'), dangling);
      expect(await portPathPresent(folder)).toBe(true);
      expect(await portPathPresent(join(folder, 'nothing'))).toBe(false);
      expect(await portPathPresent(dangling)).toBe(false);
      expect(await portPathPresent('COM3')).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
