import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { SerialPort } from 'serialport';
import { describe, expect, inject, it } from 'vitest';
import { startConsole } from '../peers/console';
import { attachFrr, startFrr } from '../peers/frr';
import { connectTelnetProbe } from '../support/telnetProbe';

const frr = inject('frr');
const secrets = [frr.vtyPassword, frr.enablePassword, frr.loginPassword];

/** Leak checks compare booleans so a failing assertion never prints the secret itself. */
function containsSecret(text: string): boolean {
  return secrets.some((secret) => text.includes(secret));
}

function firstBytes(port: number, until: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (until.test(received)) {
        socket.destroy();
        resolve(received);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`closed after ${JSON.stringify(received)}`)));
  });
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

interface PortProbe {
  text(): string;
  waitFor(pattern: RegExp, from?: number): Promise<void>;
  write(data: string): void;
  close(): Promise<void>;
}

async function openConsolePort(path: string): Promise<PortProbe> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  let received = '';
  const listeners = new Set<() => void>();
  port.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
    for (const listener of listeners) listener();
  });
  return {
    text: () => received,
    write: (data) => port.write(data),
    close: () => new Promise<void>((resolve) => port.close(() => resolve())),
    waitFor: (pattern, from = 0) =>
      new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (!pattern.test(received.slice(from))) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${String(pattern)} on the console; last: ${JSON.stringify(received.slice(-200))}`));
        }, 30_000);
        listeners.add(check);
        check();
      }),
  };
}

describe('FRR peer harness', () => {
  it('serves the zebra VTY on 127.0.0.1 with the FRR banner and a password prompt', async () => {
    const greeting = await firstBytes(frr.zebraPort, /Password: $/);
    expect(greeting).toContain('Hello, this is FRRouting');
    expect(greeting).toContain(`(version ${frr.version})`);
    expect(greeting).toMatch(/Password: $/);
  });

  it('accepts the per-run VTY and enable passwords on the bgpd VTY', async () => {
    const probe = await connectTelnetProbe(frr.bgpdPort);
    try {
      await probe.waitFor(/Password: $/);
      probe.send(`${frr.vtyPassword}\n`);
      await probe.waitFor(new RegExp(`\\n${frr.hostname}> $`));
      const mark = probe.text().length;
      probe.send('enable\n');
      await probe.waitFor(/Password: $/, { from: mark });
      probe.send(`${frr.enablePassword}\n`);
      await probe.waitFor(new RegExp(`\\n${frr.hostname}# $`), { from: mark });
      expect(containsSecret(probe.text())).toBe(false);
    } finally {
      probe.close();
    }
  });

  it('runs vtysh inside the namespace with the configured hostname', async () => {
    const shell = attachFrr({ stateDir: frr.stateDir, secrets });
    const version = await shell.vtysh('show version');
    expect(version).toContain(`FRRouting ${frr.version} (${frr.hostname})`);
    const interfaces = await shell.vtysh(['show interface brief']);
    for (const name of ['eth1', 'eth2', 'eth3', 'eth4', 'lo']) expect(interfaces).toMatch(new RegExp(`^${name}\\s+up`, 'm'));
  });

  it('rejects a failing vtysh command with its FRR error', async () => {
    const shell = attachFrr({ stateDir: frr.stateDir, secrets });
    await expect(shell.vtysh(['configure terminal', 'no-such-command here'])).rejects.toThrow(
      /% Unknown command: no-such-command here/,
    );
  });

  it('logs in through telnetd with Username/Password, refusing a wrong password, then runs vtysh', async () => {
    const probe = await connectTelnetProbe(frr.telnetdPort);
    try {
      await probe.waitFor(/Username: $/);
      probe.send(`${frr.loginUser}\r\n`);
      await probe.waitFor(/Password: $/);
      probe.send('wrong-password\r\n');
      await probe.waitFor(/% Login invalid[\s\S]*Username: $/);
      const mark = probe.text().length;
      probe.send(`${frr.loginUser}\r\n`);
      await probe.waitFor(/Password: $/, { from: mark });
      probe.send(`${frr.loginPassword}\r\n`);
      await probe.waitFor(new RegExp(`\\n${frr.hostname}# $`), { from: mark });
      expect(containsSecret(probe.text())).toBe(false);
      expect(probe.commands()).toContainEqual([251, 1]); // IAC WILL ECHO: the server echoes, so passwords stay hidden.
      probe.send('exit\r\n');
    } finally {
      probe.close();
    }
  });

  it('starts a second peer on other ports and stops everything it started', async () => {
    const peer = await startFrr({ hostname: 'r2', vtyPassword: 'cnry-second-vty', enablePassword: 'cnry-second-enable', daemons: ['bgpd'] });
    let stopped = false;
    try {
      expect(peer.ports.staticd).toBeUndefined();
      expect(peer.ports.ospfd).toBeUndefined();
      expect(peer.telnetdPort).toBeUndefined();
      if (peer.ports.bgpd === undefined) throw new Error('bgpd port missing');
      const ports = [peer.ports.zebra, peer.ports.bgpd];
      expect(ports).not.toContain(frr.zebraPort);
      expect(ports).not.toContain(frr.bgpdPort);
      expect(await peer.vtysh('show version')).toContain('(r2)');
      expect(await firstBytes(peer.ports.zebra, /Password: $/)).toContain('Hello, this is FRRouting');

      await peer.stop();
      stopped = true;
      for (const port of ports) expect(await connectionRefused(port)).toBe(true);
      expect(existsSync(`/proc/${peer.namespacePid}`)).toBe(false);
      expect(existsSync(peer.stateDir)).toBe(false);
      await expect(peer.stop()).resolves.toBeUndefined();
      // The run-wide peer is untouched.
      expect(await firstBytes(frr.zebraPort, /Password: $/)).toContain('Hello, this is FRRouting');
    } finally {
      if (!stopped) await peer.stop();
    }
  });

  it('serves a pseudo serial console that takes bulk input, keeps its session across reopening and idles after exit', async () => {
    const peerConsole = await startConsole(frr);
    try {
      const first = await openConsolePort(peerConsole.path);
      first.write('\r');
      await first.waitFor(new RegExp(`${frr.hostname}# $`));
      // About 34 KB unread in one go: a blocking relay deadlocks here (see test/peers/ptyrelay.py).
      const filler = Array.from({ length: 700 }, (_, index) => `! filler ${index} ${'x'.repeat(30)}\r`).join('');
      first.write(`${filler}configure terminal\r`);
      await first.waitFor(new RegExp(`${frr.hostname}\\(config\\)# $`));
      await first.close();

      const second = await openConsolePort(peerConsole.path);
      second.write('\r');
      await second.waitFor(new RegExp(`${frr.hostname}\\(config\\)# $`));
      second.write('end\rexit\r');
      await second.waitFor(new RegExp(`${frr.hostname} con0 is now available[\\s\\S]*Press RETURN to get started`));
      const mark = second.text().length;
      second.write('\r');
      await second.waitFor(new RegExp(`Hello, this is FRRouting[\\s\\S]*${frr.hostname}# $`), mark);
      await second.close();
    } finally {
      await peerConsole.stop();
    }
    expect(existsSync(peerConsole.path)).toBe(false);
  });

  it('paces a 9600-baud console at no more than 960 bytes per second', async () => {
    const peerConsole = await startConsole(frr, { paceBytesPerSecond: 960 });
    const port = await openConsolePort(peerConsole.path);
    try {
      const started = Date.now();
      port.write('show version\r');
      await port.waitFor(new RegExp(`configured with:[\\s\\S]*${frr.hostname}# $`));
      const seconds = (Date.now() - started) / 1000;
      // A lower bound only: pacing can make output slower, never faster, whatever the machine load.
      expect(port.text().length).toBeGreaterThan(1000);
      expect(seconds).toBeGreaterThanOrEqual((port.text().length - 100) / 960);
    } finally {
      await port.close();
      await peerConsole.stop();
    }
  });
});
