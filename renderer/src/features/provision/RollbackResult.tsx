import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RollbackReport } from '../../../../shared/contract';

const MAX_LISTED = 5;

/** The rollback's outcome: back at the backup, sent without a comparison, stopped at a line, or impossible. */
export function RollbackResult({ report }: { report: RollbackReport }) {
  const { t } = useTranslation();
  const list = (lines: readonly string[]) => lines.slice(0, MAX_LISTED).join(' · ') + (lines.length > MAX_LISTED ? ' …' : '');

  if (!report.available) {
    return <Alert className="provision-alert" type="warning" showIcon title={t('provision.run.rollbackUnavailable', { note: report.note })} data-testid="rollback-result" data-outcome="unavailable" />;
  }
  if (report.failedLine) {
    return (
      <Alert
        className="provision-alert"
        type="error"
        showIcon
        title={t('provision.run.rollbackFailed', { number: report.failedLine.number ?? '?', text: report.failedLine.text })}
        description={<pre className="provision-device-message">{report.failedLine.message}</pre>}
        data-testid="rollback-result"
        data-outcome="failed"
      />
    );
  }
  if (report.matchesBackup === false && report.differences) {
    const { missing, extra } = report.differences;
    return (
      <Alert
        className="provision-alert"
        type="warning"
        showIcon
        title={t('provision.run.rollbackDiffers')}
        description={[missing.length > 0 ? t('provision.run.missing', { lines: list(missing) }) : null, extra.length > 0 ? t('provision.run.extra', { lines: list(extra) }) : null]
          .filter((line) => line !== null)
          .join('；')}
        data-testid="rollback-result"
        data-outcome="differs"
      />
    );
  }
  return (
    <Alert
      className="provision-alert"
      type="success"
      showIcon
      title={report.matchesBackup ? t('provision.run.rollbackDone') : t('provision.run.rollbackDoneNoBackup', { sent: report.sent })}
      {...(report.skipped.length > 0 ? { description: t('provision.run.rollbackSkipped', { count: report.skipped.length, lines: list(report.skipped) }) } : {})}
      data-testid="rollback-result"
      data-outcome="done"
    />
  );
}
