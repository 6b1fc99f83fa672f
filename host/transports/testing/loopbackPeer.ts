import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP peer on 127.0.0.1 for transport tests: each accepted connection is handed to `serve`,
 * which scripts what the "device" sends and reads. Test support only; it never listens beyond
 * loopback. `close()` destroys every connection and the listener.
 */
export interface LoopbackPeer {
  port: number;
  /** Resolves with each accepted connection, in order. */
  nextConnection(): Promise<PeerConnection>;
  close(): Promise<void>;
}

export interface PeerConnection {
  socket: Socket;
  /** Everything received so far, without the IAC NOPs a Telnet peer ignores anyway. */
  received(): Buffer;
  /** Everything received so far, byte for byte. */
  receivedRaw(): Buffer;
  /** Resolves once what was received satisfies `done` (checked on every chunk). */
  readUntil(done: (received: Buffer) => boolean): Promise<Buffer>;
  /** Resolves when the connection is fully closed. */
  closed: Promise<void>;
}

export async function startLoopbackPeer(serve: (connection: PeerConnection) => void | Promise<void> = () => undefined): Promise<LoopbackPeer> {
  const sockets = new Set<Socket>();
  const accepted: PeerConnection[] = [];
  const waiting: ((connection: PeerConnection) => void)[] = [];
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const connection = wrap(socket);
    void connection.closed.then(() => sockets.delete(socket));
    const waiter = waiting.shift();
    if (waiter) waiter(connection);
    else accepted.push(connection);
    void Promise.resolve(serve(connection)).catch((error: unknown) => socket.destroy(error instanceof Error ? error : new Error(String(error))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    nextConnection: () => {
      const ready = accepted.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port on which nothing listens (a listener is opened, then closed). */
export async function deadLoopbackPort(): Promise<number> {
  const peer = await startLoopbackPeer();
  await peer.close();
  return peer.port;
}

function wrap(socket: Socket): PeerConnection {
  let buffer: Buffer = Buffer.alloc(0);
  const readers: { done: (received: Buffer) => boolean; resolve: (received: Buffer) => void }[] = [];
  const check = (): void => {
    for (const reader of [...readers]) {
      if (reader.done(buffer)) {
        readers.splice(readers.indexOf(reader), 1);
        reader.resolve(buffer);
      }
    }
  };
  let raw: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    raw = Buffer.concat([raw, chunk]);
    buffer = withoutNops(raw);
    check();
  });
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    socket,
    received: () => buffer,
    receivedRaw: () => raw,
    readUntil: (done) =>
      new Promise((resolve) => {
        readers.push({ done, resolve });
        check();
      }),
    closed,
  };
}

export function endsWith(tail: string | Uint8Array): (received: Buffer) => boolean {
  const expected = typeof tail === 'string' ? Buffer.from(tail, 'latin1') : Buffer.from(tail);
  return (received) => received.length >= expected.length && received.subarray(received.length - expected.length).equals(expected);
}

/** Drops IAC NOP (255 241) pairs, keeping escaped data bytes (IAC IAC) intact. */
export function withoutNops(bytes: Buffer): Buffer {
  const kept: number[] = [];
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] ?? 0;
    const next = bytes[index + 1];
    if (byte === 255 && next === 255) {
      kept.push(255, 255);
      index++;
    } else if (byte === 255 && next === 241) {
      index++;
    } else {
      kept.push(byte);
    }
  }
  return Buffer.from(kept);
}
