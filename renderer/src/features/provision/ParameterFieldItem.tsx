import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ParameterProblemView } from '../../../../shared/contract';
import { useLanguage } from '../../store';
import type { ParameterField } from './provisionSource';

const typeHintKeys = new Set(['ipv4', 'ipv4-prefix', 'ipv4-mask', 'ipv4-wildcard', 'interface', 'vlan', 'asn', 'phone', 'hostname', 'integer', 'enum']);
type TypeHintKey = 'ipv4' | 'ipv4-prefix' | 'ipv4-mask' | 'ipv4-wildcard' | 'interface' | 'vlan' | 'asn' | 'phone' | 'hostname' | 'integer' | 'enum';
const isTypeHintKey = (type: string): type is TypeHintKey => typeHintKeys.has(type);

interface ParameterFieldItemProps {
  field: ParameterField;
  problem: ParameterProblemView | undefined;
  /** Profile names by id, for the "used by" note of a shared field. */
  profileNames: ReadonlyMap<string, string>;
}

/**
 * One typed field. Values stay text (as a sheet cell would be) and are checked by the host, whose
 * message for this parameter is shown under the field in the current language. A secret is a
 * password box without a reveal toggle; an enum a select; everything else a plain text box.
 */
export function ParameterFieldItem({ field, problem, profileNames }: ParameterFieldItemProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { parameter } = field;
  const label = parameter.label?.[language] ?? parameter.name;
  const hint = isTypeHintKey(parameter.type)
    ? t(`provision.parameters.typeHints.${parameter.type}`, { min: parameter.min ?? '', max: parameter.max ?? '' })
    : undefined;
  const placeholder = parameter.default !== undefined ? t('provision.parameters.defaultValue', { value: parameter.default }) : hint;
  const notes: string[] = [];
  if (parameter.secret) notes.push(t('provision.parameters.secretHint'));
  if (field.profileIds.length > 1) notes.push(t('provision.parameters.usedBy', { profiles: field.profileIds.map((id) => profileNames.get(id) ?? id).join(', ') }));
  const testId = `param-${parameter.name}`;

  const input = parameter.secret ? (
    <Input.Password visibilityToggle={false} autoComplete="new-password" placeholder={placeholder} maxLength={parameter.maxLength} data-testid={testId} />
  ) : parameter.type === 'enum' ? (
    <Select
      allowClear
      placeholder={placeholder}
      options={(parameter.values ?? []).map((value) => ({ value, label: value }))}
      data-testid={testId}
    />
  ) : (
    <Input autoComplete="off" spellCheck={false} placeholder={placeholder} maxLength={parameter.maxLength} data-testid={testId} />
  );

  return (
    <Form.Item
      name={parameter.name}
      label={
        <span className="provision-param-label">
          {label}
          <Typography.Text type="secondary" className="provision-param-name">
            {parameter.name}
          </Typography.Text>
        </span>
      }
      required={parameter.required && parameter.default === undefined}
      tooltip={parameter.description?.[language]}
      validateStatus={problem ? 'error' : undefined}
      help={problem ? <span data-testid={`problem-${parameter.name}`}>{problem.message[language]}</span> : undefined}
      extra={notes.length > 0 ? notes.join(' · ') : undefined}
    >
      {input}
    </Form.Item>
  );
}
