import { app, BrowserWindow, ipcMain, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHost } from '../../host/compositionRoot';
import { bridgeIpc, isAppUrl } from './ipcBridge';
import { secureWindowOptions } from './windowOptions';

// The desktop shell only: a window, and the IPC carrier into the same host the CLI and web
// mode use. Everything with behaviour lives in host/ and is tested without Electron.

const rendererIndex = join(__dirname, '..', '..', 'renderer', 'dist', 'index.html');
const appUrl = pathToFileURL(rendererIndex).toString();

app.enableSandbox();

void app.whenReady().then(() => {
  const host = createHost({ carrier: 'electron', dataDir: app.getPath('userData') });
  const window = new BrowserWindow(secureWindowOptions(join(__dirname, 'preload.cjs')));
  const bridge = bridgeIpc({ ipcMain, api: host.service.api, events: host.events, isTrustedUrl: (url) => isAppUrl(url, appUrl), target: () => [window.webContents] });

  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  window.webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  window.once('ready-to-show', () => window.show());
  void window.loadFile(rendererIndex);

  app.on('window-all-closed', () => {
    bridge.dispose();
    void host.dispose().finally(() => app.quit());
  });
});
