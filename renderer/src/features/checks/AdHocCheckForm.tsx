import { Button, Form, Input, InputNumber, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { adHocKinds, buildAdHocCheck, DEFAULT_DEVICE_PING_COUNT, DEFAULT_HOST_PING_COUNT, validTarget, type AdHocKind, type AdHocValues } from './adHocChecks';

const MAX_RETRY_SECONDS = 3600;

/** Adds one ad-hoc check to the list; the target is checked here so the host never gets an unusable one. */
export function AdHocCheckForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<AdHocValues>();
  const kind: AdHocKind = Form.useWatch('kind', form) ?? 'ping';
  const pings = kind === 'ping' || kind === 'host-ping';

  /** A blank is fine where a value is optional; anything typed must be one usable token. */
  const token = (check: AdHocKind) => (_rule: unknown, value: unknown) =>
    typeof value !== 'string' || value.trim() === '' || validTarget(check, value) ? Promise.resolve() : Promise.reject(new Error(t('checks.adHoc.targetInvalid')));

  const add = (values: AdHocValues) => {
    const taken = new Set(useAppStore.getState().checkRows.map((row) => row.id));
    useAppStore.getState().addCheck(buildAdHocCheck({ ...values, kind }, taken));
    form.setFieldsValue({ target: '' });
  };

  return (
    <Form<AdHocValues>
      form={form}
      name="checks-ad-hoc"
      layout="vertical"
      className="checks-ad-hoc"
      initialValues={{ kind: 'ping', target: '', retrySeconds: 0 }}
      onFinish={add}
      data-testid="adhoc-form"
    >
      <Form.Item name="kind" label={t('checks.adHoc.kind')}>
        <Segmented<AdHocKind>
          size="small"
          options={adHocKinds.map((value) => ({ value, label: <span data-testid={`adhoc-kind-${value}`}>{t(`checks.adHoc.kinds.${value}`)}</span> }))}
        />
      </Form.Item>
      <div className="checks-ad-hoc-fields">
        <Form.Item
          name="target"
          label={t(`checks.adHoc.targetLabels.${kind}`)}
          className="checks-ad-hoc-target"
          rules={[
            { required: true, whitespace: true, message: t('checks.adHoc.targetRequired') },
            { validator: token(kind) },
          ]}
        >
          <Input autoComplete="off" spellCheck={false} placeholder={t(`checks.adHoc.targetPlaceholders.${kind}`)} data-testid="adhoc-target" />
        </Form.Item>
        {kind === 'tcp' ? (
          <Form.Item name="port" label={t('checks.adHoc.port')} rules={[{ required: true, message: t('checks.adHoc.portRequired') }]}>
            <InputNumber min={1} max={65535} precision={0} data-testid="adhoc-port" />
          </Form.Item>
        ) : null}
        {pings ? (
          <Form.Item name="count" label={t('checks.adHoc.count')}>
            <InputNumber
              min={1}
              max={kind === 'ping' ? 1000 : 100}
              precision={0}
              placeholder={String(kind === 'ping' ? DEFAULT_DEVICE_PING_COUNT : DEFAULT_HOST_PING_COUNT)}
              data-testid="adhoc-count"
            />
          </Form.Item>
        ) : null}
        {kind === 'ping' ? (
          <Form.Item name="source" label={t('checks.adHoc.source')} rules={[{ validator: token('ping') }]}>
            <Input autoComplete="off" spellCheck={false} placeholder={t('checks.adHoc.sourcePlaceholder')} data-testid="adhoc-source" />
          </Form.Item>
        ) : null}
        <Form.Item name="retrySeconds" label={t('checks.adHoc.retry')} tooltip={t('checks.adHoc.retryHint')}>
          <InputNumber min={0} max={MAX_RETRY_SECONDS} precision={0} data-testid="adhoc-retry" />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button htmlType="submit" data-testid="adhoc-add">
            {t('checks.adHoc.add')}
          </Button>
        </Form.Item>
      </div>
    </Form>
  );
}
