import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, lstatSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { FieldKitError } from '../../shared/contract';
import { startSimulator, type SimulatorOptions } from './telnetServer';
import type { SimulatedDevice } from './types';

export interface PtySimulatorOptions extends Omit<SimulatorOptions, 'host' | 'port' | 'protocol' | 'allowNonLoopback'> {
  /** Where the pseudo-terminal's symlink goes; open it like a serial port. */
  path: string;
  /** How long to wait for socat to create the link. Default 10 s. */
  startTimeoutMs?: number;
}

export interface RunningPtySimulator {
  path: string;
  device: SimulatedDevice;
  /** Ends socat and the listener, removes the link. Idempotent. */
  stop(): Promise<void>;
}

const DEFAULT_START_TIMEOUT_MS = 10_000;
const LINK_POLL_MS = 20;
/** Pause before socat is started again after it ended (a client closed the port). */
const RESTART_DELAY_MS = 100;

/** The socat program on PATH, or a clear error: Node has no pty API, socat provides the pty. */
export function findSocat(pathVariable = process.env['PATH'] ?? ''): string {
  for (const directory of pathVariable.split(delimiter)) {
    if (directory === '') continue;
    const candidate = join(directory, 'socat');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  throw new FieldKitError('InvalidRequest', 'The pseudo-terminal simulator needs socat, which is not installed (Debian/Ubuntu: apt-get install socat; macOS: brew install socat).');
}

function linkExists(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * A simulated device on a console port: a raw, console-mode listener on 127.0.0.1 joined to a
 * pseudo-terminal by `socat PTY,link=PATH,raw,echo=0 TCP:127.0.0.1:PORT`. The console shows its
 * wake-up banner (`Press RETURN to get started.`). When a client closes the port socat ends; it is
 * started again on a fresh console line, so the port can be opened again, like a real console.
 */
export async function startSimulatorPty(options: PtySimulatorOptions): Promise<RunningPtySimulator> {
  const socat = findSocat();
  if (linkExists(options.path)) throw new FieldKitError('PortBusy', `${options.path} already exists; stop the simulator using it or choose another path.`);
  const { path, startTimeoutMs, ...simulatorOptions } = options;
  const simulator = await startSimulator({ ...simulatorOptions, host: '127.0.0.1', port: 0, protocol: 'raw' });
  let stopping = false;
  let child: ChildProcess | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  const launch = (): void => {
    const started = spawn(socat, [`PTY,link=${path},raw,echo=0`, `TCP:127.0.0.1:${simulator.port}`], { stdio: 'ignore' });
    child = started;
    started.once('exit', () => {
      if (child === started) child = undefined;
      if (!stopping) restartTimer = setTimeout(launch, RESTART_DELAY_MS);
    });
    started.once('error', () => undefined);
  };
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      stopping = true;
      clearTimeout(restartTimer);
      const running = child;
      if (running && running.exitCode === null && running.signalCode === null) {
        const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
        running.kill('SIGTERM');
        await exited;
      }
      rmSync(path, { force: true });
      await simulator.stop();
    })();
    return stopped;
  };
  launch();
  const deadline = Date.now() + (startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  while (!linkExists(path)) {
    if (Date.now() > deadline) {
      await stop();
      throw new FieldKitError('Timeout', `socat did not create ${path} within ${startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS} ms.`);
    }
    await new Promise((resolve) => setTimeout(resolve, LINK_POLL_MS));
  }
  return { path, device: simulator.device, stop };
}
