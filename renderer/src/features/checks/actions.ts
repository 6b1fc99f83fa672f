import type { CheckSpec } from '../../../../shared/checks';
import { toErrorPayload, type ChecksProfileSelection, type ProfileSelection } from '../../../../shared/contract';
import { getApiClient } from '../../api';
import { useAppStore, type AppState } from '../../store';
import { pickedProfileChecks, profileSelections } from './profileSelections';
import { wizardValues } from './wizardForm';

/** What one run sends. */
export interface ChecksScope {
  /** Rows by id: an ad-hoc row sends its spec; a profile's row sends its profile naming only that check. */
  rowIds: readonly string[];
  /** Profiles whose every check the host renders and runs. */
  profileIds: readonly string[];
}

/** Chosen here so the run's progress events can be followed from the first one. */
export function newChecksRunId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `ui-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The session device checks run on; a session busy with something else answers for itself. */
function usableSession(state: AppState): string | null {
  return state.sessionId !== null && (state.phase === 'ready' || state.phase === 'busy') ? state.sessionId : null;
}

/**
 * The wizard's profiles can be checked once it has planned them (its parameters form was
 * submitted) on a connected device.
 */
export function profileChecksAvailable(state: AppState): boolean {
  return usableSession(state) !== null && state.selectedProfileIds.length > 0 && (state.plan !== null || state.report !== null);
}

export function isChecksRunning(state: AppState): boolean {
  return state.checksRun !== null && state.checksRun.finishedAt === null;
}

/**
 * Runs the scope's checks, one run at a time: rows turn pending, then follow this run's
 * `checks.progress`; the answer settles every row. Nothing of the request is logged or stored.
 */
export async function runChecks(scope: ChecksScope): Promise<void> {
  const state = useAppStore.getState();
  if (isChecksRunning(state)) return;
  const sessionId = usableSession(state);
  const rows = state.checkRows.filter((row) => scope.rowIds.includes(row.id));
  const specs = rows.flatMap((row) => (row.spec ? [row.spec] : []));
  const profileIds = sessionId === null ? [] : [...scope.profileIds];
  const picked = sessionId === null ? new Map<string, string[]>() : pickedProfileChecks(rows.filter((row) => row.spec === null), profileIds);
  const pickedRowIds = [...picked].flatMap(([profileId, checkIds]) => checkIds.map((checkId) => `${profileId}.${checkId}`));
  if (specs.length + profileIds.length + picked.size === 0) return;
  const runId = newChecksRunId();
  // The store's run lists whole profiles only: their rows the answer leaves out are dropped, which
  // would be wrong for the siblings of a check picked alone.
  state.beginChecksRun({ runId, rowIds: [...specs.map((spec: CheckSpec) => spec.id), ...pickedRowIds], profileIds, startedAt: Date.now() });
  const client = getApiClient();
  const unsubscribe = client.subscribe('checks.progress', (event) => {
    if (event.runId === runId) useAppStore.getState().checksProgressed(event);
  });
  try {
    const selected = [...profileIds, ...picked.keys()];
    const profiles = selected.length > 0 ? profileSelections(state.profiles, selected, wizardValues()).map((selection) => withCheckIds(selection, picked.get(selection.id))) : [];
    const response = await client.invoke('checks.run', { ...(sessionId === null ? {} : { sessionId }), profiles, checks: specs, runId });
    useAppStore.getState().checksFinished(runId, response.results, Date.now());
  } catch (error) {
    useAppStore.getState().checksFailed(runId, toErrorPayload(error), Date.now());
  } finally {
    unsubscribe();
  }
}

/** Every ad-hoc row, and the wizard's profiles when offered and included. */
export function runAllChecks(): Promise<void> {
  const state = useAppStore.getState();
  const adHoc = state.checkRows.filter((row) => row.spec !== null).map((row) => row.id);
  const profiles = state.includeProfileChecks && profileChecksAvailable(state) ? state.selectedProfileIds : [];
  return runChecks({ rowIds: adHoc, profileIds: profiles });
}

/** One row again, alone: a profile's check is rendered again with the wizard's current values. */
export function rerunCheck(rowId: string): Promise<void> {
  return runChecks({ rowIds: [rowId], profileIds: [] });
}

function withCheckIds(selection: ProfileSelection, checkIds: string[] | undefined): ChecksProfileSelection {
  return checkIds === undefined ? selection : { ...selection, checkIds };
}
