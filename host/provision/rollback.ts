import { isFieldKitError, type ProvisionSource, type RollbackReport } from '../../shared/contract';
import { compareConfigs } from './compareConfig';
import type { ProvisionContext } from './context';
import { renderSelections } from './desiredConfig';
import { planDesired, readRunningConfig } from './planning';
import { saveConfiguration } from './saveConfig';
import { sendPlan, sendUnits } from './sendPlan';
import { leaveConfiguration } from './configMode';
import { reverseTowardBackup } from './reverseTowardBackup';
import { settingsToRestore, withRestoredSettings } from './restoreSettings';

export interface RollbackOptions {
  /** The masked running configuration before the run, to compare the result with; null skips the comparison. */
  backup: string | null;
  save: boolean;
}

const NO_REVERSE_FOR_FILES =
  'a configuration file has no reverse template: nothing was rolled back. Restore from the backup by hand, or use the reload guard (IOS-like CLIs) to reboot into the saved configuration.';

/**
 * Rolls back by the profiles' reverse templates, applied through the same engine (plan, paced
 * send, stop at the first error), then compares the running configuration with the backup and
 * reports what differs. With a backup, reverse lines that disagree with it are not sent and are
 * reported as `skipped` (see reverseTowardBackup.ts). A configuration file has no reverse: the
 * report says so.
 */
export async function rollbackProvision(context: ProvisionContext, source: ProvisionSource, options: RollbackOptions): Promise<RollbackReport> {
  const unavailable = (note: string): RollbackReport => ({ available: false, note, sent: 0, failedLine: null, matchesBackup: null, differences: null, skipped: [] });
  if (source.kind === 'config') return unavailable(NO_REVERSE_FOR_FILES);
  const { line } = context;
  let reverse;
  try {
    reverse = renderSelections(source, line.dialect.id, context.lookup, 'reverse');
    context.addSecrets?.(reverse.secrets);
  } catch (error) {
    if (isFieldKitError(error) && error.code === 'InvalidRequest') return unavailable(error.message);
    throw error;
  }
  const call = context.call ?? {};
  const before = await readRunningConfig(line, call);
  const mask = (text: string): string => context.mask(text);
  const { kept, dropped: skipped } = options.backup === null ? { kept: reverse, dropped: [] } : reverseTowardBackup(line.dialect.id, options.backup, reverse, mask);
  const restore = options.backup === null ? [] : settingsToRestore(line.dialect.id, options.backup, before);
  const { plan, views } = planDesired(line, before, withRestoredSettings(kept, restore), mask);
  let sent = 0;
  let failedLine: RollbackReport['failedLine'] = null;
  if (plan.toSend.length > 0) {
    await line.enterMode('config', call);
    const outcome = await sendPlan(line, sendUnits(line.dialect, plan.toSend), {
      ...call,
      acknowledged: (unit) => {
        sent += unit.indices.length;
      },
    });
    if (outcome.kind === 'failed') {
      const view = views[outcome.index];
      failedLine = { number: view?.number ?? null, text: view?.text ?? '', message: outcome.result.failureMessage ?? outcome.result.output };
    } else if (outcome.kind === 'interrupted') {
      const view = views[outcome.index];
      failedLine = { number: view?.number ?? null, text: view?.text ?? '', message: `the line dropped: ${outcome.message}` };
    }
    if (outcome.kind === 'interrupted') {
      return { available: true, note: withSkipped('the rollback was interrupted', skipped), sent, failedLine, matchesBackup: null, differences: null, skipped };
    }
    // A Junos reverse does nothing until committed, so it is committed even without `save`.
    const commit = line.dialect.definition.family === 'junos' && outcome.kind === 'completed';
    if (commit) await saveConfiguration(line, call);
    else await leaveConfiguration(line, outcome.kind === 'failed', call);
  }
  if (options.save && failedLine === null && line.dialect.definition.family !== 'junos') await saveConfiguration(line, call);
  if (options.backup === null) {
    return { available: true, note: 'no backup to compare with', sent, failedLine, matchesBackup: null, differences: null, skipped };
  }
  const after = await readRunningConfig(line, call);
  const differences = compareConfigs(line.dialect.id, options.backup, after);
  const matches = differences.missing.length === 0 && differences.extra.length === 0;
  const note = matches ? 'the running configuration equals the backup' : 'the running configuration differs from the backup';
  return { available: true, note: withSkipped(note, skipped), sent, failedLine, matchesBackup: matches, differences, skipped };
}

function withSkipped(note: string, skipped: readonly string[]): string {
  if (skipped.length === 0) return note;
  const count = skipped.length === 1 ? '1 reverse line was' : `${skipped.length} reverse lines were`;
  return `${note}; ${count} not sent because the backup does not have them (sending would move the device away from the backup)`;
}
