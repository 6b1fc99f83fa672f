import { existsSync, lstatSync, readlinkSync, rmSync } from 'node:fs';
import { frrLayout, relayScript } from './frrFiles';
import { waitUntil } from './localPorts';
import { adoptIntoPeer } from './frr';
import { isAlive, killTrees, killTreesNow, spawnDetached } from './processTree';
import { programs } from './requirements';

export interface ConsoleOptions {
  /** Pace each direction like a UART: 960 for 9600 baud 8N1. Default: unpaced. */
  paceBytesPerSecond?: number;
  /** Where the port's symlink goes; default `<stateDir>/console-<n>`. */
  path?: string;
}

export interface PeerConsole {
  /** Symlink to the pseudo-terminal; open it like a serial port (serialport's list() does not show it). */
  path: string;
  /** The pseudo-terminal device itself (/dev/pts/N). */
  device: string;
  /** Ends the relay and its CLI session, removes the symlink. Idempotent. */
  stop(): Promise<void>;
}

const startTimeoutMilliseconds = 10_000;
let consoleCount = 0;
const liveConsoles = new Set<() => void>();
process.on('exit', () => {
  for (const killNow of liveConsoles) killNow();
});

/**
 * A pseudo serial console on the peer: a pty whose far end runs vtysh in a console loop
 * (after `exit` it prints "<hostname> con0 is now available ... Press RETURN to get started").
 * The relay drains the CLI's output, so bulk input cannot deadlock, and it survives clients
 * closing and reopening the port. It also ends by itself when this process is gone.
 * Accepts a FrrPeer or the provided FrrContext (both have stateDir).
 */
export async function startConsole(peer: { stateDir: string }, options: ConsoleOptions = {}): Promise<PeerConsole> {
  const layout = frrLayout(peer.stateDir);
  if (!existsSync(layout.consoleWrapper)) throw new Error(`no FRR peer in ${peer.stateDir}`);
  consoleCount += 1;
  const path = options.path ?? `${layout.stateDir}/console-${process.pid}-${consoleCount}`;
  const rate = options.paceBytesPerSecond ?? 0;
  if (!(rate >= 0)) throw new Error(`invalid paceBytesPerSecond: ${rate}`);
  const relay = spawnDetached(
    'console',
    programs.python3,
    [relayScript, '--link', path, '--rate', String(rate), '--owner-pid', String(process.pid), '--', layout.consoleWrapper],
    layout.harnessLog,
  );
  const killNow = (): void => killTreesNow([relay]);
  liveConsoles.add(killNow);
  adoptIntoPeer(peer, relay); // a live FrrPeer's stop() then ends the console too
  const linked = (): boolean => {
    try {
      return lstatSync(path).isSymbolicLink();
    } catch {
      return false;
    }
  };
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      liveConsoles.delete(killNow);
      await killTrees([relay]);
      if (linked()) rmSync(path, { force: true });
    })();
    return stopping;
  };
  try {
    await waitUntil(() => !isAlive(relay) || linked(), startTimeoutMilliseconds, `console relay made no ${path}`);
    if (!isAlive(relay)) throw new Error(`console relay exited; see ${layout.harnessLog}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { path, device: readlinkSync(path), stop };
}
