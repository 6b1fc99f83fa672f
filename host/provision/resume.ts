import { existsSync } from 'node:fs';
import { FieldKitError, type PlannedLineView } from '../../shared/contract';
import type { ProvisionContext } from './context';
import { journalPath, readJournal, summarizeJournal, type JournalLine, type JournalSource } from './runJournal';

export interface ResumeState {
  runId: string;
  backupFile: string | null;
  acknowledged: JournalLine[];
  /** The number the next `planned` record gets. */
  attempts: number;
  /**
   * Acknowledged lines the new plan wants to send again: the device lost them (rebooted before
   * a save). Section headers and exits are left out, since they are re-entered for any missing child.
   */
  lostLines(plan: readonly PlannedLineView[]): string[];
}

const key = (line: { text: string; path: readonly string[] }): string => [...line.path, line.text].join('\u0000');

/**
 * Reads the journal of an interrupted run for a new attempt. The journal must be for the same
 * profiles and values (or the same file) and must not be finished.
 */
export function prepareResume(context: ProvisionContext, runId: string, source: JournalSource): ResumeState {
  if (context.runsDir === null) throw new FieldKitError('InvalidRequest', 'this host keeps no run journals, so nothing can be resumed');
  const path = journalPath(context.runsDir, runId);
  if (!existsSync(path)) throw new FieldKitError('InvalidRequest', `no journal for run ${runId}`);
  const summary = summarizeJournal(readJournal(path).entries);
  if (!summary.start) throw new FieldKitError('InvalidRequest', `the journal of run ${runId} has no start record`);
  if (JSON.stringify(summary.start.source) !== JSON.stringify(source)) {
    throw new FieldKitError('InvalidRequest', `run ${runId} applied other profiles, values or another file; start a new run instead`);
  }
  if (summary.start.dialect !== context.line.dialect.id) {
    throw new FieldKitError('InvalidRequest', `run ${runId} was for ${summary.start.dialect}, this device speaks ${context.line.dialect.id}`);
  }
  if (summary.finished) throw new FieldKitError('InvalidRequest', `run ${runId} is finished; there is nothing to resume`);
  return {
    runId,
    backupFile: summary.backup,
    acknowledged: summary.acknowledged,
    attempts: summary.attempts,
    lostLines(plan) {
      const headers = new Set(plan.map((line) => line.path.join('\u0000')));
      const wanted = new Set(plan.filter((line) => line.number !== null && !headers.has(key(line))).map(key));
      return summary.acknowledged.filter((line) => line.number !== null && wanted.has(key(line))).map((line) => line.text);
    },
  };
}
