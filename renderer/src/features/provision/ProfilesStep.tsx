import { Alert, Button, Checkbox, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DialectId, ProfileSummary } from '../../../../shared/contract';
import { useAppStore, useFacts, useLanguage, useProfileLibrary, useSelectedProfileIds } from '../../store';
import { loadProfiles } from './actions';

const kindColors: Record<string, string> = { base: 'blue', vpn: 'purple', security: 'volcano', voice: 'cyan' };
type KnownKind = 'base' | 'vpn' | 'security' | 'voice';
const knownKinds = new Set<string>(['base', 'vpn', 'security', 'voice']);
const isKnownKind = (kind: string): kind is KnownKind => knownKinds.has(kind);

/** Profiles usable on the connected device come first; the others stay visible but cannot be picked. */
function ordered(profiles: readonly ProfileSummary[], dialect: DialectId | undefined): ProfileSummary[] {
  if (!dialect) return [...profiles];
  const usable = (profile: ProfileSummary) => profile.dialects.includes(dialect);
  return [...profiles.filter(usable), ...profiles.filter((profile) => !usable(profile))];
}

export function ProfilesStep({ onNext }: { onNext: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { profiles, loading, error } = useProfileLibrary();
  const selected = useSelectedProfileIds();
  const dialect = useFacts()?.dialect;

  if (loading && profiles.length === 0) return <Spin className="provision-loading" description={t('provision.profiles.loading')} />;
  if (error && profiles.length === 0) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('provision.profiles.failed', { message: error.message })}
        action={<Button onClick={() => void loadProfiles()}>{t('provision.profiles.reload')}</Button>}
        data-testid="profiles-error"
      />
    );
  }
  if (profiles.length === 0) return <Empty description={t('provision.profiles.empty')} />;

  return (
    <div className="provision-step">
      <Checkbox.Group
        className="provision-profile-list"
        value={selected}
        onChange={(ids) => useAppStore.getState().setSelectedProfileIds(ids.map(String))}
      >
        {ordered(profiles, dialect).map((profile) => {
          const usable = !dialect || profile.dialects.includes(dialect);
          const kind = isKnownKind(profile.kind) ? profile.kind : 'other';
          return (
            <div key={profile.id} className={`provision-profile${usable ? '' : ' provision-profile-unusable'}`} data-testid={`profile-${profile.id}`}>
              <Checkbox value={profile.id} disabled={!usable} data-testid={`checkbox-profile-${profile.id}`}>
                <span className="provision-profile-name">{profile.name[language]}</span>
              </Checkbox>
              <div className="provision-profile-tags">
                <Tag color={kindColors[profile.kind]}>{t(`provision.kinds.${kind}`)}</Tag>
                {profile.dialects.map((id) => (
                  <Tag key={id} color={id === dialect ? 'green' : undefined} variant={id === dialect ? 'solid' : 'outlined'}>
                    {t(`dialects.${id}`)}
                  </Tag>
                ))}
                {dialect && profile.reversible.includes(dialect) ? <Tag color="geekblue">{t('provision.profiles.reversible')}</Tag> : null}
                {usable ? null : <Tag>{t('provision.profiles.notForDevice')}</Tag>}
                <Typography.Text type="secondary" className="provision-profile-id">
                  {profile.id} · {t('provision.profiles.parameterCount', { count: profile.parameters.length })}
                </Typography.Text>
              </div>
              {profile.description ? (
                <Typography.Paragraph type="secondary" className="provision-profile-description" ellipsis={{ rows: 2, tooltip: profile.description[language] }}>
                  {profile.description[language]}
                </Typography.Paragraph>
              ) : null}
            </div>
          );
        })}
      </Checkbox.Group>
      <div className="provision-actions">
        <Typography.Text type="secondary" data-testid="profiles-selected">
          {selected.length > 0 ? t('provision.profiles.selected', { count: selected.length }) : t('provision.profiles.noneSelected')}
        </Typography.Text>
        <Space>
          <Button type="primary" disabled={selected.length === 0} onClick={onNext} data-testid="button-profiles-next">
            {t('provision.next')}
          </Button>
        </Space>
      </div>
    </div>
  );
}
