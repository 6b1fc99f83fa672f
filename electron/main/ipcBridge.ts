import { dispatch, type Envelope, type HostApi } from '../../shared/contract';
import type { Disposable } from '../../shared/lifecycle';
import type { EventBus } from '../../host/carriers/eventBus';

export const INVOKE_CHANNEL = 'fieldkit:invoke';
export const EVENT_CHANNEL = 'fieldkit:event';

/** The slice of Electron's ipcMain the bridge uses (so it is testable without the binary). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<Envelope>): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/**
 * The Electron carrier: one generic handler for every contract method, and one event
 * channel. Every payload is validated by `dispatch`; calls from frames that are not our own
 * UI (a navigated or injected page) are refused before they reach the host.
 */
export function bridgeIpc(options: { ipcMain: IpcMainLike; api: HostApi; events: EventBus; isTrustedUrl: (url: string) => boolean; target: () => WebContentsLike[] }): Disposable {
  const { ipcMain, api, events } = options;
  ipcMain.handle(INVOKE_CHANNEL, async (event, method, payload) => {
    const url = event.senderFrame?.url ?? '';
    if (!options.isTrustedUrl(url)) {
      return { ok: false, error: { code: 'InvalidRequest', message: 'calls are accepted only from the FieldKit window' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'InvalidRequest', message: 'method name must be a string' } };
    return dispatch(api, method, payload);
  });
  const subscription = events.onAny((event, payload) => {
    for (const contents of options.target()) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
    }
  });
  return {
    dispose() {
      subscription.dispose();
      ipcMain.removeHandler(INVOKE_CHANNEL);
    },
  };
}

/** Only the bundled UI, loaded from the app's own files, may call the host. */
export function isAppUrl(url: string, appIndexUrl: string): boolean {
  try {
    const candidate = new URL(url);
    const app = new URL(appIndexUrl);
    return candidate.protocol === app.protocol && candidate.pathname === app.pathname;
  } catch {
    return false;
  }
}
