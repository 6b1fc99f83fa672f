import type { ProfileSelection, ProfileSummary } from '../../../../shared/contract';

/**
 * The profiles to check with the wizard's parameter values, as the wizard sends them to apply:
 * every profile gets the values of all selected profiles' parameters (the host ignores the ones
 * a profile does not declare), blanks left out so defaults apply, secrets exact, the rest trimmed.
 * Secrets are needed because a profile's values are validated as a whole before its checks render.
 */
export function profileSelections(profiles: readonly ProfileSummary[], profileIds: readonly string[], values: Readonly<Record<string, unknown>>): ProfileSelection[] {
  const declared = new Map<string, boolean>();
  for (const id of profileIds) {
    for (const parameter of profiles.find((profile) => profile.id === id)?.parameters ?? []) {
      declared.set(parameter.name, (declared.get(parameter.name) ?? false) || parameter.secret);
    }
  }
  const given: Record<string, string | number> = {};
  for (const [name, secret] of declared) {
    const value = values[name];
    if (typeof value === 'number' && Number.isFinite(value)) given[name] = value;
    if (typeof value !== 'string') continue;
    const text = secret ? value : value.trim();
    if (text !== '') given[name] = text;
  }
  return profileIds.map((id) => ({ id, values: { ...given } }));
}

/**
 * The profile checks to run alone, grouped by profile, as the ids the profile declares (a row's id
 * is `<profile>.<check>`, shared/checks/profileChecks.ts). Rows of a profile in `wholeProfileIds`
 * are left out: that profile runs every check anyway.
 */
export function pickedProfileChecks(rows: readonly { id: string; profileId: string | null }[], wholeProfileIds: readonly string[]): Map<string, string[]> {
  const picked = new Map<string, string[]>();
  for (const row of rows) {
    const profileId = row.profileId;
    if (profileId === null || wholeProfileIds.includes(profileId) || !row.id.startsWith(`${profileId}.`)) continue;
    picked.set(profileId, [...(picked.get(profileId) ?? []), row.id.slice(profileId.length + 1)]);
  }
  return picked;
}
