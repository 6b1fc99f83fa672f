import { afterEach, describe, expect, it, vi } from 'vitest';
import { FieldKitError } from '../../../shared/contract';
import { TelnetTransport, createTelnetTransport } from './telnetTransport';
import { deadLoopbackPort, endsWith, startLoopbackPeer, type LoopbackPeer } from '../testing/loopbackPeer';
import { failure, liveHandles } from '../testing/transportTesting';

let peer: LoopbackPeer | undefined;
let transport: TelnetTransport | undefined;

afterEach(async () => {
  vi.useRealTimers();
  await transport?.close();
  await peer?.close();
  transport = undefined;
  peer = undefined;
});

function telnetTo(port: number, connectTimeoutMs = 10_000): TelnetTransport {
  transport = createTelnetTransport({ host: '127.0.0.1', port, connectTimeoutMs });
  return transport;
}

/** A transport opened on a loopback peer, with its close events and received text recorded. */
async function openSession() {
  peer = await startLoopbackPeer();
  const client = telnetTo(peer.port);
  const closes: (FieldKitError | undefined)[] = [];
  let closed: () => void = () => undefined;
  const closedOnce = new Promise<void>((resolve) => (closed = resolve));
  client.onClose((error) => {
    closes.push(error);
    closed();
  });
  await client.open();
  const connection = await peer.nextConnection();
  return { client, connection, closes, closedOnce };
}

describe('TelnetTransport, connecting', () => {
  it('describes itself without anything secret', () => {
    expect(telnetTo(2601).description).toBe('telnet 127.0.0.1:2601');
    expect(transport?.kind).toBe('telnet');
  });

  it('reports a refused connection in plain words', async () => {
    const port = await deadLoopbackPort();
    const client = telnetTo(port);
    const error = await failure(client.open());
    expect(error.code).toBe('ConnectionRefused');
    expect(error.message).toBe(`telnet 127.0.0.1:${port}: connection refused (nothing listens on that port)`);
    expect(client.isOpen).toBe(false);
  });

  it('gives up when the connection is not set up within the limit, naming host, port and limit', async () => {
    peer = await startLoopbackPeer();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const client = telnetTo(peer.port, 5000);
    const opening = failure(client.open());
    vi.advanceTimersByTime(5000);
    const error = await opening;
    expect(error.code).toBe('Timeout');
    expect(error.message).toBe(`telnet 127.0.0.1:${peer.port}: no connection within 5 s (the device did not answer)`);
    expect(client.isOpen).toBe(false);
  });

  it('does not connect with a signal that is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(telnetTo(await deadLoopbackPort()).open(controller.signal));
    expect(error.code).toBe('Cancelled');
  });

  it('stops connecting when the signal aborts, or when closed meanwhile', async () => {
    peer = await startLoopbackPeer();
    const controller = new AbortController();
    const aborted = failure(telnetTo(peer.port).open(controller.signal));
    controller.abort();
    expect((await aborted).code).toBe('Cancelled');

    const client = new TelnetTransport({ host: '127.0.0.1', port: peer.port, connectTimeoutMs: 10_000 });
    const closing = failure(client.open());
    await client.close();
    expect((await closing).code).toBe('Cancelled');
    expect(client.isOpen).toBe(false);
  });

  it('refuses to open twice', async () => {
    const { client } = await openSession();
    expect((await failure(client.open())).code).toBe('InvalidRequest');
  });

  it('rejects an endpoint it could never reach', () => {
    expect(() => new TelnetTransport({ host: '', port: 23, connectTimeoutMs: 1000 })).toThrow(FieldKitError);
    expect(() => new TelnetTransport({ host: '127.0.0.1', port: 70000, connectTimeoutMs: 1000 })).toThrow(/port/);
    expect(() => new TelnetTransport({ host: '127.0.0.1', port: 23, connectTimeoutMs: 0 })).toThrow(/timeout/);
  });
});

describe('TelnetTransport, closing', () => {
  it('closes on request: onClose fires once without an error, writes then fail, nothing is left behind', async () => {
    const before = await liveHandles();
    const { client, connection, closes } = await openSession();
    const removed = vi.fn();
    client.onClose(removed).dispose();
    await client.write(new TextEncoder().encode('bye\n'));
    await connection.readUntil(endsWith('bye\n'));
    await client.close();
    await client.close();
    expect(closes).toEqual([undefined]);
    expect(removed).not.toHaveBeenCalled();
    expect(client.isOpen).toBe(false);
    const error = await failure(client.write(new Uint8Array([0x61])));
    expect(error.code).toBe('ConnectionClosed');
    await connection.closed;
    await peer?.close();
    peer = undefined;
    expect(await liveHandles()).toEqual(before);
  });

  it('reports the device closing the line as ConnectionClosed, once', async () => {
    const { client, connection, closes, closedOnce } = await openSession();
    connection.socket.end();
    await closedOnce;
    expect(closes).toHaveLength(1);
    expect(closes[0]?.code).toBe('ConnectionClosed');
    expect(closes[0]?.message).toBe(`telnet 127.0.0.1:${peer?.port}: the device closed the connection`);
    expect((await failure(client.write(new Uint8Array([0x61])))).code).toBe('ConnectionClosed');
    await client.close();
    expect(closes).toHaveLength(1);
  });

  it('reports a reset connection as a lost connection', async () => {
    const { client, connection, closes, closedOnce } = await openSession();
    connection.socket.resetAndDestroy();
    await closedOnce;
    expect(closes.map((error) => [error?.code, error?.message])).toEqual([['ConnectionClosed', `telnet 127.0.0.1:${peer?.port}: connection lost (the device reset the connection)`]]);
    expect(client.isOpen).toBe(false);
  });

  it('stops delivering data to a listener once it is disposed', async () => {
    const { client, connection } = await openSession();
    const chunks: string[] = [];
    const listener = client.onData((chunk) => chunks.push(Buffer.from(chunk).toString()));
    let second: () => void = () => undefined;
    const secondArrived = new Promise<void>((resolve) => (second = resolve));
    client.onData((chunk) => {
      if (Buffer.from(chunk).toString().includes('second')) second();
    });
    connection.socket.write('first');
    await vi.waitUntil(() => chunks.length > 0);
    listener.dispose();
    connection.socket.write('second');
    await secondArrived;
    expect(chunks.join('')).toBe('first');
  });
});
