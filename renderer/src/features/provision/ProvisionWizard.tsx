import { Alert, Card, Form, Steps, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  provisionSteps,
  useAppStore,
  useFacts,
  useProfileLibrary,
  useProvisionError,
  useProvisionRun,
  useProvisionStep,
  useSelectedProfileIds,
  useSessionPhase,
  type ProvisionStep,
} from '../../store';
import { applyProvisioning, loadProfiles, planProvisioning, rollbackProvisioning } from './actions';
import { ParametersStep } from './ParametersStep';
import { PlanStep } from './PlanStep';
import { ProfilesStep } from './ProfilesStep';
import { ProvisionErrorAlert } from './ProvisionErrorAlert';
import { buildProfileSource, parameterFields, type ParameterValues } from './provisionSource';
import { RunStep } from './RunStep';

/**
 * Profiles → parameters → preview (the dry run) → apply → save. The parameters form lives here,
 * mounted for the wizard's whole life (hidden on other steps), so its values, secrets among them,
 * stay in component state and are read only to build each request.
 */
export function ProvisionWizard() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ParameterValues>();
  const step = useProvisionStep();
  const { profiles } = useProfileLibrary();
  const selected = useSelectedProfileIds();
  const error = useProvisionError();
  const { applying, rollingBack, report } = useProvisionRun();
  const facts = useFacts();
  const connected = useSessionPhase() === 'ready';
  const fields = useMemo(() => parameterFields(profiles, selected), [profiles, selected]);

  useEffect(() => {
    void loadProfiles();
  }, []);

  const go = (next: ProvisionStep) => useAppStore.getState().setProvisionStep(next);
  const source = () => buildProfileSource(selected, form.getFieldsValue(true), fields);
  const current = provisionSteps.indexOf(step);
  const busy = applying || rollingBack;
  /** Going back is always possible except mid-run; forward only to a step that has its data. */
  const reachable = (target: ProvisionStep) => {
    if (busy) return false;
    if (target === 'profiles') return true;
    if (target === 'parameters') return selected.length > 0;
    if (target === 'plan') return useAppStore.getState().plan !== null;
    return report !== null;
  };

  return (
    <Card
      size="small"
      className="provision-card"
      title={t('provision.title')}
      extra={
        facts ? (
          <Typography.Text type="secondary" data-testid="provision-device">
            {t('provision.device', { hostname: facts.hostname ?? '?', dialect: t(`dialects.${facts.dialect}`) })}
          </Typography.Text>
        ) : null
      }
      data-testid="provision-wizard"
    >
      <Steps
        size="small"
        current={current}
        status={step === 'result' ? 'finish' : undefined}
        className="provision-steps"
        onChange={(index) => {
          const target = provisionSteps[index];
          if (target && reachable(target)) go(target);
        }}
        items={provisionSteps.map((id) => ({
          title: <span data-testid={`step-${id}`}>{t(`provision.steps.${id}`)}</span>,
          disabled: !reachable(id),
        }))}
        data-testid="provision-steps"
      />
      {connected ? null : <Alert className="provision-alert" type="warning" showIcon title={t('provision.noSession')} data-testid="provision-no-session" />}
      {error ? <ProvisionErrorAlert error={error} onClose={() => useAppStore.getState().setProvisionError(null)} /> : null}
      {step === 'profiles' ? <ProfilesStep onNext={() => go('parameters')} /> : null}
      <div hidden={step !== 'parameters'}>
        <ParametersStep form={form} fields={fields} onBack={() => go('profiles')} onPlan={() => void planProvisioning(source())} />
      </div>
      {step === 'plan' ? (
        <PlanStep onBack={() => go('parameters')} onRefresh={() => void planProvisioning(source())} onApply={() => void applyProvisioning(source())} />
      ) : null}
      {step === 'apply' || step === 'result' ? (
        <RunStep
          onRollback={() => void rollbackProvisioning(source())}
          onResume={() => void applyProvisioning(source(), report?.runId)}
          onRecheck={() => void planProvisioning(source())}
          onRestart={() => {
            form.resetFields();
            useAppStore.getState().resetProvision();
          }}
        />
      ) : null}
    </Card>
  );
}
