import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/contract';
import { useParameterProblems } from '../../store';

const MAX_DETAIL_LENGTH = 400;

/** A failed wizard request: the code in the technician's words, the host's first lines as detail. */
export function ProvisionErrorAlert({ error, onClose }: { error: ErrorPayload; onClose: () => void }) {
  const { t } = useTranslation();
  const parameterProblems = useParameterProblems();
  const fieldProblems = error.code === 'InvalidRequest' && parameterProblems.length > 0;
  const detail = error.message
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !/^\s*at\s/.test(line))
    .slice(0, 3)
    .join(' ')
    .slice(0, MAX_DETAIL_LENGTH);
  return (
    <Alert
      className="provision-alert"
      type="error"
      showIcon
      title={fieldProblems ? t('provision.parameters.problemsTitle') : t(`errors.${error.code}`)}
      description={fieldProblems || detail === '' ? undefined : t('errors.detail', { message: detail })}
      closable={{ onClose }}
      data-testid="provision-error"
      data-code={error.code}
    />
  );
}
