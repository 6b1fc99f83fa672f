import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSessionId, useSessionPhase } from '../../store';
import { TerminalView } from './TerminalView';

export function TerminalPanel() {
  const { t } = useTranslation();
  const sessionId = useSessionId();
  const phase = useSessionPhase();
  const closed = phase === 'closed' || phase === 'closing';

  return (
    <Card
      size="small"
      className="terminal-card"
      title={t('terminal.title')}
      extra={<Typography.Text type="secondary">{sessionId ? t(closed ? 'terminal.closed' : 'terminal.hint') : null}</Typography.Text>}
      styles={{ body: { padding: 0, flex: 1, minHeight: 0, display: 'flex' } }}
    >
      <div className="terminal-panel" data-testid="terminal">
        {sessionId ? (
          <TerminalView key={sessionId} sessionId={sessionId} readOnly={closed} />
        ) : (
          <div className="terminal-placeholder">{t('terminal.placeholder')}</div>
        )}
      </div>
    </Card>
  );
}
