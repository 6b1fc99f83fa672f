import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type HostApi, type ServerFrame } from '../../shared/contract';
import { EventBus } from '../carriers/eventBus';
import { startWebServer, type WebServer } from './webServer';

const api = {
  'host.info': async () => ({ version: '9.9.9', carrier: 'web' as const, dialects: ['ios' as const] }),
} as unknown as HostApi;

function open(url: string, headers: Record<string, string> = {}): Promise<{ socket: WebSocket; status: number | null }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve({ socket, status: 101 }));
    socket.once('unexpected-response', (_request, response) => resolve({ socket, status: response.statusCode ?? null }));
    socket.once('error', () => resolve({ socket, status: null }));
  });
}

describe('web mode server', () => {
  let server: WebServer;
  let events: EventBus;
  let staticDir: string;

  beforeEach(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'fk-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>FieldKit</title>');
    events = new EventBus();
    server = await startWebServer({ api, events, staticDir, token: 'per-run-token-123' });
  });
  afterEach(async () => {
    await server.close();
  });

  const apiUrl = () => `ws://127.0.0.1:${server.port}/api?token=${server.token}`;

  it('listens on 127.0.0.1 and serves the UI with a strict CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=per-run-token-123$/);
    const response = await fetch(server.origin + '/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>FieldKit</title>');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('does not serve files outside the UI folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fpackage.json']) {
      const response = await fetch(server.origin + path);
      expect(response.status, path).toBe(404);
    }
  });

  it('answers a contract call from its own origin with the right token', async () => {
    const { socket, status } = await open(apiUrl(), { Origin: server.origin });
    expect(status).toBe(101);
    const reply = new Promise<ServerFrame>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)) as ServerFrame)));
    socket.send(JSON.stringify({ type: 'invoke', id: 7, method: 'host.info', payload: {} }));
    expect(await reply).toEqual({ type: 'result', id: 7, envelope: { ok: true, value: { version: '9.9.9', carrier: 'web', dialects: ['ios'] } } });
    socket.close();
  });

  it('rejects an invalid payload with a typed error, not a crash', async () => {
    const { socket } = await open(apiUrl(), { Origin: server.origin });
    const reply = new Promise<ServerFrame>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)) as ServerFrame)));
    socket.send(JSON.stringify({ type: 'invoke', id: 1, method: 'no.such.method', payload: {} }));
    const frame = await reply;
    expect(frame.type === 'result' && !frame.envelope.ok && frame.envelope.error.code).toBe('InvalidRequest');
    socket.close();
  });

  it('forwards host events to connected pages', async () => {
    const { socket } = await open(apiUrl(), { Origin: server.origin });
    const frame = new Promise<ServerFrame>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)) as ServerFrame)));
    events.emit('terminal.output', { sessionId: 's1', seq: 0, data: 'r1# ' });
    expect(await frame).toEqual({ type: 'event', event: 'terminal.output', payload: { sessionId: 's1', seq: 0, data: 'r1# ' } });
    socket.close();
  });

  it('refuses a socket without the token or with a wrong one', async () => {
    expect((await open(`ws://127.0.0.1:${server.port}/api`, { Origin: server.origin })).status).toBe(401);
    expect((await open(`ws://127.0.0.1:${server.port}/api?token=per-run-token-124`, { Origin: server.origin })).status).toBe(401);
  });

  it('refuses a socket from another origin, or with no origin, even with the token', async () => {
    expect((await open(apiUrl(), { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await open(apiUrl(), { Origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await open(apiUrl())).status).toBe(403);
  });

  it('refuses a request whose Host header is not this server (DNS rebinding)', async () => {
    expect((await open(apiUrl(), { Origin: 'http://attacker.test:80', Host: 'attacker.test' })).status).toBe(403);
  });
});
