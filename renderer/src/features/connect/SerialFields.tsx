import { AutoComplete, Button, Col, Form, Row, Select, Space, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSerialPorts } from '../../store';
import { refreshSerialPorts } from './actions';
import { errorDetail } from './errorText';
import { serialPortLabel } from './serialPortLabel';

const baudRates = [9600, 19200, 38400, 57600, 115200] as const;

/** Port (picked from `serial.list` or typed: pseudo-terminals and some COM names are never listed) and speed. */
export function SerialFields() {
  const { t } = useTranslation();
  const { ports, loading, error } = useSerialPorts();

  useEffect(() => {
    void refreshSerialPorts();
  }, []);

  const extra = error
    ? t('connect.portsFailed', { message: errorDetail(error.message) })
    : ports.length > 0
      ? t('connect.portsFound', { count: ports.length })
      : t('connect.portsNone');

  return (
    <Row gutter={12}>
      <Col span={15}>
        <Form.Item label={t('connect.serialPath')} required extra={<span data-testid="serial-ports-hint">{extra}</span>}>
          <Space.Compact block>
            <Form.Item name="path" noStyle rules={[{ required: true, whitespace: true, message: t('connect.serialPathRequired') }]}>
              <AutoComplete
                options={ports.map((port) => ({ value: port.path, label: serialPortLabel(port) }))}
                placeholder={t('connect.serialPathPlaceholder')}
                popupMatchSelectWidth={false}
                style={{ flex: 1, minWidth: 0 }}
                data-testid="input-serial-path"
              />
            </Form.Item>
            <Tooltip title={t('connect.refreshPorts')}>
              {/* A text glyph: @ant-design/icons is not a direct dependency of the project. */}
              <Button
                loading={loading}
                onClick={() => void refreshSerialPorts()}
                aria-label={t('connect.refreshPorts')}
                data-testid="button-refresh-ports"
              >
                {loading ? null : '↻'}
              </Button>
            </Tooltip>
          </Space.Compact>
        </Form.Item>
      </Col>
      <Col span={9}>
        <Form.Item label={t('connect.baudRate')} name="baudRate">
          <Select
            data-testid="select-baud-rate"
            options={[{ value: 'auto' as const, label: t('connect.baudAuto') }, ...baudRates.map((rate) => ({ value: rate, label: String(rate) }))]}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
