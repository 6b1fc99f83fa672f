import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientFrame, dispatch, TOKEN_QUERY, WEB_API_PATH, type HostApi, type ServerFrame } from '../../shared/contract';
import type { EventBus } from '../carriers/eventBus';
import { silentLogger, type Logger } from '../logging/logger';
import { readStaticFile } from './staticFiles';

export interface WebServerOptions {
  api: HostApi;
  events: EventBus;
  /** The built renderer (renderer/dist). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** A fixed token for tests; by default a fresh random one per run. */
  token?: string;
  logger?: Logger;
}

export interface WebServer {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const MAX_FRAME_BYTES = 1 << 20;

/** Headers for every HTTP answer: the page may talk only to its own origin. */
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/**
 * Web mode: serves the renderer and carries the contract over a WebSocket, on 127.0.0.1 only.
 * The socket needs the per-run token and an Origin (and Host) of this very server: a page from
 * any other site in the same browser cannot drive the technician's devices.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const logger = options.logger ?? silentLogger;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const http = createServer((request, response) => void serveHttp(request, response));
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  let allowedHosts = new Set<string>();

  async function serveHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      response.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('misdirected request');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
      return;
    }
    const file = await readStaticFile(options.staticDir, request.url ?? '/');
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': file.contentType, ...SECURITY_HEADERS });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = checkUpgrade(request, token, allowedHosts);
    if (refusal) {
      logger.warn('web socket refused', { reason: refusal.reason, origin: request.headers.origin ?? null });
      socket.end(`HTTP/1.1 ${refusal.status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => serveSocket(client));
  });

  function serveSocket(client: WebSocket): void {
    const subscription = options.events.onAny((event, payload) => send(client, { type: 'event', event, payload }));
    client.on('close', () => subscription.dispose());
    client.on('error', () => subscription.dispose());
    client.on('message', (data, isBinary) => {
      if (isBinary) return client.close(1003, 'text frames only');
      let frame: ClientFrame;
      try {
        frame = ClientFrame.parse(JSON.parse(data.toString()));
      } catch {
        return client.close(1007, 'malformed frame');
      }
      void dispatch(options.api, frame.method, frame.payload).then((envelope) => send(client, { type: 'result', id: frame.id, envelope }));
    });
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  allowedHosts = new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const origin = `http://${LOOPBACK}:${port}`;
  logger.info('web mode listening', { origin });

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

function send(client: WebSocket, frame: ServerFrame): void {
  if (client.readyState === client.OPEN) client.send(JSON.stringify(frame));
}

interface Refusal {
  status: string;
  reason: string;
}

/** Exported for tests: why an upgrade is refused, or null to accept. */
export function checkUpgrade(request: IncomingMessage, token: string, allowedHosts: ReadonlySet<string>): Refusal | null {
  const url = new URL(request.url ?? '/', 'http://placeholder');
  if (url.pathname !== WEB_API_PATH) return { status: '404 Not Found', reason: 'path' };
  const host = request.headers.host ?? '';
  if (!allowedHosts.has(host)) return { status: '403 Forbidden', reason: 'host' };
  const origin = request.headers.origin;
  if (!origin || !allowedHosts.has(hostOfOrigin(origin))) return { status: '403 Forbidden', reason: 'origin' };
  const offered = url.searchParams.get(TOKEN_QUERY) ?? '';
  if (!sameSecret(offered, token)) return { status: '401 Unauthorized', reason: 'token' };
  return null;
}

function hostOfOrigin(origin: string): string {
  try {
    const parsed = new URL(origin);
    return parsed.protocol === 'http:' ? parsed.host : '';
  } catch {
    return '';
  }
}

function sameSecret(offered: string, expected: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
