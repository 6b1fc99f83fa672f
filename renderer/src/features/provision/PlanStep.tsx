import { Alert, Button, Checkbox, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApplyOptions, useAppStore, useLanguage, useProfileLibrary, useProvisionPlan, useProvisionRun, useSessionPhase } from '../../store';
import { DiffView } from './DiffView';

interface PlanStepProps {
  onBack: () => void;
  onRefresh: () => void;
  onApply: () => void;
}

/** The dry run: what would be sent and how it differs from the running configuration. */
export function PlanStep({ onBack, onRefresh, onApply }: PlanStepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const plan = useProvisionPlan();
  const options = useApplyOptions();
  const { planning, applying } = useProvisionRun();
  const { profiles } = useProfileLibrary();
  const connected = useSessionPhase() === 'ready';
  if (!plan) return null;
  const profileName = (id: string | null) => (id ? (profiles.find((profile) => profile.id === id)?.name[language] ?? id) : null);
  const nothing = plan.lines.length === 0;

  return (
    <div className="provision-step">
      <Space size="large" className="provision-plan-stats">
        <Statistic title={t('provision.plan.toSend')} value={plan.lines.length} data-testid="plan-count" />
        <Statistic title={t('provision.plan.present')} value={plan.alreadyPresent} data-testid="plan-present" />
      </Space>
      <Typography.Paragraph type="secondary" data-testid="plan-summary">
        {t('provision.plan.summary', { count: plan.lines.length, present: plan.alreadyPresent })} · {t('provision.plan.masked')}
      </Typography.Paragraph>
      {nothing ? (
        <Alert type="success" showIcon title={t('provision.plan.nothing')} description={t('provision.plan.nothingDetail')} data-testid="plan-nothing" />
      ) : (
        <>
          <Typography.Title level={5}>{t('provision.plan.diffTitle')}</Typography.Title>
          <DiffView diff={plan.diff} />
          <Typography.Title level={5}>{t('provision.plan.linesTitle')}</Typography.Title>
          <ol className="provision-lines" data-testid="plan-lines">
            {plan.lines.map((line, index) => (
              <li key={index} data-testid="plan-line" title={profileName(line.profileId) ?? undefined}>
                <span className="provision-line-number">{line.number ?? '·'}</span>
                <code>{line.text}</code>
              </li>
            ))}
          </ol>
          <Space direction="vertical" size={4} className="provision-options">
            <Checkbox
              checked={options.save}
              onChange={(event) => useAppStore.getState().setApplyOptions({ ...options, save: event.target.checked })}
              data-testid="option-save"
            >
              {t('provision.plan.optionSave')}
            </Checkbox>
            <Checkbox
              checked={options.rollbackOnFailure}
              onChange={(event) => useAppStore.getState().setApplyOptions({ ...options, rollbackOnFailure: event.target.checked })}
              data-testid="option-rollback"
            >
              {t('provision.plan.optionRollback')}
            </Checkbox>
          </Space>
        </>
      )}
      <div className="provision-actions">
        <Button onClick={onBack} data-testid="button-plan-back">
          {t('provision.back')}
        </Button>
        <Space>
          <Button onClick={onRefresh} loading={planning} disabled={!connected || applying} data-testid="button-replan">
            {t('provision.plan.refresh')}
          </Button>
          <Button type="primary" onClick={onApply} disabled={nothing || !connected || planning} loading={applying} data-testid="button-apply">
            {t('provision.plan.apply')}
          </Button>
        </Space>
      </div>
    </div>
  );
}
