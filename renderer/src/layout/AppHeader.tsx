import { Segmented, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../features/preferences';
import { languages, type Language } from '../i18n/i18n';
import { useHostVersion, useLanguage } from '../store';

export function AppHeader() {
  const { t } = useTranslation();
  const language = useLanguage();
  const hostVersion = useHostVersion();

  return (
    <header className="app-header">
      <Typography.Title level={4} className="app-title" data-testid="app-title">
        {t('app.title')}
      </Typography.Title>
      <Space size="middle">
        {hostVersion ? <Tag variant="filled">{t('host.version', { version: hostVersion })}</Tag> : null}
        <Segmented<Language>
          size="small"
          aria-label={t('app.languageLabel')}
          value={language}
          onChange={(value) => void setLanguage(value)}
          options={languages.map((value) => ({ value, label: <span data-testid={`language-${value}`}>{t(`language.${value}`)}</span> }))}
          data-testid="language-switch"
        />
      </Space>
    </header>
  );
}
