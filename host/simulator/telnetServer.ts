import { createServer, type Server, type Socket } from 'node:net';
import { FieldKitError, type DialectId } from '../../shared/contract';
import { SimulatorEngine } from './engine';
import { applyRuntimeSettings } from './features/runtime';
import { personas } from './personas';
import { TelnetServerCodec } from './telnetServerCodec';
import type { SimulatedDevice } from './types';

export interface SimulatorOptions {
  dialect: DialectId;
  /** Default 127.0.0.1. Anything but a loopback address needs `allowNonLoopback`. */
  host?: string;
  /** Default 0: any free port (read it from the result). */
  port?: number;
  /** Default: the vendor's factory name (`Router`, `Huawei`, `H3C`…). */
  hostname?: string;
  /** With a username the device asks for username and password; with a password only, the password. */
  username?: string;
  password?: string;
  enableSecret?: string;
  /** Lines per page until the paging-off command; default 24. */
  pageLength?: number;
  /** `raw`: no Telnet negotiation, console behaviour (wake-up banner, back to it after logout); for the pty bridge. */
  protocol?: 'telnet' | 'raw';
  /** Deliberately serve beyond this computer (a training room). Off by default. */
  allowNonLoopback?: boolean;
  /** Milliseconds from configuring an NTP server to a synchronised clock; default 3000, 0 for at once. */
  ntpSyncDelayMs?: number;
  /** Addresses or networks (`192.0.2.10`, `10.0.0.0/8`) that answer pings besides connected networks and tunnels. */
  reachable?: readonly string[];
}

export interface RunningSimulator {
  host: string;
  port: number;
  /** The simulated device: running and startup configuration shared by every connection. */
  device: SimulatedDevice;
  /** Closes the listener and every open connection; resolves once all are closed. */
  stop(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * A simulated device listening on TCP: one engine per connection, one device state for all of
 * them, like a real box with several VTY lines.
 */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.allowNonLoopback) {
    throw new FieldKitError('InvalidRequest', `The simulator listens on loopback addresses only (got ${host}); serving other computers must be asked for explicitly.`);
  }
  const persona = personas[options.dialect];
  const device = persona.createDevice(options.hostname ?? persona.defaultHostname);
  applyRuntimeSettings(device.runtime, {
    ...(options.ntpSyncDelayMs !== undefined ? { ntpSyncDelayMs: options.ntpSyncDelayMs } : {}),
    ...(options.reachable !== undefined ? { reachable: options.reachable } : {}),
  });
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    serveConnection(socket, options, device);
  });
  await listen(server, host, options.port ?? 0);
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
  let stopped: Promise<void> | undefined;
  return {
    host,
    port,
    device,
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return stopped;
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const code = error.code === 'EADDRINUSE' ? 'PortBusy' : error.code === 'EACCES' ? 'PermissionDenied' : 'InvalidRequest';
      reject(new FieldKitError(code, `The simulator cannot listen on ${host}:${port}: ${error.message}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function serveConnection(socket: Socket, options: SimulatorOptions, device: SimulatedDevice): void {
  const raw = options.protocol === 'raw';
  const engine = new SimulatorEngine({
    persona: personas[options.dialect],
    device,
    ...(options.username !== undefined ? { username: options.username } : {}),
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(options.enableSecret !== undefined ? { enableSecret: options.enableSecret } : {}),
    ...(options.pageLength !== undefined ? { pageLength: options.pageLength } : {}),
    console: raw,
  });
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  const codec = raw
    ? undefined
    : new TelnetServerCodec({
        send: (bytes) => socket.write(bytes),
        echoChanged: (echoing) => {
          engine.echo = echoing;
        },
      });
  const decoder = new TextDecoder('utf-8');
  const encode = (text: string): Uint8Array => (codec ? codec.encode(text) : new TextEncoder().encode(text));
  const send = (text: string): void => {
    if (text !== '' && !socket.destroyed) socket.write(encode(text));
    if (engine.closed) socket.end();
  };
  if (codec) socket.write(codec.greeting());
  send(engine.start());
  socket.on('data', (chunk: Buffer) => {
    const text = codec ? codec.receive(chunk) : decoder.decode(chunk, { stream: true });
    send(engine.receive(text));
  });
}
