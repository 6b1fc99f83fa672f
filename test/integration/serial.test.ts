import { existsSync, rmSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { FieldKitError } from '../../shared/contract';
import { createSerialTransport, detectBaudRate, type SerialTransport } from '../../host/transports/serial';
import { startConsole, type PeerConsole } from '../peers/console';
import { attachFrr } from '../peers/frr';

// The serial transport on the harness's pseudo serial console: a pty whose far end runs FRR's
// vtysh, optionally paced like 9600 baud (see test/peers/ptyrelay.py).
const frr = inject('frr');
const prompt = new RegExp(`${frr.hostname}# $`);
const waitLimitMs = 30_000;

interface ConsoleLine {
  transport: SerialTransport;
  text(): string;
  /** Resolves once the text received after `from` matches. */
  waitFor(pattern: RegExp, from?: number): Promise<string>;
  send(text: string): Promise<void>;
  /** Resolves with onClose's argument. */
  closed: Promise<FieldKitError | undefined>;
}

async function openLine(path: string): Promise<ConsoleLine> {
  const transport = createSerialTransport({ path, baudRate: 9600 });
  let received = '';
  const watchers = new Set<() => void>();
  transport.onData((chunk) => {
    received += Buffer.from(chunk).toString('latin1');
    for (const watcher of [...watchers]) watcher();
  });
  const closed = new Promise<FieldKitError | undefined>((resolve) => transport.onClose(resolve));
  await transport.open();
  return {
    transport,
    closed,
    text: () => received,
    send: (text) => transport.write(Buffer.from(text, 'latin1')),
    waitFor: (pattern, from = 0) =>
      new Promise<string>((resolve, reject) => {
        const check = (): void => {
          const tail = received.slice(from);
          if (!pattern.test(tail)) return;
          watchers.delete(check);
          clearTimeout(timer);
          resolve(tail);
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`no ${String(pattern)} on ${transport.description}; last: ${JSON.stringify(received.slice(-200))}`));
        }, waitLimitMs);
        watchers.add(check);
        check();
      }),
  };
}

async function withConsole(paceBytesPerSecond: number | undefined, body: (peerConsole: PeerConsole) => Promise<void>): Promise<void> {
  const peerConsole = await startConsole(frr, paceBytesPerSecond === undefined ? {} : { paceBytesPerSecond });
  try {
    await body(peerConsole);
  } finally {
    await peerConsole.stop();
  }
}

async function failure(promise: Promise<unknown>): Promise<FieldKitError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof FieldKitError)) throw new Error(`expected a FieldKitError, got ${String(error)}`);
  return error;
}

/** CLI output compared line by line: the console sends CR LF, vtysh -c LF. */
const lines = (text: string): string[] => text.split(/\r?\n/).map((line) => line.trimEnd());

describe('serial transport on a pseudo serial console running FRR', () => {
  it('wakes the console with a CR, sees the prompt, and runs show version raw', async () => {
    await withConsole(undefined, async (peerConsole) => {
      const line = await openLine(peerConsole.path);
      try {
        expect(line.transport.description).toBe(`serial ${peerConsole.path} 9600 8N1`);
        await line.send('\r');
        await line.waitFor(prompt);
        const mark = line.text().length;
        await line.send('show version\r');
        const answer = await line.waitFor(new RegExp(`configured with:[\\s\\S]*${frr.hostname}# $`), mark);
        expect(answer).toContain(`FRRouting ${frr.version} (${frr.hostname})`);
      } finally {
        await line.transport.close();
      }
      expect(await line.closed).toBeUndefined();
    });
  });

  it('holds the port exclusively, and frees it on close so it reopens at once into the same session', async () => {
    await withConsole(undefined, async (peerConsole) => {
      const first = await openLine(peerConsole.path);
      await first.send('configure terminal\r');
      await first.waitFor(new RegExp(`${frr.hostname}\\(config\\)# $`));

      const intruder = createSerialTransport({ path: peerConsole.path, baudRate: 9600 });
      const busy = await failure(intruder.open());
      expect(busy.code).toBe('PortBusy');
      expect(busy.message).toContain('the port is in use by another program');

      await first.transport.close();
      const second = await openLine(peerConsole.path);
      try {
        await second.send('\r');
        await second.waitFor(new RegExp(`${frr.hostname}\\(config\\)# $`));
        await second.send('end\r');
        await second.waitFor(prompt);
      } finally {
        await second.transport.close();
      }
    });
  });

  it('reports the console going away mid-command as ConnectionClosed and ends the session', async ({ annotate }) => {
    // Paced, so `show version` is still printing when the far end dies.
    await withConsole(960, async (peerConsole) => {
      const line = await openLine(peerConsole.path);
      await line.send('show version\r');
      await line.waitFor(/FRRouting/);
      const stopped = Date.now();
      await peerConsole.stop();
      // A generous guard only; the time it took is recorded, not judged (shared, noisy machine).
      const guard = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no onClose within 20 s of the console going away')), 20_000));
      const error = await Promise.race([line.closed, guard]);
      await annotate(`onClose ${Date.now() - stopped} ms after the console's far end was stopped (${JSON.stringify(error?.details)})`);
      expect(error?.code).toBe('ConnectionClosed');
      expect(error?.message).toBe(`serial ${peerConsole.path} 9600 8N1: connection lost (the console cable was pulled or the device went away)`);
      expect(line.transport.isOpen).toBe(false);
      const write = await failure(line.send('\r'));
      expect(write.code).toBe('ConnectionClosed');
    });
  });

  it('ends the session when the port path vanishes, as a USB adapter does when unplugged', async () => {
    await withConsole(undefined, async (peerConsole) => {
      const line = await openLine(peerConsole.path);
      // Removing the link leaves the pty working: only the presence watchdog can notice.
      rmSync(peerConsole.path);
      const error = await line.closed;
      expect(error?.code).toBe('ConnectionClosed');
      expect(error?.details).toEqual({ cause: `${peerConsole.path} disappeared` });
      // The port was released before onClose: the same pty opens again at once (no PortBusy).
      const again = await openLine(peerConsole.device);
      try {
        await again.send('\r');
        await again.waitFor(prompt);
      } finally {
        await again.transport.close();
      }
    });
  });

  it('says clearly that a port does not exist', async () => {
    const path = '/dev/ttyFIELDKIT-no-such-port';
    expect(existsSync(path)).toBe(false);
    const transport = createSerialTransport({ path, baudRate: 9600 });
    const error = await failure(transport.open());
    expect(error.code).toBe('PortNotFound');
    expect(error.message).toMatch(new RegExp(`^serial ${path} 9600 8N1: no such port: ${path} — is the cable plugged in\\?`));
    expect(transport.isOpen).toBe(false);
  });

  it('refuses a path that is not a serial port', async () => {
    const error = await failure(createSerialTransport({ path: '/dev/null', baudRate: 9600 }).open());
    expect([error.code, error.message]).toEqual(['InvalidRequest', 'serial /dev/null 9600 8N1: /dev/null is not a serial port']);
  });

  it('delivers show version intact through a console paced like 9600 baud', async () => {
    const expected = await attachFrr({ stateDir: frr.stateDir, secrets: [frr.vtyPassword, frr.enablePassword, frr.loginPassword] }).vtysh('show version');
    await withConsole(960, async (peerConsole) => {
      const line = await openLine(peerConsole.path);
      try {
        await line.send('\r');
        await line.waitFor(prompt);
        const mark = line.text().length;
        await line.send('show version\r');
        const answer = await line.waitFor(new RegExp(`configured with:[\\s\\S]*${frr.hostname}# $`), mark);
        const body = lines(answer).slice(1, -1); // without the echoed command and the prompt
        expect(body).toEqual(lines(expected.trimEnd()));
      } finally {
        await line.transport.close();
      }
    });
  });

  it('detects a speed on the console, then a session at that speed works, also after update()', async () => {
    await withConsole(undefined, async (peerConsole) => {
      // On a pty every speed reads the same, so this proves the plumbing, not the choice.
      const detection = await detectBaudRate(peerConsole.path, {}, { timeoutPerRateMs: 3000 });
      expect(detection.baudRate).toBe(9600);
      expect(detection.score).toBeGreaterThanOrEqual(0.9);
      const transport = createSerialTransport({ path: peerConsole.path, baudRate: detection.baudRate });
      let received = '';
      const answered = new Promise<void>((resolve) =>
        transport.onData((chunk) => {
          received += Buffer.from(chunk).toString('latin1');
          if (prompt.test(received)) resolve();
        }),
      );
      await transport.open();
      try {
        await transport.update({ baudRate: 115_200 });
        expect(transport.description).toBe(`serial ${peerConsole.path} 115200 8N1`);
        await transport.write(Buffer.from('\r'));
        await answered;
      } finally {
        await transport.close();
      }
    });
  });
});
