import type { CheckSpec } from '../../../../shared/checks';
import { toErrorPayload } from '../../../../shared/contract';
import { getApiClient } from '../../api';
import { useAppStore, type AppState } from '../../store';
import { profileSelections } from './profileSelections';
import { wizardValues } from './wizardForm';

/** What one run sends: ad-hoc rows by id, and profiles whose checks the host renders. */
export interface ChecksScope {
  rowIds: readonly string[];
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
  const specs = state.checkRows.filter((row) => scope.rowIds.includes(row.id)).flatMap((row) => (row.spec ? [row.spec] : []));
  const profileIds = sessionId === null ? [] : [...scope.profileIds];
  if (specs.length + profileIds.length === 0) return;
  const runId = newChecksRunId();
  state.beginChecksRun({ runId, rowIds: specs.map((spec: CheckSpec) => spec.id), profileIds, startedAt: Date.now() });
  const client = getApiClient();
  const unsubscribe = client.subscribe('checks.progress', (event) => {
    if (event.runId === runId) useAppStore.getState().checksProgressed(event);
  });
  try {
    const profiles = profileIds.length > 0 ? profileSelections(state.profiles, profileIds, wizardValues()) : [];
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

/**
 * One row again. A profile's check is rendered by the host, which runs a profile's checks
 * together: its re-run repeats every check of that profile.
 */
export function rerunCheck(rowId: string): Promise<void> {
  const row = useAppStore.getState().checkRows.find((candidate) => candidate.id === rowId);
  if (!row) return Promise.resolve();
  if (row.spec) return runChecks({ rowIds: [row.id], profileIds: [] });
  return runChecks({ rowIds: [], profileIds: row.profileId === null ? [] : [row.profileId] });
}
