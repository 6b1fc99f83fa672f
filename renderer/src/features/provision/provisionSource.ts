import type { ParameterSummary, ProfileSummary, ProvisionSource } from '../../../../shared/contract';

/** One field of the parameters form: a parameter name and the profiles that declare it. */
export interface ParameterField {
  parameter: ParameterSummary;
  profileIds: string[];
}

/** What the parameters form holds: text per parameter name (empty = not given). */
export type ParameterValues = Record<string, string | undefined>;

/**
 * The form's fields for the selected profiles, in selection order. Profiles that declare the same
 * name share one field (a site has one router id), the first declaration deciding its type and
 * label; a later declaration that is required makes the field required.
 */
export function parameterFields(profiles: readonly ProfileSummary[], selectedIds: readonly string[]): ParameterField[] {
  const fields = new Map<string, ParameterField>();
  for (const id of selectedIds) {
    const profile = profiles.find((candidate) => candidate.id === id);
    for (const parameter of profile?.parameters ?? []) {
      const known = fields.get(parameter.name);
      if (known) {
        known.profileIds.push(id);
        if (parameter.required && !known.parameter.required && parameter.default === undefined) known.parameter = { ...known.parameter, required: true };
      } else {
        fields.set(parameter.name, { parameter, profileIds: [id] });
      }
    }
  }
  return [...fields.values()];
}

/**
 * The request's source: every profile gets the same values (undeclared ones are ignored by the
 * host). A blank field is left out so the profile's default applies; a secret is sent exactly as
 * typed, any other value trimmed.
 */
export function buildProfileSource(selectedIds: readonly string[], values: ParameterValues, fields: readonly ParameterField[]): ProvisionSource {
  const secrets = new Set(fields.filter((field) => field.parameter.secret).map((field) => field.parameter.name));
  const given: Record<string, string> = {};
  for (const field of fields) {
    const name = field.parameter.name;
    const raw = values[name] ?? '';
    const value = secrets.has(name) ? raw : raw.trim();
    if (value !== '') given[name] = value;
  }
  return { kind: 'profiles', profiles: selectedIds.map((id) => ({ id, values: { ...given } })), ignoreUndeclared: true };
}

/**
 * The values of one sheet row for the form: only the given fields, secrets included (they stay in
 * the form). Columns the selected profiles do not declare are returned apart, for a notice.
 */
export function sheetRowValues(row: Readonly<Record<string, string>>, fields: readonly ParameterField[]): { values: ParameterValues; unused: string[] } {
  const names = new Set(fields.map((field) => field.parameter.name));
  const values: ParameterValues = {};
  const unused: string[] = [];
  for (const [name, value] of Object.entries(row)) {
    if (names.has(name)) values[name] = value;
    else if (name !== 'dialect') unused.push(name);
  }
  return { values, unused };
}
