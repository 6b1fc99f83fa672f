import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';

/**
 * A TCP port on 127.0.0.1 that was free a moment ago. Whoever binds it next may still lose a
 * race against another process, so callers retry with a new port when their listener fails.
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port assigned'));
      });
    });
  });
}

/**
 * One connection attempt to 127.0.0.1:port: resolves true once the bytes received satisfy
 * `accept`, false when the connection is refused, closed early or stays silent for
 * attemptMilliseconds. The connection is always closed.
 */
function greetingOnce(port: number, accept: (received: Buffer) => boolean, attemptMilliseconds: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let received = Buffer.alloc(0);
    const finish = (result: boolean): void => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish(false), attemptMilliseconds);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (accept(received)) finish(true);
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
  });
}

export interface GreetingWait {
  port: number;
  accept: (received: Buffer) => boolean;
  timeoutMilliseconds: number;
  /** Checked between attempts: a reason string aborts the wait (for example "the listener exited"). */
  giveUp?: () => string | undefined;
}

/** Polls until a connection to the port greets as expected; rejects with the last reason on timeout. */
export async function waitForGreeting(wait: GreetingWait): Promise<void> {
  const deadline = Date.now() + wait.timeoutMilliseconds;
  for (;;) {
    const reason = wait.giveUp?.();
    if (reason !== undefined) throw new Error(reason);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Error(`no greeting on 127.0.0.1:${wait.port} within ${wait.timeoutMilliseconds} ms`);
    if (await greetingOnce(wait.port, wait.accept, Math.min(remaining, 2000))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls a condition every 50 ms; rejects with message after timeoutMilliseconds. */
export async function waitUntil(condition: () => boolean, timeoutMilliseconds: number, message: string): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Socket inodes of the TCP sockets listening on 127.0.0.1:port in this network namespace. */
function loopbackListenerInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const localAddress = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    // local_address is field 1, st is field 3 (0A = LISTEN), inode is field 9.
    if (fields[1] === localAddress && fields[3] === '0A' && fields[9] !== undefined) inodes.add(fields[9]);
  }
  return inodes;
}

/**
 * True when process pid itself holds the socket listening on 127.0.0.1:port. This tells our
 * listener apart from another run's listener that won the race for the same free port.
 */
export function ownsLoopbackListener(pid: number, port: number): boolean {
  const inodes = loopbackListenerInodes(port);
  if (inodes.size === 0) return false;
  let descriptors: string[];
  try {
    descriptors = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  return descriptors.some((descriptor) => {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${descriptor}`));
      return match?.[1] !== undefined && inodes.has(match[1]);
    } catch {
      return false;
    }
  });
}
