import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSessionLost } from '../../store';
import { errorDetail } from './errorText';

/** Shown above the terminal when an established session dropped by itself (cable pulled, reboot). */
export function SessionLostBanner() {
  const { t } = useTranslation();
  const lost = useSessionLost();
  if (!lost) return null;
  const detail = errorDetail(lost.message);
  return (
    <Alert
      className="session-lost"
      type="error"
      showIcon
      title={t('session.lost', { message: detail === '' ? t(`errors.${lost.code}`) : detail })}
      description={t('session.lostHint')}
      data-testid="session-lost"
      data-code={lost.code}
    />
  );
}
