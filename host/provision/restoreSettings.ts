import type { DialectId } from '../../shared/contract';
import { configSyntax, parseConfig } from '../../shared/config';
import type { DesiredConfig } from './desiredConfig';

/**
 * Single-value settings (host name, time zone) that the run changed and the backup had
 * otherwise. A reverse template cannot know the old value (it only has the site's
 * parameters), the backup does: rollback sets each such setting back to the backup's line.
 * Only top-level settings are considered; the backup is masked, but these are never secrets.
 */
export function settingsToRestore(dialect: DialectId, backup: string, running: string): string[] {
  const rules = configSyntax(dialect).singleValued;
  const lastValues = (text: string): Map<string, string> => {
    const values = new Map<string, string>();
    for (const node of parseConfig(dialect, text).nodes) {
      for (const rule of rules) {
        const setting = rule.exec(node.text)?.groups?.['setting'];
        if (setting) values.set(setting, node.text.trim());
      }
    }
    return values;
  };
  const before = lastValues(backup);
  const now = lastValues(running);
  return [...before].filter(([setting, line]) => now.get(setting) !== line).map(([, line]) => line);
}

/** The reverse lines plus the restoring lines, numbered after the rendered ones. */
export function withRestoredSettings(reverse: DesiredConfig, lines: readonly string[]): DesiredConfig {
  if (lines.length === 0) return reverse;
  const first = reverse.numbers.length + 1;
  return {
    ...reverse,
    lines: [...reverse.lines, ...lines],
    numbers: [...reverse.numbers, ...lines.map((_, offset) => first + offset)],
    profileIds: [...reverse.profileIds, ...lines.map(() => null)],
  };
}
