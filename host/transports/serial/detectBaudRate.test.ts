import { describe, expect, it } from 'vitest';
import { failure } from '../testing/transportTesting';
import { defaultBaudCandidates, detectBaudRate } from './detectBaudRate';
import { fakeSerialOpener, type FakeDeviceBehaviour } from './testing/fakeSerialDevice';
import { misreadUart } from './testing/uartSimulation';

const bytes = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'latin1'));

/** A console at `consoleBaud` that answers a CR with `answer`, as a UART at the port's speed receives it. */
function consoleAt(consoleBaud: number, answer = '\r\n\r\nUser Access Verification\r\n\r\nUsername: '): FakeDeviceBehaviour {
  return { answer: (written, portBaud) => (written.includes(0x0d) ? misreadUart(bytes(answer), consoleBaud, portBaud) : undefined) };
}

/** The fake ports have no device node: tell the presence watchdog they are there. */
const portPresent = () => Promise.resolve(true);
const quick = { timeoutPerRateMs: 250, portPresent };

describe('detectBaudRate', () => {
  it.each([115_200, 38_400, 2400])('finds a console at %i after reading garbage at the speeds before it', async (consoleBaud) => {
    const { opener, devices } = fakeSerialOpener(consoleAt(consoleBaud));
    const detection = await detectBaudRate('/dev/ttyUSB0', {}, { ...quick, opener });
    expect(detection.baudRate).toBe(consoleBaud);
    expect(detection.score).toBe(1);
    const position = defaultBaudCandidates.indexOf(consoleBaud);
    expect(detection.trials.map((trial) => trial.baudRate)).toEqual(defaultBaudCandidates.slice(0, position + 1));
    for (const trial of detection.trials.slice(0, -1)) expect(trial.score).toBeLessThan(0.5);
    // One port, opened once and switched in place, closed at the end; one CR per speed.
    expect(devices).toHaveLength(1);
    expect(devices[0]?.speeds).toEqual(defaultBaudCandidates.slice(0, position + 1));
    expect(devices[0]?.writtenText()).toBe('\r'.repeat(position + 1));
    expect(devices[0]?.isOpen).toBe(false);
  });

  it('stops at the first speed on a line where every speed reads cleanly (a pseudo-terminal)', async () => {
    const { opener } = fakeSerialOpener({ answer: () => bytes('\r\nr1# ') });
    const detection = await detectBaudRate('/tmp/console', {}, { ...quick, opener });
    expect([detection.baudRate, detection.trials.length]).toEqual([9600, 1]);
  });

  it('tries every speed when no answer has a prompt, and picks the most readable', async () => {
    const { opener } = fakeSerialOpener(consoleAt(57_600, '\r\n%LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to up\r\n'));
    const detection = await detectBaudRate('/dev/ttyUSB0', {}, { ...quick, opener });
    expect(detection.baudRate).toBe(57_600);
    expect(detection.trials.map((trial) => trial.baudRate)).toEqual([...defaultBaudCandidates]);
  });

  it('uses the candidates and line settings it is given', async () => {
    const { opener, devices } = fakeSerialOpener(consoleAt(19_200));
    const detection = await detectBaudRate('/dev/ttyUSB0', { parity: 'even', dataBits: 7 }, { ...quick, opener, candidates: [19_200, 9600] });
    expect(detection.baudRate).toBe(19_200);
    expect(devices[0]?.settings).toMatchObject({ parity: 'even', dataBits: 7, baudRate: 19_200 });
  });

  it('says plainly when no speed gives readable text, and still releases the port', async () => {
    const { opener, devices } = fakeSerialOpener({});
    const error = await failure(detectBaudRate('/dev/ttyUSB0', {}, { timeoutPerRateMs: 100, portPresent, opener, candidates: [9600, 115_200] }));
    expect(error.code).toBe('PromptNotFound');
    expect(error.message).toMatch(/^serial \/dev\/ttyUSB0: no readable answer at any speed \(tried 9600, 115200\): is the cable in the console port/);
    expect(error.details).toEqual({ trials: [{ baudRate: 9600, score: 0, bytes: 0 }, { baudRate: 115_200, score: 0, bytes: 0 }] });
    expect(devices[0]?.isOpen).toBe(false);
  });

  it('passes on why the port would not open', async () => {
    const { opener } = fakeSerialOpener({ openError: new Error('Error Resource temporarily unavailable Cannot lock port') });
    expect((await failure(detectBaudRate('/dev/ttyUSB0', {}, { ...quick, opener }))).code).toBe('PortBusy');
  });

  it('stops when cancelled and releases the port', async () => {
    const { opener, devices } = fakeSerialOpener({});
    const controller = new AbortController();
    const detecting = failure(detectBaudRate('/dev/ttyUSB0', {}, { timeoutPerRateMs: 60_000, portPresent, opener, signal: controller.signal }));
    setImmediate(() => controller.abort());
    expect((await detecting).code).toBe('Cancelled');
    expect(devices[0]?.isOpen).toBe(false);
  });

  it('reports a cable pulled during detection as ConnectionClosed', async () => {
    const { opener, devices } = fakeSerialOpener({});
    const detecting = failure(detectBaudRate('/dev/ttyUSB0', {}, { timeoutPerRateMs: 60_000, portPresent, opener }));
    setImmediate(() => devices[0]?.unplug());
    expect((await detecting).code).toBe('ConnectionClosed');
  });

  it('refuses an empty candidate list', async () => {
    expect((await failure(detectBaudRate('/dev/ttyUSB0', {}, { candidates: [] }))).code).toBe('InvalidRequest');
  });
});
