import { describe, expect, it } from 'vitest';
import type { CheckAttempt } from '../../../../shared/checks';
import type { CheckRow } from '../../store/checksSlice';
import { formatElapsed, measuredText, rowState, runCounts, secondsUntilRetry } from './checkFormat';

const failed: CheckAttempt = { attempt: 1, status: 'fail', measured: {}, command: 'ping x', output: '', message: 'm', startedAt: '2026-11-28T10:00:00.000Z', elapsedMs: 1000 };
const row = (overrides: Partial<CheckRow>): CheckRow => ({
  id: 'ping-x',
  kind: 'ping',
  title: null,
  rule: 'loss <= 20%',
  spec: { id: 'ping-x', kind: 'ping', params: { target: 'x' }, rule: 'loss <= 20%', retry: { intervalMs: 5000, withinMs: 30_000 } },
  profileId: null,
  phase: 'idle',
  attempts: [],
  result: null,
  ...overrides,
});

describe('check formatting', () => {
  it('shows a running row that failed an attempt as retrying, with the seconds to the next start', () => {
    const retrying = row({ phase: 'running', attempts: [failed] });
    expect(rowState(retrying)).toBe('retrying');
    expect(secondsUntilRetry(retrying, Date.parse('2026-11-28T10:00:01.200Z'))).toBe(4);
    expect(secondsUntilRetry(retrying, Date.parse('2026-11-28T10:00:09.000Z'))).toBe(0);
    expect(secondsUntilRetry({ ...retrying, spec: null }, Date.parse('2026-11-28T10:00:01.000Z'))).toBeNull();
    expect(rowState(row({ phase: 'running' }))).toBe('running');
  });

  it('prints measured values in order, lists joined and missing values as a dash', () => {
    expect(measuredText({ loss: 0, reachable: true, rttAvg: null, nextHops: ['10.0.0.1', '10.0.0.2'] })).toBe('loss=0 · reachable=true · rttAvg=— · nextHops=10.0.0.1, 10.0.0.2');
  });

  it('formats elapsed time and counts finished rows by status', () => {
    expect(formatElapsed(420)).toBe('0.4 s');
    expect(formatElapsed(185_000)).toBe('3 min 05 s');
    const result = (status: 'pass' | 'fail') => ({ id: 'x', kind: 'ping' as const, status, rule: 'r', measured: {}, command: '', output: '', message: null, attempts: [], startedAt: '', elapsedMs: 0 });
    expect(runCounts([row({ phase: 'done', result: result('pass') }), row({ phase: 'done', result: result('fail') }), row({ phase: 'pending' })])).toEqual({
      pass: 1,
      fail: 1,
      warn: 0,
      error: 0,
      done: 2,
      total: 3,
    });
  });
});
