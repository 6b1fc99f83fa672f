import { Card, Descriptions, Empty, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceFacts } from '../../../../shared/contract';
import { useEndpoint, useFacts, useSessionPhase, type SessionPhase } from '../../store';

const phaseColor: Record<SessionPhase, string> = {
  idle: 'default',
  connecting: 'processing',
  ready: 'success',
  busy: 'warning',
  closing: 'default',
  closed: 'default',
};

const factKeys = ['hostname', 'vendor', 'model', 'serial', 'version', 'uptime'] as const satisfies readonly (keyof DeviceFacts)[];

export function DeviceCard() {
  const { t } = useTranslation();
  const facts = useFacts();
  const phase = useSessionPhase();
  const endpoint = useEndpoint();

  /** Only the serial number is offered for copying: it goes into tickets and asset lists. */
  const value = (text: string | null, testId: string, copyable = false) => (
    <Typography.Text data-testid={testId} copyable={copyable && text ? { tooltips: false } : false}>
      {text ?? t('device.unknown')}
    </Typography.Text>
  );

  const body = facts ? (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
      items={[
        ...factKeys.map((key) => ({ key, label: t(`device.${key}`), children: value(facts[key], `fact-${key}`, key === 'serial') })),
        { key: 'dialect', label: t('device.dialect'), children: value(t(`dialects.${facts.dialect}`), 'fact-dialect') },
      ]}
    />
  ) : phase === 'connecting' ? (
    <Skeleton active paragraph={{ rows: 4 }} title={false} />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('device.empty')} />
  );

  return (
    <Card
      size="small"
      title={t('device.title')}
      data-testid="device-card"
      extra={
        <span className="device-card-extra">
          <Tag color={phaseColor[phase]} data-testid="session-state" data-state={phase}>
            {t(`sessionState.${phase}`)}
          </Tag>
        </span>
      }
    >
      {/* A serial path can be long: it gets its own line rather than squeezing the title. */}
      {endpoint && (phase === 'ready' || phase === 'busy') ? (
        <Typography.Paragraph type="secondary" ellipsis={{ tooltip: endpoint }} className="device-card-endpoint" data-testid="device-endpoint">
          {t('connect.connectedTo', { endpoint })}
        </Typography.Paragraph>
      ) : null}
      {body}
    </Card>
  );
}
