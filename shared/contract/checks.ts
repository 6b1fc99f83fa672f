import { z } from 'zod';
import { CheckAttempt, CheckKind, CheckResult, CheckSpec } from '../checks/model';
import { ProfileSelection } from './provision';

const SessionId = z.string().min(1).max(64);
/** Names one run of checks in its progress events; the caller may choose it to follow the events from the start. */
export const ChecksRunId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { message: 'a checks run id is 8-64 letters, digits or hyphens' });

/**
 * A profile to check with its parameter values. `checkIds` names some of the checks the profile
 * declares (its own ids, `mgmt-gateway-reachable`, not the `<profile>.<check>` of the results);
 * only those run, in the profile's order. Left out, every check of the profile runs. An id the
 * profile does not declare is refused (`InvalidRequest`) before anything runs.
 */
export const ChecksProfileSelection = ProfileSelection.extend({
  checkIds: z.array(z.string().min(1).max(64)).min(1).max(200).optional(),
});
export type ChecksProfileSelection = z.infer<typeof ChecksProfileSelection>;

/**
 * What to check: the checks the given profiles declare (their parameters rendered with the
 * values, for the connected device's dialect) and/or checks given directly (`--ping`). Device
 * checks need `sessionId`; laptop checks (tcp, host-ping, dns) run without one.
 */
export const ChecksRunRequest = z
  .object({
    sessionId: SessionId.optional(),
    profiles: z.array(ChecksProfileSelection).max(32).default([]),
    checks: z.array(CheckSpec).max(200).default([]),
    runId: ChecksRunId.optional(),
    /** Caps every check's retry window (ms); 0 runs each check once. */
    retryLimitMs: z.number().int().min(0).max(3_600_000).optional(),
  })
  .refine((request) => request.profiles.length + request.checks.length > 0, { message: 'name at least one profile or check' });

export const ChecksRunResponse = z.object({
  runId: ChecksRunId,
  results: z.array(CheckResult),
  /** True only when every check passed. */
  passed: z.boolean(),
});
export type ChecksRunResponse = z.infer<typeof ChecksRunResponse>;

const progressBase = { runId: ChecksRunId, sessionId: SessionId.nullable(), checkId: z.string() };

export const ChecksProgress = z.discriminatedUnion('phase', [
  z.object({ ...progressBase, phase: z.literal('started'), kind: CheckKind }),
  z.object({ ...progressBase, phase: z.literal('attempt'), attempt: CheckAttempt }),
  z.object({ ...progressBase, phase: z.literal('finished'), result: CheckResult }),
]);
export type ChecksProgress = z.infer<typeof ChecksProgress>;

export const checksMethods = {
  /** Runs the checks one after another and answers with every result; progress streams meanwhile. */
  'checks.run': { request: ChecksRunRequest, response: ChecksRunResponse },
} as const;

export const checksEvents = {
  /** A check started, finished one attempt (retries included), or finished. */
  'checks.progress': ChecksProgress,
} as const;
