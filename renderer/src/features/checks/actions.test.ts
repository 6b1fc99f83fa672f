import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../shared/checks';
import { FieldKitError, type ApiClient, type EventName, type EventOf, type MethodName, type RequestOf, type ResponseOf } from '../../../../shared/contract';
import { setApiClient } from '../../api';
import { useAppStore } from '../../store';
import { rerunCheck, runAllChecks } from './actions';
import { buildAdHocCheck } from './adHocChecks';
import { rememberWizardForm } from './wizardForm';

type Progress = EventOf<'checks.progress'>;

/** Answers `checks.run` with `answer(request, fire)`; while it is pending the test may fire progress events. */
function fakeClient(answer: (request: RequestOf<'checks.run'>, fire: (event: Progress) => void) => Promise<ResponseOf<'checks.run'>>) {
  const requests: RequestOf<'checks.run'>[] = [];
  const listeners = new Set<(payload: Progress) => void>();
  const fire = (event: Progress) => listeners.forEach((listener) => listener(event));
  const client: ApiClient = {
    invoke<M extends MethodName>(method: M, request: RequestOf<M>) {
      if (method !== 'checks.run') return Promise.reject(new Error(`unexpected ${method}`));
      const checksRequest = request as RequestOf<'checks.run'>;
      requests.push(checksRequest);
      return answer(checksRequest, fire) as Promise<ResponseOf<M>>;
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void) {
      if (event !== 'checks.progress') return () => undefined;
      const typed = listener as (payload: Progress) => void;
      listeners.add(typed);
      return () => listeners.delete(typed);
    },
  };
  return { client, requests, listeners };
}

const result = (id: string, status: CheckResult['status'], profileId?: string): CheckResult => ({
  id,
  kind: 'ping',
  ...(profileId ? { profileId } : {}),
  status,
  rule: 'loss <= 20%',
  measured: { loss: status === 'pass' ? 0 : 100 },
  command: 'ping 127.0.0.1',
  output: '--- 127.0.0.1 ping statistics ---',
  message: null,
  attempts: [],
  startedAt: '2026-11-28T10:00:00.000Z',
  elapsedMs: 10,
});

const labProfile = {
  id: 'lab',
  kind: 'base',
  name: { 'zh-CN': '实验室', en: 'Lab' },
  dialects: ['ios' as const],
  parameters: [
    { name: 'mgmt_gateway', type: 'ipv4', required: true, secret: false },
    { name: 'psk', type: 'secret', required: false, secret: true },
  ],
  reversible: [],
};

describe('checks actions', () => {
  beforeEach(() => {
    useAppStore.setState({ sessionId: 's1', phase: 'ready', checkRows: [], checksRun: null, includeProfileChecks: true, selectedProfileIds: [], plan: null, report: null, profiles: [labProfile] });
    useAppStore.getState().addCheck(buildAdHocCheck({ kind: 'ping', target: '127.0.0.1', count: 3 }, new Set()));
    useAppStore.getState().addCheck(buildAdHocCheck({ kind: 'tcp', target: '127.0.0.1', port: 8080 }, new Set()));
  });

  it('sends every ad-hoc row under its own run id, follows only that run’s events, then settles from the answer', async () => {
    let seenWhileRunning: string | undefined;
    const fake = fakeClient(async (request, fire) => {
      const runId = request.runId ?? '';
      fire({ runId: 'ui-someone-else', sessionId: 's1', checkId: 'ping-127.0.0.1', phase: 'started', kind: 'ping' });
      seenWhileRunning = useAppStore.getState().checkRows[0]?.phase;
      fire({ runId, sessionId: 's1', checkId: 'ping-127.0.0.1', phase: 'started', kind: 'ping' });
      expect(useAppStore.getState().checkRows.map((row) => row.phase)).toEqual(['running', 'pending']);
      return { runId, results: [result('ping-127.0.0.1', 'pass'), { ...result('tcp-127.0.0.1:8080', 'fail'), kind: 'tcp' }], passed: false };
    });
    setApiClient(fake.client);
    await runAllChecks();
    expect(seenWhileRunning).toBe('pending');
    const [request] = fake.requests;
    expect(request).toMatchObject({ sessionId: 's1', profiles: [] });
    expect(request?.runId).toMatch(/^ui-[0-9a-f]{12}$/);
    expect(request?.checks?.map((check) => check.id)).toEqual(['ping-127.0.0.1', 'tcp-127.0.0.1:8080']);
    const state = useAppStore.getState();
    expect(state.checkRows.map((row) => [row.id, row.phase, row.result?.status])).toEqual([
      ['ping-127.0.0.1', 'done', 'pass'],
      ['tcp-127.0.0.1:8080', 'done', 'fail'],
    ]);
    expect(state.checksRun?.finishedAt).not.toBeNull();
    expect(fake.listeners.size).toBe(0);
  });

  it('adds the wizard’s planned profiles with the form’s values read at send time', async () => {
    let gateway = '192.168.100.1';
    rememberWizardForm('provision-parameters', { 'provision-parameters': { getFieldsValue: () => ({ mgmt_gateway: gateway, psk: 's3cret' }) } });
    useAppStore.setState({ selectedProfileIds: ['lab'], plan: { dialect: 'ios', lines: [], alreadyPresent: 0, diff: '' } });
    gateway = '192.168.100.254';
    const fake = fakeClient((request) => Promise.resolve({ runId: request.runId ?? '', results: [result('lab.gateway', 'fail', 'lab')], passed: false }));
    setApiClient(fake.client);
    await runAllChecks();
    expect(fake.requests[0]?.profiles).toEqual([{ id: 'lab', values: { mgmt_gateway: '192.168.100.254', psk: 's3cret' } }]);
    expect(useAppStore.getState().checkRows[0]).toMatchObject({ id: 'lab.gateway', profileId: 'lab', spec: null });
    expect(JSON.stringify(useAppStore.getState())).not.toContain('s3cret');
  });

  it('re-runs one profile row alone: its profile names only that check, and the profile’s other row keeps its result', async () => {
    rememberWizardForm('provision-parameters', { 'provision-parameters': { getFieldsValue: () => ({ mgmt_gateway: '192.168.100.1' }) } });
    useAppStore.setState({ selectedProfileIds: ['lab'], plan: { dialect: 'ios', lines: [], alreadyPresent: 0, diff: '' } });
    const first = [result('lab.interface-up', 'pass', 'lab'), result('lab.gateway', 'fail', 'lab')];
    let siblingWhileRunning: unknown;
    const fake = fakeClient((request, fire) => {
      const runId = request.runId ?? '';
      if (fake.requests.length === 1) return Promise.resolve({ runId, results: first, passed: false });
      fire({ runId, sessionId: 's1', checkId: 'lab.gateway', phase: 'started', kind: 'ping' });
      siblingWhileRunning = useAppStore.getState().checkRows.find((row) => row.id === 'lab.interface-up');
      return Promise.resolve({ runId, results: [{ ...result('lab.gateway', 'pass', 'lab'), startedAt: '2026-11-28T10:05:00.000Z' }], passed: true });
    });
    setApiClient(fake.client);
    await runAllChecks();
    const sibling = useAppStore.getState().checkRows.find((row) => row.id === 'lab.interface-up');

    await rerunCheck('lab.gateway');
    expect(fake.requests[1]).toEqual({ sessionId: 's1', profiles: [{ id: 'lab', values: { mgmt_gateway: '192.168.100.1' }, checkIds: ['gateway'] }], checks: [], runId: expect.stringMatching(/^ui-/) });
    expect(siblingWhileRunning).toBe(sibling);
    const rows = useAppStore.getState().checkRows;
    expect(rows.find((row) => row.id === 'lab.interface-up')).toBe(sibling);
    expect(rows.find((row) => row.id === 'lab.gateway')).toMatchObject({ phase: 'done', result: { status: 'pass', startedAt: '2026-11-28T10:05:00.000Z' } });
    expect(useAppStore.getState().checksRun).toMatchObject({ rowIds: ['lab.gateway'], profileIds: [] });
  });

  it('marks only the re-run profile row as not run when the host refuses it', async () => {
    useAppStore.setState({ selectedProfileIds: ['lab'], plan: { dialect: 'ios', lines: [], alreadyPresent: 0, diff: '' } });
    const fake = fakeClient((request) =>
      fake.requests.length === 1
        ? Promise.resolve({ runId: request.runId ?? '', results: [result('lab.interface-up', 'pass', 'lab'), result('lab.gateway', 'fail', 'lab')], passed: false })
        : Promise.reject(new FieldKitError('InvalidRequest', 'profile "lab" has no check "gateway"')),
    );
    setApiClient(fake.client);
    await runAllChecks();
    await rerunCheck('lab.gateway');
    expect(useAppStore.getState().checkRows.filter((row) => row.profileId === 'lab').map((row) => [row.id, row.phase, row.result?.status])).toEqual([
      ['lab.interface-up', 'done', 'pass'],
      ['lab.gateway', 'notRun', undefined],
    ]);
  });

  it('runs laptop checks without a session and never sends profiles then', async () => {
    useAppStore.setState({ sessionId: null, phase: 'idle', selectedProfileIds: ['lab'], plan: { dialect: 'ios', lines: [], alreadyPresent: 0, diff: '' } });
    const fake = fakeClient((request) => Promise.resolve({ runId: request.runId ?? '', results: [], passed: true }));
    setApiClient(fake.client);
    await rerunCheck('tcp-127.0.0.1:8080');
    expect(fake.requests).toEqual([expect.objectContaining({ profiles: [], checks: [expect.objectContaining({ id: 'tcp-127.0.0.1:8080' })] })]);
    expect(fake.requests[0]).not.toHaveProperty('sessionId');
  });

  it('keeps the host’s refusal and leaves the rows as not run', async () => {
    const fake = fakeClient(() => Promise.reject(new FieldKitError('SessionBusy', 'the session is applying a configuration')));
    setApiClient(fake.client);
    await runAllChecks();
    const state = useAppStore.getState();
    expect(state.checksRun?.error).toMatchObject({ code: 'SessionBusy' });
    expect(state.checkRows.map((row) => row.phase)).toEqual(['notRun', 'notRun']);
  });
});
