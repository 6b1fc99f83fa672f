import type { DiffKind, Plan } from './types';

const PREFIX: Record<DiffKind, string> = { context: '  ', add: '+ ', remove: '- ' };

/**
 * The plan's diff as text for the UI and the CLI: `+ ` line to add, `- ` line removed (by a
 * `no`/`undo` line), `  ` line already there; one space of indentation per section level.
 * Secrets are already masked in the diff. An empty diff renders as the empty string.
 */
export function renderDiff(plan: Plan): string {
  return plan.diff.map((line) => PREFIX[line.kind] + ' '.repeat(line.path.length) + line.text).join('\n');
}
