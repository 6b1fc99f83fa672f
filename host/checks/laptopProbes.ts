import { execFile } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { createConnection } from 'node:net';

export interface TcpOutcome {
  connected: boolean;
  /** The socket error code when refused or unreachable (`ECONNREFUSED`); null once connected. */
  error: string | null;
  elapsedMs: number;
}

export interface PingOutcome {
  /** ping's standard output then standard error. */
  output: string;
  exitCode: number | null;
}

/** The laptop's own network tools, injectable so tests can stand in for a real network. */
export interface LaptopProbes {
  tcpConnect(host: string, port: number, options: { timeoutMs: number; signal?: AbortSignal }): Promise<TcpOutcome>;
  ping(address: string, count: number, options: { timeoutMs: number; signal?: AbortSignal }): Promise<PingOutcome>;
  /** Addresses the operating system's resolver gives for a name; rejects with the resolver's error code. */
  resolve(name: string): Promise<string[]>;
}

/** Thrown when a probe ran out of time: the check is `error`, not `fail`. */
export class ProbeTimeoutError extends Error {
  override readonly name = 'ProbeTimeoutError';
  constructor(
    message: string,
    /** What the tool had printed by then. */
    readonly partialOutput = '',
  ) {
    super(message);
  }
}

/** Debian's iputils-ping. Absolute, so PATH cannot swap it. */
const PING_PATH = '/bin/ping';

function tcpConnect(host: string, port: number, options: { timeoutMs: number; signal?: AbortSignal }): Promise<TcpOutcome> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = createConnection({ host, port });
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      settle();
    };
    const elapsed = () => Math.round(performance.now() - started);
    const onAbort = () => finish(() => reject(new ProbeTimeoutError('cancelled')));
    const timer = setTimeout(() => finish(() => reject(new ProbeTimeoutError(`no TCP answer from ${host}:${port} within ${options.timeoutMs} ms`))), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish(() => resolve({ connected: true, error: null, elapsedMs: elapsed() })));
    socket.once('error', (error: NodeJS.ErrnoException) => finish(() => resolve({ connected: false, error: error.code ?? error.message, elapsedMs: elapsed() })));
  });
}

function ping(address: string, count: number, options: { timeoutMs: number; signal?: AbortSignal }): Promise<PingOutcome> {
  // `-n` no reverse lookups; `-W 2` waits at most 2 s for the last reply. The address was checked to be one token, not an option.
  const args = ['-n', '-c', String(count), '-W', '2', address];
  return new Promise((resolve, reject) => {
    execFile(PING_PATH, args, { timeout: options.timeoutMs, encoding: 'utf8', ...(options.signal ? { signal: options.signal } : {}) }, (error, stdout, stderr) => {
      if (error && (error.killed || error.name === 'AbortError')) {
        reject(new ProbeTimeoutError(`${PING_PATH} did not finish within ${options.timeoutMs} ms`, stdout + stderr));
        return;
      }
      if (error && typeof error.code === 'string') {
        reject(error);
        return;
      }
      resolve({ output: stdout + stderr, exitCode: error ? Number(error.code ?? 1) : 0 });
    });
  });
}

async function resolve(name: string): Promise<string[]> {
  const addresses = await lookup(name, { all: true });
  return addresses.map((entry) => entry.address);
}

export const systemProbes: LaptopProbes = { tcpConnect, ping, resolve };
