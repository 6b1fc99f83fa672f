import { describe, expect, it } from 'vitest';
import { FieldKitError } from '../../../shared/contract';
import type { HostLink } from './hostLink';
import { createWebSocketClient, webSocketUrl, type SocketLike } from './webSocketClient';

class FakeSocket implements SocketLike {
  readyState = 0;
  readonly sent: unknown[] = [];
  private readonly handlers = new Map<string, ((event: { data: unknown }) => void)[]>();

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.fire('close');
  }
  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  open(): void {
    this.readyState = 1;
    this.fire('open');
  }
  receive(frame: unknown): void {
    this.fire('message', typeof frame === 'string' ? frame : JSON.stringify(frame));
  }
  private fire(type: string, data?: unknown): void {
    for (const handler of this.handlers.get(type) ?? []) handler({ data });
  }
}

function setup() {
  const socket = new FakeSocket();
  const links: HostLink[] = [];
  const client = createWebSocketClient(socket, (link) => links.push(link));
  return { socket, links, client };
}

const facts = { hostname: 'r1', vendor: 'FRRouting', model: null, serial: null, version: '8.4.4', uptime: null, dialect: 'ios' };

describe('webSocketUrl', () => {
  it('builds the socket address from the page address and its #token fragment', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:4100', hash: '#token=a-b_c' })).toBe('ws://127.0.0.1:4100/api?token=a-b_c');
    expect(webSocketUrl({ protocol: 'https:', host: 'localhost:1', hash: '#token=x' })).toBe('wss://localhost:1/api?token=x');
  });

  it('returns null without a token', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:4100', hash: '' })).toBeNull();
  });
});

describe('createWebSocketClient', () => {
  it('queues calls until the socket opens, then resolves the parsed result', async () => {
    const { socket, links, client } = setup();
    const answer = client.invoke('session.connect', { target: { kind: 'telnet', host: '127.0.0.1', port: 2601 } });
    expect(socket.sent).toEqual([]);
    socket.open();
    expect(links).toEqual(['open']);
    expect(socket.sent).toEqual([{ type: 'invoke', id: 0, method: 'session.connect', payload: { target: { kind: 'telnet', host: '127.0.0.1', port: 2601 } } }]);
    socket.receive({ type: 'result', id: 0, envelope: { ok: true, value: { sessionId: 's1', facts, transcriptPath: null } } });
    await expect(answer).resolves.toEqual({ sessionId: 's1', facts, transcriptPath: null });
  });

  it('turns an error envelope into a typed FieldKitError', async () => {
    const { socket, client } = setup();
    socket.open();
    const answer = client.invoke('session.facts', { sessionId: 's1' });
    socket.receive({ type: 'result', id: 0, envelope: { ok: false, error: { code: 'ConnectionRefused', message: 'refused' } } });
    const error: unknown = await answer.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FieldKitError);
    expect((error as FieldKitError).code).toBe('ConnectionRefused');
  });

  it('rejects a result that does not match the method’s response schema', async () => {
    const { socket, client } = setup();
    socket.open();
    const answer = client.invoke('session.disconnect', { sessionId: 's1' });
    socket.receive('not json');
    socket.receive({ type: 'result', id: 0, envelope: { ok: true, value: { closed: 'yes' } } });
    await expect(answer).rejects.toMatchObject({ code: 'Internal' });
  });

  it('delivers only the subscribed event, and only valid payloads', () => {
    const { socket, client } = setup();
    socket.open();
    const received: string[] = [];
    const unsubscribe = client.subscribe('terminal.output', (event) => received.push(event.data));
    socket.receive({ type: 'event', event: 'session.state', payload: { sessionId: 's1', state: 'ready' } });
    socket.receive({ type: 'event', event: 'terminal.output', payload: { sessionId: 's1', seq: -1, data: 'bad' } });
    socket.receive({ type: 'event', event: 'terminal.output', payload: { sessionId: 's1', seq: 0, data: 'r1# ' } });
    unsubscribe();
    socket.receive({ type: 'event', event: 'terminal.output', payload: { sessionId: 's1', seq: 1, data: 'late' } });
    expect(received).toEqual(['r1# ']);
  });

  it('reports a lost host and rejects pending and later calls when the socket closes', async () => {
    const { socket, links, client } = setup();
    socket.open();
    const pending = client.invoke('host.info', {});
    socket.close();
    expect(links).toEqual(['open', 'lost']);
    await expect(pending).rejects.toBeInstanceOf(FieldKitError);
    await expect(client.invoke('host.info', {})).rejects.toBeInstanceOf(FieldKitError);
  });
});
