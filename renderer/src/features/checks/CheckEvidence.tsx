import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckRow } from '../../store/checksSlice';
import { formatElapsed, stateSymbols } from './checkFormat';

/**
 * The evidence of a row, per attempt: the command(s) as sent and the raw output, monospace. The
 * host masks secrets before any output leaves it; nothing here is logged.
 */
export function CheckEvidence({ row }: { row: CheckRow }) {
  const { t } = useTranslation();
  if (row.attempts.length === 0) {
    return (
      <div className="checks-evidence" data-testid="check-evidence">
        <Typography.Text type="secondary">{row.phase === 'running' ? t('checks.evidence.waiting') : t('checks.evidence.none')}</Typography.Text>
      </div>
    );
  }
  const laptop = row.kind === 'tcp' || row.kind === 'dns' || row.kind === 'host-ping';
  return (
    <div className="checks-evidence" data-testid="check-evidence">
      {row.attempts.map((attempt) => (
        <section key={attempt.attempt} className="checks-attempt" data-testid="check-attempt" data-attempt={attempt.attempt} data-status={attempt.status}>
          <div className="checks-attempt-head">
            <span className={`checks-state checks-state-${attempt.status}`}>
              {stateSymbols[attempt.status]} {t(`checks.states.${attempt.status}`)}
            </span>
            <Typography.Text type="secondary">
              {t('checks.evidence.attempt', { attempt: attempt.attempt })} · {formatElapsed(attempt.elapsedMs)}
            </Typography.Text>
          </div>
          {attempt.message ? (
            <Typography.Paragraph className="checks-message" data-testid="check-attempt-message">
              {attempt.message}
            </Typography.Paragraph>
          ) : null}
          <div className="checks-evidence-label">{t('checks.evidence.command')}</div>
          <pre className="checks-command" data-testid="check-command">
            {attempt.command === '' ? t('checks.evidence.noCommand') : attempt.command.split('\n').map((line) => `$ ${line}`).join('\n')}
          </pre>
          <div className="checks-evidence-label">{laptop ? t('checks.evidence.laptopOutput') : t('checks.evidence.deviceOutput')}</div>
          <pre className="checks-output" data-testid="check-output">
            {attempt.output === '' ? t('checks.evidence.noOutput') : attempt.output}
          </pre>
        </section>
      ))}
    </div>
  );
}
