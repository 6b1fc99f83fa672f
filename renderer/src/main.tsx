import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient, setApiClient } from './api';
import { App } from './App';
import { followSessionState, loadHostInfo } from './features/connect';
import { storedLanguage } from './features/preferences';
import { followTerminalOutput } from './features/terminal';
import { initI18n } from './i18n/i18n';
import { useAppStore } from './store';
import './styles.css';

async function start(): Promise<void> {
  const language = storedLanguage();
  await initI18n(language);
  document.documentElement.lang = language;
  useAppStore.getState().setLanguageState(language);

  setApiClient(createApiClient((link) => useAppStore.getState().setHostLink(link)));
  // Subscriptions live as long as the window; the page never tears them down.
  followTerminalOutput();
  followSessionState();
  void loadHostInfo();

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
