import { Col, Collapse, Form, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Charset, FlowControl, LineEndingName, Parity } from '../../../../shared/contract';
import type { ConnectionTarget, LineEndingChoice, TransportKind } from '../../store';

const dataBits: ConnectionTarget['dataBits'][] = [8, 7, 6, 5];
const stopBits: ConnectionTarget['stopBits'][] = [1, 1.5, 2];
const lineEndings: LineEndingChoice[] = ['default', ...LineEndingName.options];
const charsetLabels: Record<ConnectionTarget['charset'], string> = { 'utf-8': 'UTF-8', gbk: 'GBK', gb18030: 'GB18030' };

/**
 * Settings a technician rarely touches, folded away: the serial line's framing (8N1 and no flow
 * control fit nearly every console) and, for every transport, line ending and character set
 * (GBK/GB18030 for Chinese descriptions on older devices).
 */
export function AdvancedSettings({ kind }: { kind: TransportKind }) {
  const { t } = useTranslation();
  const select = (name: keyof ConnectionTarget, label: string, testId: string, options: { value: string | number; label: string }[]) => (
    <Col span={12}>
      <Form.Item label={label} name={name}>
        <Select data-testid={testId} options={options} />
      </Form.Item>
    </Col>
  );

  const children = (
    <Row gutter={12}>
      {kind === 'serial' ? (
        <>
          {select('dataBits', t('connect.dataBits'), 'select-data-bits', dataBits.map((value) => ({ value, label: String(value) })))}
          {select('parity', t('connect.parity'), 'select-parity', Parity.options.map((value) => ({ value, label: t(`connect.parityChoices.${value}`) })))}
          {select('stopBits', t('connect.stopBits'), 'select-stop-bits', stopBits.map((value) => ({ value, label: String(value) })))}
          {select(
            'flowControl',
            t('connect.flowControl'),
            'select-flow-control',
            FlowControl.options.map((value) => ({ value, label: t(`connect.flowControlChoices.${value}`) })),
          )}
        </>
      ) : null}
      {select('lineEnding', t('connect.lineEnding'), 'select-line-ending', lineEndings.map((value) => ({ value, label: t(`connect.lineEndingChoices.${value}`) })))}
      {select('charset', t('connect.charset'), 'select-charset', Charset.options.map((value) => ({ value, label: charsetLabels[value] })))}
    </Row>
  );

  return (
    <Collapse
      ghost
      size="small"
      className="connect-advanced"
      items={[{ key: 'advanced', label: t('connect.advanced'), children, forceRender: true }]}
      data-testid="advanced-settings"
    />
  );
}
