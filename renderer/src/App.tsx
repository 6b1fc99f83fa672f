import { App as AntdApp, ConfigProvider, Form, Tabs, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChecksPanel, rememberWizardForm } from './features/checks';
import { ConnectForm, DeviceCard, SessionLostBanner } from './features/connect';
import { ProvisionWizard } from './features/provision';
import { TerminalPanel } from './features/terminal';
import { AppHeader } from './layout/AppHeader';
import { HostLinkBanner } from './layout/HostLinkBanner';
import { useLanguage } from './store';

const antdLocales = { 'zh-CN': zhCN, en: enUS } as const;

const appTheme = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1d5fa6',
    borderRadius: 6,
    fontFamily: '-apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif',
  },
};

/** The sections of the window, in the order of a site visit. Each keeps its state while hidden. */
const views = ['connect', 'provision', 'checks'] as const;
type View = (typeof views)[number];

export function App() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [view, setView] = useState<View>('connect');
  return (
    <ConfigProvider locale={antdLocales[language]} theme={appTheme} button={{ autoInsertSpace: false }}>
      <AntdApp className="app">
        <AppHeader />
        <HostLinkBanner />
        <nav className="app-nav" aria-label={t('nav.label')}>
          <Tabs
            activeKey={view}
            onChange={(key) => setView(views.find((candidate) => candidate === key) ?? 'connect')}
            items={views.map((key) => ({ key, label: <span data-testid={`nav-${key}`}>{t(`nav.${key}`)}</span> }))}
          />
        </nav>
        {/* One terminal for every section: the session's output is not replayed into a second xterm.
            The form provider lets the checks reuse the wizard's parameters form (features/checks/wizardForm.ts). */}
        <Form.Provider onFormFinish={(name, { forms }) => rememberWizardForm(name, forms)}>
          <main className={`app-main app-main-${view}`}>
            <section className="app-side" hidden={view !== 'connect'}>
              <ConnectForm />
              <DeviceCard />
            </section>
            <section className="app-wide" hidden={view !== 'provision'}>
              <ProvisionWizard />
            </section>
            <section className="app-wide" hidden={view !== 'checks'}>
              <ChecksPanel />
            </section>
            <section className="app-terminal">
              <SessionLostBanner />
              <TerminalPanel />
            </section>
          </main>
        </Form.Provider>
      </AntdApp>
    </ConfigProvider>
  );
}
