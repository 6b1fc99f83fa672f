import type { StateCreator } from 'zustand';
import type { CheckAttempt, CheckKind, CheckResult, CheckSpec } from '../../../shared/checks';
import type { ChecksProgress, ErrorPayload } from '../../../shared/contract';
import type { AppState } from './store';

/**
 * idle: added, not run yet. pending: part of the run in progress, not reached. running: the host
 * started it (attempts stream in). done: it has a result. notRun: its run ended without one.
 */
export type CheckRowPhase = 'idle' | 'pending' | 'running' | 'done' | 'notRun';

export interface CheckRow {
  id: string;
  kind: CheckKind;
  title: CheckResult['title'] | null;
  /** Empty for a profile's check until its first result says which rule it has. */
  rule: string;
  /** What an ad-hoc row sends again on a re-run; null for a profile's check, which the host renders. */
  spec: CheckSpec | null;
  profileId: string | null;
  phase: CheckRowPhase;
  /** The attempts of the run in progress, or of the last run. Outputs are masked by the host. */
  attempts: CheckAttempt[];
  result: CheckResult | null;
}

export interface ChecksRun {
  runId: string;
  /** The rows sent (ad-hoc rows, and profile checks re-run alone). */
  rowIds: string[];
  /** The profiles whose checks the host renders and runs before the ad-hoc ones. */
  profileIds: string[];
  /** Milliseconds since the epoch on this window's clock, for the total elapsed time. */
  startedAt: number;
  finishedAt: number | null;
  error: ErrorPayload | null;
}

/** The checks tab: its rows and the last run. Parameter values (secrets among them) are never here. */
export interface ChecksSlice {
  checkRows: CheckRow[];
  checksRun: ChecksRun | null;
  includeProfileChecks: boolean;
  addCheck: (spec: CheckSpec) => void;
  removeCheck: (id: string) => void;
  setIncludeProfileChecks: (include: boolean) => void;
  beginChecksRun: (run: Pick<ChecksRun, 'runId' | 'rowIds' | 'profileIds' | 'startedAt'>) => void;
  checksProgressed: (event: ChecksProgress) => void;
  checksFinished: (runId: string, results: CheckResult[], finishedAt: number) => void;
  checksFailed: (runId: string, error: ErrorPayload, finishedAt: number) => void;
}

const inRun = (row: CheckRow, run: Pick<ChecksRun, 'rowIds' | 'profileIds'>): boolean =>
  run.rowIds.includes(row.id) || (row.profileId !== null && run.profileIds.includes(row.profileId));

/** Profile check ids are `<profile>.<check>` (shared/checks/profileChecks.ts). */
function profileOf(checkId: string, run: Pick<ChecksRun, 'profileIds'>): string | null {
  return run.profileIds.find((profileId) => checkId.startsWith(`${profileId}.`)) ?? null;
}

/** A profile's new row goes after that profile's rows, else before the ad-hoc rows (the host runs profiles first). */
function insertRow(rows: readonly CheckRow[], row: CheckRow): CheckRow[] {
  const sameProfile = rows.map((existing) => existing.profileId).lastIndexOf(row.profileId);
  const firstAdHoc = rows.findIndex((existing) => existing.profileId === null);
  const at = row.profileId === null ? rows.length : sameProfile >= 0 ? sameProfile + 1 : firstAdHoc >= 0 ? firstAdHoc : rows.length;
  return [...rows.slice(0, at), row, ...rows.slice(at)];
}

function withResult(row: CheckRow, result: CheckResult): CheckRow {
  return { ...row, phase: 'done', result, attempts: result.attempts, title: result.title ?? row.title, rule: result.rule, profileId: result.profileId ?? row.profileId };
}

function newRow(id: string, kind: CheckKind, profileId: string | null): CheckRow {
  return { id, kind, title: null, rule: '', spec: null, profileId, phase: 'running', attempts: [], result: null };
}

/** Rows of the run wait for their turn; old evidence is dropped so a stale verdict never shows as current. */
export function rowsAtRunStart(rows: readonly CheckRow[], run: Pick<ChecksRun, 'rowIds' | 'profileIds'>): CheckRow[] {
  return rows.map((row) => (inRun(row, run) ? { ...row, phase: 'pending', attempts: [], result: null } : row));
}

/** One `checks.progress` event of the run applied to the rows. */
export function rowsAfterProgress(rows: readonly CheckRow[], run: Pick<ChecksRun, 'profileIds'>, event: ChecksProgress): CheckRow[] {
  const index = rows.findIndex((row) => row.id === event.checkId);
  const row = rows[index];
  const replace = (next: CheckRow) => rows.map((existing, position) => (position === index ? next : existing));
  switch (event.phase) {
    case 'started':
      if (row) return replace({ ...row, phase: 'running', attempts: [], result: null });
      return insertRow(rows, newRow(event.checkId, event.kind, profileOf(event.checkId, run)));
    case 'attempt':
      return row ? replace({ ...row, phase: 'running', attempts: [...row.attempts, event.attempt] }) : [...rows];
    case 'finished':
      return rowsWithResult(rows, run, event.result);
  }
}

function rowsWithResult(rows: readonly CheckRow[], run: Pick<ChecksRun, 'profileIds'>, result: CheckResult): CheckRow[] {
  const index = rows.findIndex((row) => row.id === result.id);
  const row = rows[index];
  if (row) return rows.map((existing, position) => (position === index ? withResult(row, result) : existing));
  return insertRow(rows, withResult(newRow(result.id, result.kind, profileOf(result.id, run)), result));
}

/**
 * The answer is the authority: every result lands on its row (events may have been missed). Rows
 * of the run left without a result are `notRun`, except a profile's rows that its run did not
 * reach at all after a complete answer: the profile no longer declares them, so they go.
 */
export function rowsAtRunEnd(rows: readonly CheckRow[], run: Pick<ChecksRun, 'rowIds' | 'profileIds'>, results: readonly CheckResult[] | null): CheckRow[] {
  let next = [...rows];
  for (const result of results ?? []) next = rowsWithResult(next, run, result);
  const answered = new Set((results ?? []).map((result) => result.id));
  return next
    .filter((row) => !(results !== null && row.profileId !== null && run.profileIds.includes(row.profileId) && !answered.has(row.id) && row.phase === 'pending'))
    .map((row) => (inRun(row, run) && (row.phase === 'pending' || row.phase === 'running') ? { ...row, phase: 'notRun' } : row));
}

export const createChecksSlice: StateCreator<AppState, [], [], ChecksSlice> = (set) => ({
  checkRows: [],
  checksRun: null,
  includeProfileChecks: true,
  addCheck: (spec) =>
    set((state) => ({
      checkRows: [
        ...state.checkRows,
        { id: spec.id, kind: spec.kind, title: spec.title ?? null, rule: spec.rule, spec, profileId: null, phase: 'idle', attempts: [], result: null },
      ],
    })),
  removeCheck: (id) => set((state) => ({ checkRows: state.checkRows.filter((row) => row.id !== id) })),
  setIncludeProfileChecks: (includeProfileChecks) => set({ includeProfileChecks }),
  beginChecksRun: (run) =>
    set((state) => ({ checksRun: { ...run, finishedAt: null, error: null }, checkRows: rowsAtRunStart(state.checkRows, run) })),
  checksProgressed: (event) =>
    set((state) => {
      const run = state.checksRun;
      if (run?.runId !== event.runId || run.finishedAt !== null) return {};
      return { checkRows: rowsAfterProgress(state.checkRows, run, event) };
    }),
  checksFinished: (runId, results, finishedAt) =>
    set((state) => {
      const run = state.checksRun;
      if (run?.runId !== runId) return {};
      return { checksRun: { ...run, finishedAt }, checkRows: rowsAtRunEnd(state.checkRows, run, results) };
    }),
  checksFailed: (runId, error, finishedAt) =>
    set((state) => {
      const run = state.checksRun;
      if (run?.runId !== runId) return {};
      return { checksRun: { ...run, finishedAt, error }, checkRows: rowsAtRunEnd(state.checkRows, run, null) };
    }),
});
