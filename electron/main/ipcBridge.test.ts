import { describe, expect, it } from 'vitest';
import type { Envelope, HostApi } from '../../shared/contract';
import { EventBus } from '../../host/carriers/eventBus';
import { bridgeIpc, EVENT_CHANNEL, INVOKE_CHANNEL, isAppUrl, type IpcMainLike } from './ipcBridge';
import { secureWindowOptions } from './windowOptions';

const appIndex = 'file:///opt/FieldKit/resources/app/renderer/dist/index.html';

function fakeIpc() {
  const handlers = new Map<string, (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<Envelope>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const call = (url: string, method: unknown, payload: unknown) => {
    const handler = handlers.get(INVOKE_CHANNEL);
    if (!handler) throw new Error('no handler');
    return handler({ senderFrame: { url } }, method, payload);
  };
  return { ipcMain, handlers, call };
}

const api = { 'host.info': async () => ({ version: '1', carrier: 'electron' as const, dialects: [] }) } as unknown as HostApi;

describe('Electron IPC bridge', () => {
  it('dispatches a valid call from the app window', async () => {
    const { ipcMain, call } = fakeIpc();
    bridgeIpc({ ipcMain, api, events: new EventBus(), isTrustedUrl: (url) => isAppUrl(url, appIndex), target: () => [] });
    expect(await call(appIndex + '#/', 'host.info', {})).toEqual({ ok: true, value: { version: '1', carrier: 'electron', dialects: [] } });
  });

  it('refuses calls from any other page', async () => {
    const { ipcMain, call } = fakeIpc();
    bridgeIpc({ ipcMain, api, events: new EventBus(), isTrustedUrl: (url) => isAppUrl(url, appIndex), target: () => [] });
    const envelope = await call('https://example.com/', 'host.info', {});
    expect(envelope.ok).toBe(false);
  });

  it('validates payloads against the contract', async () => {
    const { ipcMain, call } = fakeIpc();
    bridgeIpc({ ipcMain, api, events: new EventBus(), isTrustedUrl: () => true, target: () => [] });
    const envelope = await call(appIndex, 'session.run', { sessionId: 's', command: 'show version\r\nreload' });
    expect(envelope.ok === false && envelope.error.code).toBe('InvalidRequest');
  });

  it('forwards events to live windows and unhooks on dispose', () => {
    const { ipcMain, handlers } = fakeIpc();
    const events = new EventBus();
    const sent: unknown[][] = [];
    const bridge = bridgeIpc({ ipcMain, api, events, isTrustedUrl: () => true, target: () => [{ send: (...args) => sent.push(args), isDestroyed: () => false }] });
    events.emit('session.state', { sessionId: 's', state: 'ready' });
    bridge.dispose();
    events.emit('session.state', { sessionId: 's', state: 'closed' });
    expect(sent).toEqual([[EVENT_CHANNEL, 'session.state', { sessionId: 's', state: 'ready' }]]);
    expect(handlers.has(INVOKE_CHANNEL)).toBe(false);
  });
});

describe('window security settings', () => {
  it('follow the Electron security checklist', () => {
    const { webPreferences } = secureWindowOptions('/app/preload.cjs');
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });
});
