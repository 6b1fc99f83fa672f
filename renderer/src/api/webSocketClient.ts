import {
  FieldKitError,
  ServerFrame,
  TOKEN_QUERY,
  WEB_API_PATH,
  type ApiClient,
  type ClientFrame,
  type EventName,
  type EventOf,
  type MethodName,
  type RequestOf,
  type ResponseOf,
  type Unsubscribe,
} from '../../../shared/contract';
import type { HostLink } from './hostLink';
import { parseEvent, parseResult } from './validation';

/** The part of the browser's WebSocket this client uses (a fake implements it in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const SOCKET_OPEN = 1;

interface Pending {
  method: MethodName;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** `ws(s)://<host>/api?token=...` for the page at `location`, or null when the fragment carries no token. */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host' | 'hash'>): string | null {
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get(TOKEN_QUERY);
  if (!token) return null;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${WEB_API_PATH}?${TOKEN_QUERY}=${encodeURIComponent(token)}`;
}

/**
 * The web-mode carrier. One socket per page, no reconnect: when it closes every pending call
 * rejects and `onLinkChange('lost')` tells the UI. Calls made before the socket opens are queued.
 * The server broadcasts every event; listeners registered here see only their event name.
 */
export function createWebSocketClient(socket: SocketLike, onLinkChange: (link: HostLink) => void): ApiClient {
  let nextId = 0;
  let closed = false;
  const pending = new Map<number, Pending>();
  const queued: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  socket.addEventListener('open', () => {
    onLinkChange('open');
    for (const frame of queued.splice(0)) socket.send(frame);
  });
  socket.addEventListener('close', () => {
    closed = true;
    onLinkChange('lost');
    for (const call of pending.values()) call.reject(new FieldKitError('Internal', 'host connection lost'));
    pending.clear();
  });
  socket.addEventListener('message', (message) => {
    if (typeof message.data !== 'string') return;
    const frame = parseFrame(message.data);
    if (!frame) return;
    if (frame.type === 'result') {
      const call = pending.get(frame.id);
      if (!call) return;
      pending.delete(frame.id);
      try {
        call.resolve(parseResult(call.method, frame.envelope));
      } catch (error) {
        call.reject(error);
      }
      return;
    }
    for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
  });

  return {
    invoke<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
      if (closed) return Promise.reject(new FieldKitError('Internal', 'host connection lost'));
      const id = nextId++;
      const frame: ClientFrame = { type: 'invoke', id, method, payload: request };
      return new Promise<ResponseOf<M>>((resolve, reject) => {
        pending.set(id, { method, resolve: (value) => resolve(value as ResponseOf<M>), reject });
        const text = JSON.stringify(frame);
        if (socket.readyState === SOCKET_OPEN) socket.send(text);
        else queued.push(text);
      });
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): Unsubscribe {
      const forward = (payload: unknown) => {
        const parsed = parseEvent(event, payload);
        if (parsed !== undefined) listener(parsed);
      };
      const set = listeners.get(event) ?? new Set();
      set.add(forward);
      listeners.set(event, set);
      return () => set.delete(forward);
    },
  };
}

function parseFrame(text: string): ServerFrame | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = ServerFrame.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
