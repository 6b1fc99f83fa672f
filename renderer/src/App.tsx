import { App as AntdApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { ConnectForm, DeviceCard, SessionLostBanner } from './features/connect';
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

export function App() {
  const language = useLanguage();
  return (
    <ConfigProvider locale={antdLocales[language]} theme={appTheme} button={{ autoInsertSpace: false }}>
      <AntdApp className="app">
        <AppHeader />
        <HostLinkBanner />
        <main className="app-main">
          <section className="app-side">
            <ConnectForm />
            <DeviceCard />
          </section>
          <section className="app-terminal">
            <SessionLostBanner />
            <TerminalPanel />
          </section>
        </main>
      </AntdApp>
    </ConfigProvider>
  );
}
