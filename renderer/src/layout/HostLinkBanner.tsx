import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHostLink } from '../store';

/** Web mode has no reconnect: once the host's socket closes, say so plainly and stay put. */
export function HostLinkBanner() {
  const { t } = useTranslation();
  const hostLink = useHostLink();
  if (hostLink !== 'lost' && hostLink !== 'unavailable') return null;
  const lost = hostLink === 'lost';
  return (
    <Alert
      banner
      type="error"
      showIcon
      title={t(lost ? 'host.linkLost' : 'host.unavailable')}
      description={t(lost ? 'host.linkLostDetail' : 'host.unavailableDetail')}
      data-testid="host-link-banner"
    />
  );
}
