import type { Measured, MeasuredValue } from '../../../../shared/checks';
import type { CheckRow } from '../../store/checksSlice';

/** What a row shows: its phase until it has a result, then the result's status. */
export type RowState = 'idle' | 'pending' | 'running' | 'retrying' | 'pass' | 'fail' | 'warn' | 'error' | 'notRun';

/** Icons as text, so a printed or pasted checklist keeps them; colour comes from the stylesheet. */
export const stateSymbols: Readonly<Record<RowState, string>> = {
  idle: '·',
  pending: '○',
  running: '◔',
  retrying: '↻',
  pass: '✓',
  fail: '✗',
  warn: '!',
  error: '⚠',
  notRun: '–',
};

export function rowState(row: CheckRow): RowState {
  if (row.phase === 'done' && row.result) return row.result.status;
  if (row.phase === 'running') {
    const last = row.attempts[row.attempts.length - 1];
    return last && last.status !== 'pass' ? 'retrying' : 'running';
  }
  if (row.phase === 'done') return 'notRun';
  return row.phase;
}

function valueText(value: MeasuredValue): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : value.map((item) => (item === null ? '—' : String(item))).join(', ');
  return value === null ? '—' : String(value);
}

/** `loss=0 · received=5 · …`: every measured value, in the host's order. */
export function measuredText(measured: Measured): string {
  return Object.entries(measured)
    .map(([name, value]) => `${name}=${valueText(value)}`)
    .join(' · ');
}

/** 0.4 s, 12 s, 3 min 05 s. */
export function formatElapsed(milliseconds: number): string {
  const seconds = Math.max(0, milliseconds) / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/**
 * Whole seconds until a retrying row's next attempt: attempts start `intervalMs` apart (the host's
 * runner), counted from the last one's start. Null when the interval is unknown (a profile's check,
 * rendered by the host) or the row is not waiting to retry.
 */
export function secondsUntilRetry(row: CheckRow, now: number): number | null {
  const last = row.attempts[row.attempts.length - 1];
  const interval = row.spec?.retry?.intervalMs;
  if (rowState(row) !== 'retrying' || !last || interval === undefined) return null;
  const started = Date.parse(last.startedAt);
  if (Number.isNaN(started)) return null;
  return Math.max(0, Math.ceil((started + interval - now) / 1000));
}

export interface RunCounts {
  pass: number;
  fail: number;
  warn: number;
  error: number;
  done: number;
  total: number;
}

export function runCounts(rows: readonly CheckRow[]): RunCounts {
  const counts: RunCounts = { pass: 0, fail: 0, warn: 0, error: 0, done: 0, total: rows.length };
  for (const row of rows) {
    if (row.phase !== 'done' || !row.result) continue;
    counts[row.result.status] += 1;
    counts.done += 1;
  }
  return counts;
}
