import { Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../store';
import type { CheckRow } from '../../store/checksSlice';
import { rerunCheck } from './actions';
import { isAdHocKind } from './adHocChecks';
import { CheckEvidence } from './CheckEvidence';
import { formatElapsed, measuredText, rowState, secondsUntilRetry, stateSymbols } from './checkFormat';

interface CheckRowViewProps {
  row: CheckRow;
  /** Another run holds the line: nothing may start now. */
  busy: boolean;
  expanded: boolean;
  onToggle: () => void;
  onRemove: (() => void) | null;
  /** This window's clock, ticking while a run is live. */
  now: number;
  profileName: string | null;
}

/** A label from the ad-hoc spec itself, so it follows the language; a profile's check has its own title. */
function useRowLabel(row: CheckRow): string {
  const { t } = useTranslation();
  const language = useLanguage();
  if (row.title) return row.title[language];
  const spec = row.spec;
  if (!spec || !isAdHocKind(spec.kind)) return row.id;
  const text = (name: string) => (spec.params[name] === undefined ? '' : String(spec.params[name]));
  switch (spec.kind) {
    case 'ping':
      return text('source') === ''
        ? t('checks.labels.ping', { target: text('target'), times: text('count') })
        : t('checks.labels.pingSource', { target: text('target'), times: text('count'), source: text('source') });
    case 'host-ping':
      return t('checks.labels.hostPing', { target: text('target'), times: text('count') });
    case 'route':
      return t('checks.labels.route', { target: text('address') });
    case 'tcp':
      return t('checks.labels.tcp', { target: `${text('host')}:${text('port')}` });
    case 'dns':
      return t('checks.labels.dns', { target: text('name') });
  }
}

export function CheckRowView({ row, busy, expanded, onToggle, onRemove, now, profileName }: CheckRowViewProps) {
  const { t } = useTranslation();
  const label = useRowLabel(row);
  const state = rowState(row);
  const attempts = row.attempts.length;
  const retryIn = secondsUntilRetry(row, now);
  const result = row.result;
  const measured = result ? measuredText(result.measured) : '';
  const live =
    state === 'running'
      ? t('checks.live.running', { attempt: attempts + 1 })
      : state === 'retrying'
        ? retryIn === null
          ? t('checks.live.retryWaiting', { attempt: attempts })
          : t('checks.live.retryIn', { attempt: attempts, seconds: retryIn })
        : null;

  return (
    <li className={`checks-row checks-row-${state}`} data-testid="check-row" data-check-id={row.id} data-state={state} data-started-at={result?.startedAt}>
      <div className="checks-row-main">
        <span className={`checks-state checks-state-${state}`} data-testid="check-state">
          <span className="checks-symbol" aria-hidden>
            {stateSymbols[state]}
          </span>
          {t(`checks.states.${state}`)}
        </span>
        <div className="checks-row-body">
          <div className="checks-row-title">
            <Typography.Text strong data-testid="check-label">
              {label}
            </Typography.Text>
            <Tag>{t(`checks.kinds.${row.kind}`)}</Tag>
            {profileName ? <Tag color="geekblue">{profileName}</Tag> : null}
          </div>
          {row.rule !== '' ? (
            <div className="checks-row-line">
              <Typography.Text type="secondary">{t('checks.rule')}</Typography.Text>
              <code data-testid="check-rule">{row.rule}</code>
            </div>
          ) : null}
          {measured !== '' ? (
            <div className="checks-row-line">
              <Typography.Text type="secondary">{t('checks.measured')}</Typography.Text>
              <code className="checks-measured" data-testid="check-measured">
                {measured}
              </code>
            </div>
          ) : null}
          {result?.message && state !== 'pass' ? (
            <div className="checks-row-line checks-message" data-testid="check-message">
              {result.message}
            </div>
          ) : null}
          {live ? (
            <Typography.Text type="secondary" data-testid="check-live">
              {live}
            </Typography.Text>
          ) : null}
        </div>
        <div className="checks-row-side">
          {result ? (
            <Typography.Text type="secondary" data-testid="check-elapsed">
              {formatElapsed(result.elapsedMs)}
              {result.attempts.length > 1 ? ` · ${t('checks.attempts', { count: result.attempts.length })}` : ''}
            </Typography.Text>
          ) : null}
          <Space size={4} wrap>
            <Button size="small" type="link" onClick={onToggle} aria-expanded={expanded} data-testid="check-toggle">
              {expanded ? t('checks.hideOutput') : t('checks.showOutput')}
            </Button>
            <Button size="small" disabled={busy} onClick={() => void rerunCheck(row.id)} data-testid="check-rerun">
              {t('checks.rerun')}
            </Button>
            {onRemove ? (
              <Button size="small" type="text" danger disabled={busy} onClick={onRemove} data-testid="check-remove">
                {t('checks.remove')}
              </Button>
            ) : null}
          </Space>
        </div>
      </div>
      {expanded ? <CheckEvidence row={row} /> : null}
    </li>
  );
}
