import { Alert, Button, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { runFinished, useProvisionPlan, useProvisionProgress, useProvisionRun, useSessionPhase } from '../../store';
import { RollbackResult } from './RollbackResult';
import { RunResult } from './RunResult';
import { formatBytes, formatDuration, percentDone } from './runFormat';

interface RunStepProps {
  onRollback: () => void;
  onResume: () => void;
  onRecheck: () => void;
  onRestart: () => void;
}

/**
 * The apply as it happens (line i of n, bytes, time, the line being typed; the live terminal is
 * beside the wizard), then its outcome: the refused line with the device's words, or the drop,
 * with rollback and resume; or the result with the save.
 */
export function RunStep({ onRollback, onResume, onRecheck, onRestart }: RunStepProps) {
  const { t } = useTranslation();
  const progress = useProvisionProgress();
  const plan = useProvisionPlan();
  const { applying, report, rollingBack, rollback } = useProvisionRun();
  const connected = useSessionPhase() === 'ready';

  const total = report?.planned ?? progress?.total ?? plan?.lines.length ?? 0;
  const index = report ? report.acknowledged : (progress?.index ?? 0);
  const failed = report?.failedLine ?? null;
  const interrupted = report?.interrupted ?? null;
  const finished = report !== null && runFinished(report);
  const busy = applying || rollingBack;

  const recovery = (
    <Space wrap>
      {failed ? (
        <Button danger onClick={onRollback} loading={rollingBack} disabled={!connected || busy} data-testid="button-rollback">
          {t('provision.run.rollback')}
        </Button>
      ) : null}
      <Button onClick={onResume} disabled={!connected || busy} data-testid="button-resume">
        {t('provision.run.resume')}
      </Button>
      {connected ? null : <Typography.Text type="secondary">{t('provision.run.reconnectFirst')}</Typography.Text>}
    </Space>
  );

  return (
    <div className="provision-step">
      <div className="provision-progress" data-testid="run-progress">
        <Progress
          percent={percentDone(index, total)}
          status={failed || interrupted ? 'exception' : finished ? 'success' : 'active'}
          showInfo={false}
        />
        <Space size="large" wrap className="provision-progress-figures">
          <Typography.Text strong data-testid="run-progress-count" data-index={index} data-total={total}>
            {t('provision.run.progress', { index, total })}
          </Typography.Text>
          {progress ? <Typography.Text type="secondary">{t('provision.run.bytes', { bytes: formatBytes(progress.bytesSent) })}</Typography.Text> : null}
          {progress ? <Typography.Text type="secondary">{t('provision.run.elapsed', { elapsed: formatDuration(progress.elapsedMs) })}</Typography.Text> : null}
          {applying && progress?.estimateMs != null ? (
            <Typography.Text type="secondary">{t('provision.run.estimate', { remaining: formatDuration(progress.estimateMs) })}</Typography.Text>
          ) : null}
        </Space>
        {applying ? (
          <Typography.Paragraph type="secondary" className="provision-current-line" ellipsis>
            {progress ? (
              <>
                {t('provision.run.currentLine')}
                <code>{progress.line}</code>
              </>
            ) : (
              t('provision.run.applying')
            )}
          </Typography.Paragraph>
        ) : null}
      </div>

      {failed ? (
        <Alert
          className="provision-alert"
          type="error"
          showIcon
          title={
            failed.number === null
              ? t('provision.run.failedTitleNoNumber', { text: failed.text })
              : t('provision.run.failedTitle', { number: failed.number, text: failed.text })
          }
          description={
            <>
              <div>{t('provision.run.deviceSaid')}</div>
              <pre className="provision-device-message" data-testid="run-failed-message">
                {failed.message}
              </pre>
              <Typography.Paragraph type="secondary">{t('provision.run.failedHint')}</Typography.Paragraph>
              {recovery}
            </>
          }
          data-testid="run-failed"
          data-line={failed.number ?? ''}
        />
      ) : null}
      {interrupted ? (
        <Alert
          className="provision-alert"
          type="error"
          showIcon
          title={t('provision.run.interruptedTitle', { index: interrupted.index, message: interrupted.message })}
          description={
            <>
              <Typography.Paragraph type="secondary">{t('provision.run.interruptedHint')}</Typography.Paragraph>
              {recovery}
            </>
          }
          data-testid="run-interrupted"
        />
      ) : null}
      {rollingBack ? <Alert className="provision-alert" type="info" showIcon title={t('provision.run.rollingBack')} /> : null}
      {rollback && !rollingBack ? <RollbackResult report={rollback} /> : null}
      {finished && report ? <RunResult report={report} onRecheck={onRecheck} onRestart={onRestart} /> : null}
      {report && !finished && !busy ? (
        <div className="provision-actions">
          <span />
          <Button onClick={onRestart} data-testid="button-restart">
            {t('provision.result.restart')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
