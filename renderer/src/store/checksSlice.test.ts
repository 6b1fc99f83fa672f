import { describe, expect, it } from 'vitest';
import type { CheckAttempt, CheckResult, CheckSpec } from '../../../shared/checks';
import { rowsAfterProgress, rowsAtRunEnd, rowsAtRunStart, type CheckRow } from './checksSlice';

const spec = (id: string): CheckSpec => ({ id, kind: 'ping', params: { target: '10.0.0.1', count: 3 }, rule: 'loss <= 20%' });
const adHoc = (id: string): CheckRow => ({ id, kind: 'ping', title: null, rule: 'loss <= 20%', spec: spec(id), profileId: null, phase: 'idle', attempts: [], result: null });
const attempt = (number: number, status: CheckAttempt['status']): CheckAttempt => ({
  attempt: number,
  status,
  measured: { loss: status === 'pass' ? 0 : 100 },
  command: 'ping 10.0.0.1',
  output: '--- 10.0.0.1 ping statistics ---',
  message: status === 'pass' ? null : 'rule loss <= 20% did not hold',
  startedAt: '2026-11-28T10:00:00.000Z',
  elapsedMs: 3000,
});
const result = (id: string, status: CheckResult['status'], profileId?: string): CheckResult => ({
  id,
  kind: 'ping',
  ...(profileId ? { profileId, title: { 'zh-CN': '管理网关可达', en: 'Gateway reachable' } } : {}),
  status,
  rule: 'loss <= 20%',
  measured: { loss: 0 },
  command: 'ping 10.0.0.1',
  output: 'out',
  message: null,
  attempts: [attempt(1, status)],
  startedAt: '2026-11-28T10:00:00.000Z',
  elapsedMs: 3000,
});
const run = { runId: 'ui-000000000001', rowIds: ['ping-a'], profileIds: ['lab'] };
const event = <T extends object>(checkId: string, body: T) => ({ runId: run.runId, sessionId: 's1', checkId, ...body });

describe('check rows through a run', () => {
  it('turns the run’s rows pending and drops their old evidence, leaving other rows alone', () => {
    const done: CheckRow = { ...adHoc('ping-a'), phase: 'done', result: result('ping-a', 'fail'), attempts: [attempt(1, 'fail')] };
    const rows = rowsAtRunStart([done, adHoc('ping-b')], run);
    expect(rows.map((row) => [row.id, row.phase, row.result, row.attempts.length])).toEqual([
      ['ping-a', 'pending', null, 0],
      ['ping-b', 'idle', null, 0],
    ]);
  });

  it('fills a row live: started, a failed attempt, then the result', () => {
    let rows = rowsAtRunStart([adHoc('ping-a')], run);
    rows = rowsAfterProgress(rows, run, event('ping-a', { phase: 'started' as const, kind: 'ping' as const }));
    expect(rows[0]?.phase).toBe('running');
    rows = rowsAfterProgress(rows, run, event('ping-a', { phase: 'attempt' as const, attempt: attempt(1, 'fail') }));
    expect(rows[0]?.attempts.map((entry) => entry.status)).toEqual(['fail']);
    rows = rowsAfterProgress(rows, run, event('ping-a', { phase: 'finished' as const, result: result('ping-a', 'pass') }));
    expect(rows[0]).toMatchObject({ phase: 'done', result: { status: 'pass' } });
  });

  it('puts a profile’s new check before the ad-hoc rows, after that profile’s earlier ones', () => {
    let rows = rowsAtRunStart([adHoc('ping-a')], run);
    rows = rowsAfterProgress(rows, run, event('lab.gateway', { phase: 'started' as const, kind: 'ping' as const }));
    rows = rowsAfterProgress(rows, run, event('lab.interface', { phase: 'started' as const, kind: 'interfaces' as const }));
    expect(rows.map((row) => [row.id, row.profileId])).toEqual([
      ['lab.gateway', 'lab'],
      ['lab.interface', 'lab'],
      ['ping-a', null],
    ]);
  });

  it('settles every row from the answer, even without events, and marks the unanswered as not run', () => {
    const rows = rowsAtRunEnd(rowsAtRunStart([adHoc('ping-a')], run), run, [result('lab.gateway', 'fail', 'lab')]);
    expect(rows.map((row) => [row.id, row.phase, row.result?.status ?? null, row.title?.en ?? null])).toEqual([
      ['lab.gateway', 'done', 'fail', 'Gateway reachable'],
      ['ping-a', 'notRun', null, null],
    ]);
  });

  it('drops a profile check the profile no longer declares, but keeps rows of a failed run as not run', () => {
    const stale: CheckRow = { ...adHoc('lab.old'), spec: null, profileId: 'lab' };
    const started = rowsAtRunStart([stale], run);
    expect(rowsAtRunEnd(started, run, []).map((row) => row.id)).toEqual([]);
    expect(rowsAtRunEnd(started, run, null).map((row) => [row.id, row.phase])).toEqual([['lab.old', 'notRun']]);
  });
});
