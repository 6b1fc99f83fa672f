import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplyReport } from '../../../../shared/contract';
import { useApplyOptions, useProvisionRun, useSessionPhase } from '../../store';

interface RunResultProps {
  report: ApplyReport;
  onRecheck: () => void;
  onRestart: () => void;
}

/** The last step: every line acknowledged; whether the device saved it, in its own words; what was kept. */
export function RunResult({ report, onRecheck, onRestart }: RunResultProps) {
  const { t } = useTranslation();
  const { save } = useApplyOptions();
  const { planning } = useProvisionRun();
  const connected = useSessionPhase() === 'ready';
  const none = t('provision.result.none');
  const savedTag = report.saved ? (
    <Tag color="success">{t('provision.result.savedYes')}</Tag>
  ) : save ? (
    <Tag color="error">{t('provision.result.savedNo')}</Tag>
  ) : (
    <Tag>{t('provision.result.savedSkipped')}</Tag>
  );
  const path = (value: string | null) =>
    value ? (
      <Typography.Text code copyable={{ tooltips: false }} className="provision-path">
        {value}
      </Typography.Text>
    ) : (
      none
    );

  return (
    <div className="provision-result" data-testid="run-result">
      <Typography.Title level={5}>{t('provision.result.title')}</Typography.Title>
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'sent', label: t('provision.result.sent'), children: t('provision.result.sentValue', { acknowledged: report.acknowledged, planned: report.planned }) },
          {
            key: 'saved',
            label: t('provision.result.saved'),
            children: (
              <span data-testid="result-saved" data-saved={String(report.saved)}>
                {savedTag}
                {report.saveMessage ? <Typography.Text type="secondary">{t('provision.result.deviceText', { message: report.saveMessage })}</Typography.Text> : null}
              </span>
            ),
          },
          { key: 'backup', label: t('provision.result.backup'), children: path(report.backup) },
          { key: 'journal', label: t('provision.result.journal'), children: path(report.journal) },
          {
            key: 'run',
            label: t('provision.result.runId'),
            children: (
              <span data-testid="result-run-id">
                <Typography.Text code>{report.runId}</Typography.Text>
                {report.resumed ? (
                  <Typography.Text type="secondary">
                    {' '}
                    {t('provision.result.resumed', { runId: report.resumed.fromRunId, count: report.resumed.acknowledgedBefore })}
                  </Typography.Text>
                ) : null}
              </span>
            ),
          },
        ]}
      />
      <div className="provision-actions">
        <span />
        <Space>
          <Button onClick={onRecheck} loading={planning} disabled={!connected} data-testid="button-recheck">
            {t('provision.result.recheck')}
          </Button>
          <Button type="primary" onClick={onRestart} data-testid="button-restart">
            {t('provision.result.restart')}
          </Button>
        </Space>
      </div>
    </div>
  );
}
