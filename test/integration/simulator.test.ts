import { randomBytes } from 'node:crypto';
import { constants, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadStream, WriteStream } from 'node:tty';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldKitError, type DialectId } from '../../shared/contract';
import { getCompiledDialect } from '../../shared/dialects';
import { toDisposable, type Disposable } from '../../shared/lifecycle';
import { createSecretMasker } from '../../shared/secrets';
import { Channel } from '../../host/channel';
import { DeviceSession, type LoginCredentials } from '../../host/session';
import { startSimulator, startSimulatorPty } from '../../host/simulator';
import { createTelnetTransport } from '../../host/transports/telnet';
import type { Transport } from '../../host/transports/transport';

/** A recognisable random value, so a leak into any output can be searched for. */
const canary = (): string => `cnry-${randomBytes(6).toString('hex')}`;

interface DialectCase {
  dialect: DialectId;
  /** What the version fixture parses to (test/fixtures/version/*.expected.json). */
  vendor: string;
  model: string;
  version: string;
  error: string;
  /** Turns paging back on at the simulator's page length (10 lines here). */
  pagingOn: string;
  /** The pager prompt the device shows then. */
  pager: string;
}

const cases: DialectCase[] = [
  { dialect: 'ios', vendor: 'Cisco', model: 'IOSv', version: '15.8(3)M2', error: "% Invalid input detected at '^' marker.", pagingOn: 'terminal length 10', pager: ' --More-- ' },
  { dialect: 'maipu', vendor: 'Maipu', model: 'MP3840', version: '6.3.17(integrity)', error: "% Unrecognized command, and error detected at '^' marker.", pagingOn: 'more on', pager: '....press ENTER to next line' },
  { dialect: 'ruijie', vendor: 'Ruijie', model: 'S8607E', version: 'S8600E_RGOS 11.0(4)B8', error: "% Invalid input detected at '^' marker.", pagingOn: 'terminal length 10', pager: ' --More-- ' },
  { dialect: 'vrp', vendor: 'Huawei', model: 'AR6280', version: '5.170 (AR6280 V300R019C10SPC300)', error: "Error: Unrecognized command found at '^' position.", pagingOn: 'screen-length 10 temporary', pager: '---- More ----' },
  { dialect: 'comware', vendor: 'H3C', model: 'S7510E', version: '5.20, Feature 6709L25', error: "% Unrecognized command found at '^' position.", pagingOn: 'undo screen-length disable', pager: '---- More ----' },
  { dialect: 'junos', vendor: 'Juniper', model: 'mx240', version: '13.3R1.4', error: 'unknown command.', pagingOn: 'set cli screen-length 10', pager: '---(more)---' },
];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A pseudo-terminal opened as a console port would be, with node:tty streams (no serialport):
 * one descriptor to read, one to write. Only what these tests need of a Transport.
 */
function ptyTransport(path: string): Transport {
  let reader: ReadStream | undefined;
  let writer: WriteStream | undefined;
  let open = false;
  const dataListeners = new Set<(chunk: Uint8Array) => void>();
  const closeListeners = new Set<(error: FieldKitError | undefined) => void>();
  const subscribe = <T>(set: Set<T>, listener: T): Disposable => {
    set.add(listener);
    return toDisposable(() => set.delete(listener));
  };
  return {
    kind: 'serial',
    description: `pty ${path}`,
    get isOpen() {
      return open;
    },
    open: async () => {
      const flags = constants.O_RDWR | constants.O_NOCTTY;
      const readFd = openSync(path, flags);
      const writeFd = openSync(path, flags);
      reader = new ReadStream(readFd);
      reader.setRawMode(true);
      reader.on('data', (chunk: Buffer) => dataListeners.forEach((listener) => listener(chunk)));
      reader.on('error', () => undefined);
      writer = new WriteStream(writeFd);
      writer.on('error', () => undefined);
      open = true;
    },
    write: (data) =>
      new Promise<void>((resolve, reject) => {
        if (!writer || !open) return reject(new FieldKitError('ConnectionClosed', 'pty not open'));
        writer.write(data, (error) => (error ? reject(error) : resolve()));
      }),
    onData: (listener) => subscribe(dataListeners, listener),
    onClose: (listener) => subscribe(closeListeners, listener),
    close: async () => {
      if (!open) return;
      open = false;
      reader?.destroy();
      writer?.destroy();
      closeListeners.forEach((listener) => listener(undefined));
    },
  };
}

interface Connected {
  session: DeviceSession;
  /** Everything the device sent, as the live terminal would show it. */
  received(): string;
}

async function connect(transport: Transport, dialect: DialectId, credentials: LoginCredentials): Promise<Connected> {
  const compiled = getCompiledDialect(dialect);
  const masker = createSecretMasker();
  const channel = new Channel(transport, { lineEnding: compiled.definition.lineEnding ?? '\n', charset: 'utf-8', pagers: compiled.pagers, masker });
  let received = '';
  const tap = channel.onText((text) => {
    received += text;
  });
  cleanups.push(async () => {
    tap.dispose();
    channel.dispose();
    await transport.close();
  });
  await transport.open();
  const session = await DeviceSession.login(channel, compiled, credentials, { loginTimeoutMs: 15_000, commandTimeoutMs: 10_000 });
  return { session, received: () => received };
}

/** Facts, a rejected command, and a paged output answered by the channel, on a logged-in session. */
async function exercise(sample: DialectCase, { session, received }: Connected): Promise<void> {
  const facts = await session.facts();
  expect(facts).toMatchObject({ dialect: sample.dialect, vendor: sample.vendor, model: sample.model, version: sample.version, hostname: 'SIM1' });

  const rejected = await session.run('bogus command here');
  expect(rejected.failed).toBe(true);
  expect(rejected.failureMessage).toBe(sample.error);

  const version = getCompiledDialect(sample.dialect).definition.commands.version;
  const unpaged = await session.run(version);
  expect(unpaged.output.split('\n').length).toBeGreaterThan(10);
  expect(received()).not.toContain(sample.pager);
  await session.run(sample.pagingOn);
  const paged = await session.run(version);
  // The device showed its pager, the channel answered it and removed it from the output.
  expect(received()).toContain(sample.pager);
  expect(paged.failed).toBe(false);
  expect(paged.output).toBe(unpaged.output);
}

describe.each(cases)('simulated $dialect with the real client stack', (sample) => {
  it('over Telnet: login with username, password and enable secret, facts, errors, paging', async () => {
    const credentials = { username: 'tech', password: canary(), enableSecret: canary() };
    const simulator = await startSimulator({ dialect: sample.dialect, hostname: 'SIM1', pageLength: 10, ...credentials });
    cleanups.push(() => simulator.stop());
    const transport = createTelnetTransport({ host: '127.0.0.1', port: simulator.port, connectTimeoutMs: 5000 });
    const connected = await connect(transport, sample.dialect, credentials);
    await exercise(sample, connected);
    // The simulator never echoes secrets; the channel would have masked them anyway.
    expect([credentials.password, credentials.enableSecret].some((secret) => connected.received().includes(secret))).toBe(false);
  });

  it('over a pseudo-terminal console (socat): facts, errors, paging', async () => {
    const path = join(tmpdir(), `fieldkit-sim-${process.pid}-${sample.dialect}-${randomBytes(3).toString('hex')}`);
    const simulator = await startSimulatorPty({ dialect: sample.dialect, path, hostname: 'SIM1', pageLength: 10 });
    cleanups.push(() => simulator.stop());
    await exercise(sample, await connect(ptyTransport(path), sample.dialect, {}));
  });
});

describe('simulated device state', () => {
  it('keeps what one Telnet session configured for the next session', async () => {
    const simulator = await startSimulator({ dialect: 'vrp', hostname: 'SIM1' });
    cleanups.push(() => simulator.stop());
    const first = await connect(createTelnetTransport({ host: '127.0.0.1', port: simulator.port, connectTimeoutMs: 5000 }), 'vrp', {});
    await first.session.enterMode('config');
    expect((await first.session.run('ntp-service unicast-server 192.0.2.10')).failed).toBe(false);
    await first.session.leaveConfig();
    const second = await connect(createTelnetTransport({ host: '127.0.0.1', port: simulator.port, connectTimeoutMs: 5000 }), 'vrp', {});
    const running = await second.session.run('display current-configuration');
    expect(running.output).toContain(' ntp-service unicast-server 192.0.2.10');
  });

  it('refuses a wrong password with AuthFailed', async () => {
    const simulator = await startSimulator({ dialect: 'comware', username: 'tech', password: canary() });
    cleanups.push(() => simulator.stop());
    const transport = createTelnetTransport({ host: '127.0.0.1', port: simulator.port, connectTimeoutMs: 5000 });
    await expect(connect(transport, 'comware', { username: 'tech', password: 'not-the-password' })).rejects.toMatchObject({ code: 'AuthFailed' });
  });
});
