import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// The whole surface the page gets: invoke a contract method, subscribe to an event. No raw
// ipcRenderer, no Node. Payloads are validated in the main process, not trusted here.
const INVOKE_CHANNEL = 'fieldkit:invoke';
const EVENT_CHANNEL = 'fieldkit:event';

contextBridge.exposeInMainWorld('fieldkit', {
  invoke: (method: string, payload: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, method, payload),
  subscribe: (event: string, listener: (payload: unknown) => void): (() => void) => {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
});
