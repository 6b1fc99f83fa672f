/**
 * BrowserWindow settings, kept free of Electron imports so tests can hold them to Electron's
 * security checklist: isolated context, sandboxed renderer, no Node in the page.
 */
export function secureWindowOptions(preloadPath: string) {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'FieldKit',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  } as const;
}
