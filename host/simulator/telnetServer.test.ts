import { createConnection, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from './telnetServer';

const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.stop()));
});

interface Client {
  socket: Socket;
  text(): string;
  waitFor(pattern: RegExp): Promise<void>;
}

/** A plain TCP client that never negotiates (the server must not depend on answers). */
function connect(port: number): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let received = '';
    const waiters = new Set<() => void>();
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      for (const waiter of [...waiters]) waiter();
    });
    socket.once('error', reject);
    socket.once('connect', () =>
      resolve({
        socket,
        text: () => received,
        waitFor: (pattern) =>
          new Promise<void>((done) => {
            const check = (): void => {
              if (!pattern.test(received)) return;
              waiters.delete(check);
              done();
            };
            waiters.add(check);
            check();
          }),
      }),
    );
  });
}

async function start(options: Parameters<typeof startSimulator>[0]): Promise<RunningSimulator> {
  const simulator = await startSimulator(options);
  running.push(simulator);
  return simulator;
}

describe('startSimulator', () => {
  it('refuses to listen beyond loopback unless asked', async () => {
    await expect(startSimulator({ dialect: 'ios', host: '0.0.0.0' })).rejects.toMatchObject({ code: 'InvalidRequest' });
  });

  it('negotiates echo, reads CR NUL as Enter and closes the line on logout', async () => {
    const simulator = await start({ dialect: 'ios', hostname: 'LAB1' });
    const client = await connect(simulator.port);
    await client.waitFor(/LAB1>$/);
    expect(client.text().startsWith('\xff\xfb\x01\xff\xfb\x03')).toBe(true);
    client.socket.write('enable\r\0');
    await client.waitFor(/enable\r\nLAB1#$/);
    const closed = new Promise<void>((resolve) => client.socket.once('close', () => resolve()));
    client.socket.write('exit\r\n');
    await closed;
  });

  it('shares one device between connections, like a device with several lines', async () => {
    const simulator = await start({ dialect: 'vrp', hostname: 'EDGE1' });
    const first = await connect(simulator.port);
    await first.waitFor(/<EDGE1>$/);
    first.socket.write('system-view\nsysname EDGE2\nreturn\n');
    await first.waitFor(/<EDGE2>$/);
    const second = await connect(simulator.port);
    await second.waitFor(/<EDGE2>$/);
    expect(simulator.device.hostname).toBe('EDGE2');
    first.socket.destroy();
    second.socket.destroy();
  });

  it('echoes nothing after the client refuses ECHO', async () => {
    const simulator = await start({ dialect: 'ios', hostname: 'LAB1' });
    const client = await connect(simulator.port);
    await client.waitFor(/LAB1>$/);
    client.socket.write(Buffer.from([255, 254, 1]));
    client.socket.write('enable\n');
    await client.waitFor(/LAB1#$/);
    expect(client.text()).not.toContain('enable');
    client.socket.destroy();
  });
});
