import { Alert, Button, Card, Col, ConfigProvider, Form, Input, InputNumber, Row, Segmented, Select, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DialectChoice } from '../../../../shared/contract';
import {
  defaultTarget,
  SSH_DEFAULT_PORT,
  TELNET_DEFAULT_PORT,
  transportKinds,
  useAppStore,
  useSessionControls,
  useSessionError,
  useTarget,
  type TransportKind,
} from '../../store';
import { connect, disconnect } from './actions';
import { AdvancedSettings } from './AdvancedSettings';
import { describeError } from './errorText';
import { splitFormValues, type ConnectFormValues } from './formValues';
import { HostKeyAlert } from './HostKeyAlert';
import { hostKeyChange } from './hostKeyChange';
import { SerialFields } from './SerialFields';

const dialectChoices: DialectChoice[] = ['auto', 'ios'];
const defaultPorts: Partial<Record<TransportKind, number>> = { telnet: TELNET_DEFAULT_PORT, ssh: SSH_DEFAULT_PORT };

export function ConnectForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ConnectFormValues>();
  const target = useTarget();
  const kind: TransportKind = Form.useWatch('kind', form) ?? target.kind;
  const { phase, hostLink } = useSessionControls();
  const error = useSessionError();
  const connecting = phase === 'connecting';
  const live = phase === 'ready' || phase === 'busy';
  const hostReady = hostLink === 'open';

  /**
   * Reads the whole form store, fields of the other transports included (antd keeps the values
   * of fields that are not shown), so the request builder always gets a complete target.
   */
  const start = (acceptHostKey?: string) => {
    const stored: Partial<ConnectFormValues> = form.getFieldsValue(true);
    const { target: next, secrets } = splitFormValues({ ...defaultTarget, ...stored });
    void connect(next, secrets, acceptHostKey);
  };

  /** A port still at one protocol's default follows the switch to the other protocol's default. */
  const followDefaultPort = (changed: Partial<ConnectFormValues>) => {
    if (changed.kind === undefined) return;
    const next = defaultPorts[changed.kind];
    const current: unknown = form.getFieldValue('port');
    if (next !== undefined && typeof current === 'number' && Object.values(defaultPorts).includes(current)) form.setFieldValue('port', next);
  };

  const keyChange = hostKeyChange(error);
  const described = error && !keyChange ? describeError(error, t) : null;

  return (
    <Card size="small" title={t('connect.title')}>
      <Form<ConnectFormValues>
        form={form}
        name="connect"
        className="connect-form"
        layout="vertical"
        size="middle"
        requiredMark={false}
        disabled={connecting || live}
        initialValues={target}
        onValuesChange={followDefaultPort}
        onFinish={() => start()}
        data-testid="connect-form"
      >
        <Form.Item name="kind">
          <Segmented<TransportKind>
            block
            aria-label={t('connect.transport')}
            data-testid="select-transport"
            options={transportKinds.map((value) => ({ value, label: <span data-testid={`transport-${value}`}>{t(`connect.transports.${value}`)}</span> }))}
          />
        </Form.Item>
        {kind === 'serial' ? (
          <SerialFields />
        ) : (
          <Row gutter={12}>
            <Col span={16}>
              <Form.Item label={t('connect.host')} name="host" rules={[{ required: true, whitespace: true, message: t('connect.hostRequired') }]}>
                <Input placeholder={t('connect.hostPlaceholder')} autoComplete="off" spellCheck={false} data-testid="input-host" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('connect.port')} name="port" rules={[{ required: true, type: 'integer', min: 1, max: 65535, message: t('connect.portInvalid') }]}>
                <InputNumber min={1} max={65535} precision={0} style={{ width: '100%' }} data-testid="input-port" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              label={t('connect.username')}
              name="username"
              rules={kind === 'ssh' ? [{ required: true, whitespace: true, message: t('connect.usernameRequired') }] : []}
            >
              <Input placeholder={kind === 'ssh' ? undefined : t('connect.usernamePlaceholder')} autoComplete="off" spellCheck={false} data-testid="input-username" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('connect.password')} name="password">
              <Input.Password visibilityToggle={false} autoComplete="off" data-testid="input-password" />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'ssh' ? (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item label={t('connect.privateKeyPath')} name="privateKeyPath">
                <Input placeholder={t('connect.privateKeyPathPlaceholder')} autoComplete="off" spellCheck={false} data-testid="input-private-key-path" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={t('connect.passphrase')} name="passphrase">
                <Input.Password visibilityToggle={false} autoComplete="off" data-testid="input-passphrase" />
              </Form.Item>
            </Col>
          </Row>
        ) : null}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('connect.enableSecret')} name="enableSecret">
              <Input.Password visibilityToggle={false} autoComplete="off" data-testid="input-enable-secret" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('connect.dialect')} name="dialect">
              <Select
                data-testid="select-dialect"
                options={dialectChoices.map((choice) => ({
                  value: choice,
                  label: choice === 'auto' ? t('dialectChoice.auto') : t(`dialects.${choice}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <AdvancedSettings kind={kind} />
        {/* The buttons decide their own state; the form's `disabled` must not reach Disconnect. */}
        <ConfigProvider componentDisabled={false}>
          <Space>
            <Button type="primary" htmlType="submit" loading={connecting} disabled={!hostReady || live || phase === 'closing'} data-testid="button-connect">
              {t('connect.connect')}
            </Button>
            <Button onClick={() => void disconnect()} disabled={!live} loading={phase === 'closing'} data-testid="button-disconnect">
              {t('connect.disconnect')}
            </Button>
          </Space>
        </ConfigProvider>
      </Form>
      {connecting ? (
        <Alert className="connect-status" type="info" showIcon icon={<Spin size="small" />} title={t('connect.connecting')} data-testid="connect-progress" />
      ) : null}
      {keyChange ? (
        <HostKeyAlert
          change={keyChange}
          disabled={!hostReady || connecting || live}
          onCancel={() => useAppStore.getState().clearError()}
          onTrust={() =>
            void form
              .validateFields()
              .then(() => start(keyChange.presentedFingerprint))
              .catch(() => undefined)
          }
        />
      ) : null}
      {described ? (
        <Alert
          className="connect-status"
          type="error"
          showIcon
          title={described.title}
          description={described.detail}
          closable={{ onClose: () => useAppStore.getState().clearError() }}
          data-testid="connect-error"
        />
      ) : null}
    </Card>
  );
}
