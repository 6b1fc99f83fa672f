import { Button, Col, Form, Row, Space, Typography, type FormInstance } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useFacts, useLanguage, useParameterProblems, useProfileLibrary, useProvisionRun, useSessionPhase } from '../../store';
import { problemsByParameter } from './parameterProblems';
import { ParameterFieldItem } from './ParameterFieldItem';
import type { ParameterField, ParameterValues } from './provisionSource';
import { SheetImport } from './SheetImport';

interface ParametersStepProps {
  form: FormInstance<ParameterValues>;
  fields: readonly ParameterField[];
  onBack: () => void;
  onPlan: () => void;
}

/** The typed form for the selected profiles' parameters, with the site-sheet import above it. */
export function ParametersStep({ form, fields, onBack, onPlan }: ParametersStepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { profiles } = useProfileLibrary();
  const problems = problemsByParameter(useParameterProblems());
  const { planning } = useProvisionRun();
  const facts = useFacts();
  const phase = useSessionPhase();
  const connected = phase === 'ready';
  const profileNames = useMemo(() => new Map(profiles.map((profile) => [profile.id, profile.name[language]])), [profiles, language]);

  const fill = (values: ParameterValues) => {
    form.setFieldsValue(values);
    for (const name of Object.keys(values)) useAppStore.getState().clearParameterProblem(name);
  };

  return (
    <div className="provision-step">
      <Typography.Paragraph type="secondary">{t('provision.parameters.hint')}</Typography.Paragraph>
      <SheetImport fields={fields} dialect={facts?.dialect} onFill={fill} />
      <Form<ParameterValues>
        form={form}
        name="provision-parameters"
        layout="vertical"
        className="provision-form"
        requiredMark
        onValuesChange={(changed: ParameterValues) => {
          for (const name of Object.keys(changed)) useAppStore.getState().clearParameterProblem(name);
        }}
        onFinish={onPlan}
        data-testid="parameters-form"
      >
        <Row gutter={16}>
          {fields.map((field) => (
            <Col key={field.parameter.name} xs={24} xl={12}>
              <ParameterFieldItem field={field} problem={problems.get(field.parameter.name)} profileNames={profileNames} />
            </Col>
          ))}
        </Row>
        <div className="provision-actions">
          <Button onClick={onBack} data-testid="button-parameters-back">
            {t('provision.back')}
          </Button>
          <Space>
            <Button type="primary" htmlType="submit" loading={planning} disabled={!connected} data-testid="button-plan">
              {t('provision.parameters.plan')}
            </Button>
          </Space>
        </div>
      </Form>
    </div>
  );
}
