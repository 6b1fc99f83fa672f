import { createHash } from 'node:crypto';
import { FieldKitError, type DialectId, type ProvisionSource } from '../../shared/contract';
import { maskParameterValues, renderProfile, type ProfileDefinition, type RenderDirection } from '../../shared/profiles';
import type { JournalSource } from './runJournal';

/**
 * The lines to apply, in order, and where each came from. `lines` go to the planner as they
 * are (indentation = hierarchy); the planner's `sourceIndex` indexes them.
 */
export interface DesiredConfig {
  lines: string[];
  /** 1-based number shown to people: the line in the file, or in the rendered profiles. */
  numbers: number[];
  /** The profile that rendered each line; null for a file. */
  profileIds: (string | null)[];
  /** Values of secret parameters: to be masked everywhere the lines are shown. */
  secrets: string[];
  journalSource: JournalSource;
}

export type ProfileLookup = (id: string) => ProfileDefinition | undefined;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A plain configuration file, line numbers as in the file. */
export function configFileLines(name: string, lines: readonly string[]): DesiredConfig {
  return {
    lines: [...lines],
    numbers: lines.map((_, index) => index + 1),
    profileIds: lines.map(() => null),
    secrets: [],
    journalSource: { kind: 'config', name, sha256: sha256(lines.join('\n')) },
  };
}

/**
 * Renders the selected profiles for `dialect` (`apply`), or their rollback (`reverse`, in the
 * opposite order so later profiles are undone first). Any problem rejects with `InvalidRequest`
 * naming every problem; nothing is rendered in part.
 */
export function renderSelections(
  source: Extract<ProvisionSource, { kind: 'profiles' }>,
  dialect: DialectId,
  lookup: ProfileLookup,
  direction: RenderDirection = 'apply',
): DesiredConfig {
  const ordered = direction === 'apply' ? source.profiles : [...source.profiles].reverse();
  const result: DesiredConfig = { lines: [], numbers: [], profileIds: [], secrets: [], journalSource: { kind: 'profiles', ids: [], valuesHash: '' } };
  const problems: string[] = [];
  const maskedValues: Record<string, unknown>[] = [];
  for (const selection of ordered) {
    const profile = lookup(selection.id);
    if (!profile) {
      problems.push(`no profile with the id "${selection.id}"`);
      continue;
    }
    const rendered = renderProfile(profile, dialect, selection.values, { direction, ignoreUndeclared: source.ignoreUndeclared });
    if (!rendered.ok) {
      problems.push(...rendered.problems.map((problem) => `${profile.id}: ${problem.message.en}`));
      continue;
    }
    for (const declaration of profile.parameters) {
      const value = rendered.values[declaration.name];
      if (declaration.type === 'secret' && typeof value === 'string') result.secrets.push(value);
    }
    maskedValues.push({ id: profile.id, values: maskParameterValues(profile, rendered.values) });
    for (const line of rendered.lines) {
      result.lines.push(line);
      result.numbers.push(result.lines.length);
      result.profileIds.push(profile.id);
    }
  }
  if (problems.length > 0) throw new FieldKitError('InvalidRequest', `cannot render the profiles: ${problems.join('; ')}`, { problems });
  result.journalSource = { kind: 'profiles', ids: ordered.map((selection) => selection.id), valuesHash: sha256(JSON.stringify(maskedValues)) };
  return result;
}

export function desiredFromSource(source: ProvisionSource, dialect: DialectId, lookup: ProfileLookup): DesiredConfig {
  return source.kind === 'config' ? configFileLines(source.name, source.lines) : renderSelections(source, dialect, lookup, 'apply');
}
