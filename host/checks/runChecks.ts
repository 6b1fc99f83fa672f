import { setTimeout as sleep } from 'node:timers/promises';
import type { CheckAttempt, CheckResult, CheckSpec } from '../../shared/checks';
import { attemptCheck, verdictOf, type CheckEnvironment } from './attempts';

export type CheckProgress =
  | { phase: 'started'; checkId: string; kind: CheckSpec['kind'] }
  | { phase: 'attempt'; checkId: string; attempt: CheckAttempt }
  | { phase: 'finished'; checkId: string; result: CheckResult };

export interface RunOptions {
  onProgress?(event: CheckProgress): void;
  /** Waits between attempts; tests replace it to run retries without real time. */
  wait?(milliseconds: number, signal?: AbortSignal): Promise<void>;
  /** Milliseconds on a monotonic clock; tests replace it with the fake `wait`'s clock. */
  now?(): number;
}

const realWait = (milliseconds: number, signal?: AbortSignal): Promise<void> => sleep(milliseconds, undefined, signal ? { signal } : {});

/**
 * Runs one check, trying again while it has not passed when it declares `retry`: attempts start
 * `intervalMs` apart, and none starts later than `withinMs` after the first began. Every attempt
 * is kept. A rule that cannot be evaluated, or a check that cannot run here, is not retried.
 */
export async function runCheck(spec: CheckSpec, environment: CheckEnvironment, options: RunOptions = {}): Promise<CheckResult> {
  const now = options.now ?? (() => performance.now());
  const wait = options.wait ?? realWait;
  const startedAt = new Date().toISOString();
  const first = now();
  const attempts: CheckAttempt[] = [];
  options.onProgress?.({ phase: 'started', checkId: spec.id, kind: spec.kind });
  for (let number = 1; ; number += 1) {
    const began = now();
    const attemptStartedAt = new Date().toISOString();
    const outcome = await attemptCheck(spec, environment);
    const verdict = verdictOf(spec, outcome);
    const attempt: CheckAttempt = {
      attempt: number,
      status: verdict.status,
      measured: outcome.measured,
      command: outcome.command,
      output: outcome.output,
      message: verdict.message,
      startedAt: attemptStartedAt,
      elapsedMs: Math.round(now() - began),
    };
    attempts.push(attempt);
    options.onProgress?.({ phase: 'attempt', checkId: spec.id, attempt });
    const retry = spec.retry;
    const nextStart = began + (retry?.intervalMs ?? 0);
    const done = attempt.status === 'pass' || outcome.final || verdict.ruleError || retry === undefined || nextStart - first > retry.withinMs || environment.signal?.aborted === true;
    if (done) break;
    try {
      await wait(Math.max(0, nextStart - now()), environment.signal);
    } catch {
      break;
    }
  }
  const last = attempts[attempts.length - 1];
  if (!last) throw new Error('a check ran no attempt');
  const result: CheckResult = {
    id: spec.id,
    kind: spec.kind,
    ...(spec.title ? { title: spec.title } : {}),
    ...(spec.profileId ? { profileId: spec.profileId } : {}),
    status: last.status,
    rule: spec.rule,
    measured: last.measured,
    command: last.command,
    output: last.output,
    message: last.message,
    attempts,
    startedAt,
    elapsedMs: Math.round(now() - first),
  };
  options.onProgress?.({ phase: 'finished', checkId: spec.id, result });
  return result;
}

/** Runs checks one after another (a device line does one thing at a time), in the order given. */
export async function runChecks(specs: readonly CheckSpec[], environment: CheckEnvironment, options: RunOptions = {}): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const spec of specs) results.push(await runCheck(spec, environment, options));
  return results;
}
