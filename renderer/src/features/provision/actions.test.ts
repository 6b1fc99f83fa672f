import { beforeEach, describe, expect, it } from 'vitest';
import {
  FieldKitError,
  type ApiClient,
  type ApplyReport,
  type EventName,
  type EventOf,
  type MethodName,
  type ProvisionSource,
  type RequestOf,
  type ResponseOf,
} from '../../../../shared/contract';
import { setApiClient } from '../../api';
import { useAppStore } from '../../store';
import { applyProvisioning, planProvisioning } from './actions';

type Progress = EventOf<'provision.progress'>;

/** Answers every call with `answer`; while a call is pending the test may fire progress events. */
function fakeClient(answer: (fire: (event: Progress) => void) => Promise<unknown>) {
  const calls: { method: MethodName; request: unknown }[] = [];
  const listeners = new Set<(payload: Progress) => void>();
  const fire = (event: Progress) => listeners.forEach((listener) => listener(event));
  const client: ApiClient = {
    invoke<M extends MethodName>(method: M, request: RequestOf<M>) {
      calls.push({ method, request });
      return answer(fire) as Promise<ResponseOf<M>>;
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void) {
      if (event !== 'provision.progress') return () => undefined;
      const typed = listener as (payload: Progress) => void;
      listeners.add(typed);
      return () => listeners.delete(typed);
    },
  };
  return { client, calls, listeners };
}

const source: ProvisionSource = { kind: 'profiles', profiles: [{ id: 'frr-static-mgmt', values: { mgmt_interface: 'eth3' } }], ignoreUndeclared: true };
const progress = (sessionId: string, index: number): Progress => ({ runId: 'run-00000001', sessionId, index, total: 2, bytesSent: index * 10, elapsedMs: 5, estimateMs: 5, line: `line ${index}` });

function report(overrides: Partial<ApplyReport>): ApplyReport {
  return {
    runId: 'run-00000001',
    dialect: 'ios',
    dryRun: false,
    planned: 2,
    sent: 2,
    acknowledged: 2,
    failedLine: null,
    interrupted: null,
    saved: true,
    saveMessage: '[OK]',
    backup: null,
    journal: null,
    diff: '',
    lines: [],
    resumed: null,
    rollback: null,
    reloadGuard: null,
    timings: { backupMs: 1, applyMs: 1, saveMs: 1 },
    ...overrides,
  };
}

describe('provisioning actions', () => {
  beforeEach(() => {
    useAppStore.setState({ sessionId: 's1', phase: 'ready' });
    useAppStore.getState().resetProvision();
  });

  it('follows this session’s progress during the apply only, then shows the result step', async () => {
    const fake = fakeClient(async (fire) => {
      fire(progress('s1', 1));
      fire(progress('other-session', 9));
      fire(progress('s1', 2));
      return report({});
    });
    setApiClient(fake.client);
    await applyProvisioning(source);
    const state = useAppStore.getState();
    expect(state.progress?.index).toBe(2);
    expect(state.provisionStep).toBe('result');
    expect(fake.listeners.size).toBe(0);
    expect(fake.calls).toEqual([
      { method: 'provision.apply', request: { sessionId: 's1', source, options: { dryRun: false, save: true, rollbackOnFailure: false } } },
    ]);
  });

  it('stays on the apply step when a line was refused, and resumes with the run id', async () => {
    const failed = report({ acknowledged: 1, failedLine: { number: 2, text: 'ip route x', message: '% Unknown command' }, saved: false });
    const fake = fakeClient(() => Promise.resolve(failed));
    setApiClient(fake.client);
    await applyProvisioning(source);
    expect(useAppStore.getState()).toMatchObject({ provisionStep: 'apply', report: failed, applying: false });
    await applyProvisioning(source, failed.runId);
    expect(fake.calls[1]?.request).toMatchObject({ options: { resumeRunId: 'run-00000001' } });
  });

  it('puts the host’s per-parameter problems of a rejected plan in the store', async () => {
    const parameters = [{ profileId: 'frr-static-mgmt', parameter: 'mgmt_address', code: 'invalid-ipv4', message: { 'zh-CN': '不是地址', en: 'not an address' } }];
    const fake = fakeClient(() => Promise.reject(new FieldKitError('InvalidRequest', 'cannot render the profiles', { problems: ['x'], parameters })));
    setApiClient(fake.client);
    await planProvisioning(source);
    expect(useAppStore.getState()).toMatchObject({ planning: false, plan: null, parameterProblems: parameters, provisionError: { code: 'InvalidRequest' } });
    useAppStore.getState().clearParameterProblem('mgmt_address');
    expect(useAppStore.getState().parameterProblems).toEqual([]);
  });

  it('sends nothing without a session', async () => {
    useAppStore.setState({ sessionId: null });
    const fake = fakeClient(() => Promise.resolve(report({})));
    setApiClient(fake.client);
    await planProvisioning(source);
    await applyProvisioning(source);
    expect(fake.calls).toEqual([]);
  });
});
