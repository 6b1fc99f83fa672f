import { Alert, Button, Card, Empty, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useFacts, useLanguage, useProfileLibrary, useSessionPhase } from '../../store';
import { runAllChecks } from './actions';
import { AdHocCheckForm } from './AdHocCheckForm';
import { formatElapsed, runCounts } from './checkFormat';
import { CheckRowView } from './CheckRowView';
import { useCheckRows, useChecksRun, useChecksRunning, useProfileChecksOffer } from './hooks';
import { ProfileChecksSection } from './ProfileChecksSection';
import { useNow } from './useNow';
import './checks.css';

/**
 * The checklist: the wizard's profile checks and ad-hoc checks, run together; rows fill in live
 * from `checks.progress` and open onto the command and the raw output of every attempt.
 */
export function ChecksPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = useCheckRows();
  const run = useChecksRun();
  const running = useChecksRunning();
  const facts = useFacts();
  const connected = useSessionPhase() === 'ready';
  const { profiles } = useProfileLibrary();
  const offer = useProfileChecksOffer();
  const now = useNow(running);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const counts = runCounts(rows);
  const profileName = (id: string | null) => (id === null ? null : (profiles.find((profile) => profile.id === id)?.name[language] ?? id));
  const waitingProfiles = running && run ? run.profileIds.filter((id) => !rows.some((row) => row.profileId === id)) : [];
  const canRun = rows.some((row) => row.spec !== null) || (offer.available && offer.include);
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Card
      size="small"
      className="checks-card"
      title={t('checks.title')}
      extra={
        facts ? (
          <Typography.Text type="secondary" data-testid="checks-device">
            {t('checks.device', { hostname: facts.hostname ?? '?', dialect: t(`dialects.${facts.dialect}`) })}
          </Typography.Text>
        ) : null
      }
      data-testid="checks-panel"
    >
      {connected ? null : <Alert type="info" showIcon title={t('checks.noSession')} data-testid="checks-no-session" />}
      <ProfileChecksSection running={running} />
      <AdHocCheckForm />
      <div className="checks-toolbar">
        <Button type="primary" loading={running} disabled={!canRun} onClick={() => void runAllChecks()} data-testid="checks-run-all">
          {run ? t('checks.rerunAll') : t('checks.runAll')}
        </Button>
        {run ? (
          <Typography.Text data-testid="checks-summary" data-done={counts.done} data-total={counts.total}>
            {t('checks.summary', { pass: counts.pass, fail: counts.fail, warn: counts.warn, error: counts.error })}
            <span className="checks-summary-elapsed" data-testid="checks-elapsed">
              {t('checks.totalElapsed', { elapsed: formatElapsed((run.finishedAt ?? now) - run.startedAt) })}
            </span>
          </Typography.Text>
        ) : null}
      </div>
      {run?.error ? (
        <Alert
          type="error"
          showIcon
          title={t(`errors.${run.error.code}`)}
          description={t('checks.runFailed', { message: run.error.message.split('\n')[0] ?? '' })}
          data-testid="checks-error"
          data-code={run.error.code}
        />
      ) : null}
      {rows.length === 0 && waitingProfiles.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checks.empty')} />
      ) : (
        <ul className="checks-list" data-testid="checks-list">
          {waitingProfiles.map((id) => (
            <li key={`waiting-${id}`} className="checks-row checks-row-pending" data-testid="checks-profile-waiting">
              <Typography.Text type="secondary">{t('checks.profiles.waiting', { profile: profileName(id) ?? id })}</Typography.Text>
            </li>
          ))}
          {rows.map((row) => (
            <CheckRowView
              key={row.id}
              row={row}
              busy={running}
              expanded={expanded.has(row.id)}
              onToggle={() => toggle(row.id)}
              onRemove={row.spec ? () => useAppStore.getState().removeCheck(row.id) : null}
              now={now}
              profileName={profileName(row.profileId)}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}
