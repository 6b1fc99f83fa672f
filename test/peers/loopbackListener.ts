import { freeLoopbackPort, ownsLoopbackListener, waitForGreeting, waitUntil } from './localPorts';
import { isAlive, killTrees, spawnDetached, type TrackedProcess } from './processTree';
import { programs } from './requirements';

export interface LoopbackListenerRequest {
  name: string;
  /** socat's second address: where each accepted connection goes. */
  target: string;
  /** What the first bytes through the whole chain must look like (proves the far end is up). */
  accept: (received: Buffer) => boolean;
  logFile: string;
  timeoutMilliseconds: number;
  /** Extra context for a timeout message (for example a daemon log tail). */
  describeFailure: () => string;
}

export interface LoopbackListener {
  port: number;
  process: TrackedProcess;
}

const attempts = 5;

/**
 * Starts `socat TCP4-LISTEN` on a free random port of 127.0.0.1 only, forking per connection
 * to `target`. Another process may take the chosen port between the probe and socat's bind,
 * so a listener that dies or never owns the port is replaced with one on a new port.
 */
export async function startLoopbackListener(request: LoopbackListenerRequest): Promise<LoopbackListener> {
  let lastProblem = '';
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const port = await freeLoopbackPort();
    const listener = spawnDetached(
      request.name,
      programs.socat,
      [`TCP4-LISTEN:${port},bind=127.0.0.1,reuseaddr,fork`, request.target],
      request.logFile,
    );
    try {
      await waitUntil(
        () => !isAlive(listener) || ownsLoopbackListener(listener.pid, port),
        request.timeoutMilliseconds,
        `${request.name} did not listen on 127.0.0.1:${port}`,
      );
      if (!isAlive(listener)) {
        lastProblem = `${request.name} exited (127.0.0.1:${port} taken?)`;
        continue;
      }
      await waitForGreeting({
        port,
        accept: request.accept,
        timeoutMilliseconds: request.timeoutMilliseconds,
        giveUp: () => (isAlive(listener) ? undefined : `${request.name} exited while waiting for its first greeting`),
      });
      return { port, process: listener };
    } catch (error) {
      await killTrees([listener]);
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\n${request.describeFailure()}`, { cause: error });
    }
  }
  throw new Error(`${request.name}: no free port after ${attempts} attempts; last problem: ${lastProblem}`);
}
