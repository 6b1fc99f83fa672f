import { createServer, type Server, type Socket } from 'node:net';

/**
 * A deliberately misbehaving device on 127.0.0.1 for robustness tests. `onConnect` starts the
 * misbehaviour; `onLine` answers each line the client sends (CR/LF stripped).
 */
export interface FakeCliBehaviour {
  onConnect(socket: Socket): void;
  onLine?(line: string, socket: Socket): void;
}

export interface FakeCliServer {
  port: number;
  close(): Promise<void>;
}

export async function startFakeCli(behaviour: FakeCliBehaviour): Promise<FakeCliServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      let index: number;
      while ((index = pending.search(/[\r\n]/)) >= 0) {
        const line = pending.slice(0, index);
        pending = pending.slice(index + 1).replace(/^[\n\0]/, '');
        behaviour.onLine?.(line, socket);
      }
    });
    behaviour.onConnect(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Write `total` bytes from `make` in chunks, respecting back-pressure, then call `done`. */
export function pump(socket: Socket, total: number, make: (offset: number) => Buffer, done?: () => void): void {
  let sent = 0;
  const step = () => {
    while (sent < total && !socket.destroyed) {
      const chunk = make(sent);
      sent += chunk.length;
      if (!socket.write(chunk)) {
        socket.once('drain', step);
        return;
      }
    }
    if (!socket.destroyed) done?.();
  };
  step();
}
