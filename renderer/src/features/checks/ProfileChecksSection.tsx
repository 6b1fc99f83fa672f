import { Checkbox, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore, useLanguage, useSessionPhase } from '../../store';
import { useProfileChecksOffer } from './hooks';

/** The checks of the profiles chosen in the provisioning wizard, run with the wizard's values. */
export function ProfileChecksSection({ running }: { running: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const connected = useSessionPhase() === 'ready';
  const { profileIds, profiles, available, include, appliedRunId } = useProfileChecksOffer();
  const names = profileIds.map((id) => ({ id, name: profiles.find((profile) => profile.id === id)?.name[language] ?? id }));
  const status = available
    ? appliedRunId
      ? t('checks.profiles.applied', { runId: appliedRunId })
      : t('checks.profiles.planned')
    : profileIds.length > 0 && !connected
      ? t('checks.profiles.needsSession')
      : t('checks.profiles.none');

  return (
    <div className="checks-profiles" data-testid="checks-profiles" data-available={String(available)}>
      <Checkbox
        checked={available && include}
        disabled={!available || running}
        onChange={(event) => useAppStore.getState().setIncludeProfileChecks(event.target.checked)}
        data-testid="checks-include-profiles"
      >
        {t('checks.profiles.include')}
      </Checkbox>
      {names.map(({ id, name }) => (
        <Tag key={id} color={available ? 'geekblue' : undefined}>
          {name}
        </Tag>
      ))}
      <Typography.Text type="secondary" className="checks-profiles-status" data-testid="checks-profiles-status">
        {status}
      </Typography.Text>
    </div>
  );
}
