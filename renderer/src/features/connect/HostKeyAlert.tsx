import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostKeyChange } from './hostKeyChange';

interface HostKeyAlertProps {
  change: HostKeyChange;
  /** Reconnects with `acceptHostKey` = the presented fingerprint. */
  onTrust: () => void;
  /** Closes the warning without connecting. */
  onCancel: () => void;
  disabled: boolean;
}

/**
 * A changed SSH host key is the one error that may mean an attack, so it interrupts in a modal
 * (the side column is too narrow and may be scrolled): plain words, both fingerprints to compare,
 * and an explicit confirmation instead of a retry. Cancel is the default, safe choice.
 */
export function HostKeyAlert({ change, onTrust, onCancel, disabled }: HostKeyAlertProps) {
  const { t } = useTranslation();
  const fingerprint = (value: string, testId: string) => (
    <Typography.Text code className="fingerprint" data-testid={testId}>
      {value}
    </Typography.Text>
  );
  return (
    <Modal
      open
      width={620}
      maskClosable={false}
      onCancel={onCancel}
      title={null}
      footer={[
        <Button key="cancel" onClick={onCancel} data-testid="button-cancel-host-key">
          {t('hostKey.cancel')}
        </Button>,
        <Button key="trust" danger type="primary" onClick={onTrust} disabled={disabled} data-testid="button-trust-host-key">
          {t('hostKey.trust')}
        </Button>,
      ]}
    >
      <div className="host-key-alert" data-testid="host-key-changed">
        <Alert
          type="error"
          showIcon
          title={t('hostKey.title')}
          description={
            <>
              <Typography.Paragraph>{t('hostKey.explanation')}</Typography.Paragraph>
              <Typography.Paragraph>{t('hostKey.advice')}</Typography.Paragraph>
            </>
          }
        />
        <Descriptions
          className="host-key-fingerprints"
          size="small"
          column={1}
          bordered
          styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'stored', label: t('hostKey.stored'), children: fingerprint(change.storedFingerprint, 'host-key-stored') },
            { key: 'presented', label: t('hostKey.presented'), children: fingerprint(change.presentedFingerprint, 'host-key-presented') },
          ]}
        />
      </div>
    </Modal>
  );
}
