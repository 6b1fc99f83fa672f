import { toErrorPayload, type ProvisionSource, type SheetImportView } from '../../../../shared/contract';
import { getApiClient } from '../../api';
import { useAppStore } from '../../store';
import { parameterProblemsOf } from './parameterProblems';
import { readFileBase64 } from './sheetFile';

/** Reads the profile library once per visit of the wizard; a failure is shown on the profiles step. */
export async function loadProfiles(): Promise<void> {
  useAppStore.getState().beginProfilesLoad();
  try {
    const library = await getApiClient().invoke('profiles.list', {});
    useAppStore.getState().profilesLoaded(library.profiles);
  } catch (error) {
    useAppStore.getState().profilesFailed(toErrorPayload(error));
  }
}

/** The dry run: renders and compares with the running configuration; nothing is sent. */
export async function planProvisioning(source: ProvisionSource): Promise<void> {
  const store = useAppStore.getState();
  const sessionId = store.sessionId;
  if (!sessionId) return;
  store.beginPlan();
  try {
    const plan = await getApiClient().invoke('provision.plan', { sessionId, source });
    useAppStore.getState().planned(plan);
  } catch (error) {
    const payload = toErrorPayload(error);
    useAppStore.getState().planRejected(payload, parameterProblemsOf(payload));
  }
}

/**
 * Applies, following `provision.progress` for this session while the call runs (the host sends
 * every session's progress; the run id is known only from the answer). `resumeRunId` continues
 * an interrupted or stopped run from its journal.
 */
export async function applyProvisioning(source: ProvisionSource, resumeRunId?: string): Promise<void> {
  const store = useAppStore.getState();
  const sessionId = store.sessionId;
  if (!sessionId) return;
  const { save, rollbackOnFailure } = store.applyOptions;
  store.beginApply();
  const client = getApiClient();
  const unsubscribe = client.subscribe('provision.progress', (event) => {
    if (event.sessionId === sessionId) useAppStore.getState().progressed(event);
  });
  try {
    const report = await client.invoke('provision.apply', {
      sessionId,
      source,
      options: { dryRun: false, save, rollbackOnFailure, ...(resumeRunId ? { resumeRunId } : {}) },
    });
    useAppStore.getState().applied(report);
  } catch (error) {
    const payload = toErrorPayload(error);
    useAppStore.getState().applyFailed(payload, parameterProblemsOf(payload));
  } finally {
    unsubscribe();
  }
}

/**
 * Applies the profiles' reverse templates and compares the result with the run's backup. Not
 * saved: a failed run saved nothing, so the startup configuration is still the old one.
 */
export async function rollbackProvisioning(source: ProvisionSource): Promise<void> {
  const store = useAppStore.getState();
  const sessionId = store.sessionId;
  const runId = store.report?.runId;
  if (!sessionId) return;
  store.beginRollback();
  try {
    const report = await getApiClient().invoke('provision.rollback', { sessionId, source, save: false, ...(runId ? { runId } : {}) });
    useAppStore.getState().rolledBack(report);
  } catch (error) {
    useAppStore.getState().rollbackFailed(toErrorPayload(error));
  }
}

/** Sends a picked sheet's content to the host; the rows (secrets included) go back to the caller only. */
export async function importSheet(file: File): Promise<SheetImportView | null> {
  try {
    const contentBase64 = await readFileBase64(file);
    return await getApiClient().invoke('profiles.importSheet', { fileName: file.name, contentBase64 });
  } catch (error) {
    useAppStore.getState().setProvisionError(toErrorPayload(error));
    return null;
  }
}
