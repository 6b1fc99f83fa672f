import { Alert, Button, Card, Col, ConfigProvider, Form, Input, InputNumber, Row, Select, Space, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DialectChoice } from '../../../../shared/contract';
import { TELNET_DEFAULT_PORT, useSessionControls, useSessionError, useTarget, useAppStore } from '../../store';
import { connect, disconnect } from './actions';
import { describeError } from './errorText';

/** Form fields; the two secrets live only in this form's own state. */
interface ConnectFormValues {
  host: string;
  port: number;
  username?: string;
  password?: string;
  enableSecret?: string;
  dialect: DialectChoice;
}

const dialectChoices: DialectChoice[] = ['auto', 'ios'];

export function ConnectForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ConnectFormValues>();
  const target = useTarget();
  const { phase, hostLink } = useSessionControls();
  const error = useSessionError();
  const connecting = phase === 'connecting';
  const live = phase === 'ready' || phase === 'busy';
  const hostReady = hostLink === 'open';

  const submit = (values: ConnectFormValues) => {
    void connect(
      { host: values.host.trim(), port: values.port, username: values.username ?? '', dialect: values.dialect },
      { password: values.password ?? '', enableSecret: values.enableSecret ?? '' },
    );
  };

  const described = error ? describeError(error, t) : null;

  return (
    <Card size="small" title={t('connect.title')} extra={<Tag>{t('connect.telnet')}</Tag>}>
      <Form<ConnectFormValues>
        form={form}
        name="connect"
        className="connect-form"
        layout="vertical"
        size="middle"
        requiredMark={false}
        disabled={connecting || live}
        initialValues={{ host: target.host, port: target.port, username: target.username, dialect: target.dialect }}
        onFinish={submit}
        data-testid="connect-form"
      >
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item label={t('connect.host')} name="host" rules={[{ required: true, whitespace: true, message: t('connect.hostRequired') }]}>
              <Input placeholder={t('connect.hostPlaceholder')} autoComplete="off" spellCheck={false} data-testid="input-host" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label={t('connect.port')}
              name="port"
              rules={[{ required: true, type: 'integer', min: 1, max: 65535, message: t('connect.portInvalid') }]}
            >
              <InputNumber min={1} max={65535} precision={0} style={{ width: '100%' }} placeholder={String(TELNET_DEFAULT_PORT)} data-testid="input-port" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('connect.username')} name="username">
          <Input placeholder={t('connect.usernamePlaceholder')} autoComplete="off" spellCheck={false} data-testid="input-username" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('connect.password')} name="password">
              <Input.Password visibilityToggle={false} autoComplete="off" data-testid="input-password" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('connect.enableSecret')} name="enableSecret">
              <Input.Password visibilityToggle={false} autoComplete="off" data-testid="input-enable-secret" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('connect.dialect')} name="dialect">
          <Select
            data-testid="select-dialect"
            options={dialectChoices.map((choice) => ({
              value: choice,
              label: choice === 'auto' ? t('dialectChoice.auto') : t(`dialects.${choice}`),
            }))}
          />
        </Form.Item>
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
        <Alert
          className="connect-status"
          type="info"
          showIcon
          icon={<Spin size="small" />}
          title={t('connect.connecting')}
          data-testid="connect-progress"
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
