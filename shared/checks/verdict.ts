import type { CheckStatus, Measured } from './model';
import { evaluateRule, parseRule, RuleError } from './rule';

export interface Verdict {
  status: CheckStatus;
  /** Null on pass; otherwise the rule's tests with the measured values, or why it could not be judged. */
  message: string | null;
}

/**
 * Judges measured values: `pass` when the rule holds, `warn` when only `warnRule` holds, `fail`
 * otherwise. A rule that cannot be read or names a value the check does not measure is `error`:
 * the site was not shown to fail.
 */
export function judge(rule: string, measured: Measured, warnRule?: string): Verdict {
  try {
    const verdict = evaluateRule(parseRule(rule), measured);
    if (verdict.holds) return { status: 'pass', message: null };
    const failing = `rule ${rule} did not hold: ${verdict.trace.join('; ')}`;
    if (warnRule !== undefined && evaluateRule(parseRule(warnRule), measured).holds) return { status: 'warn', message: `${failing} (warning rule ${warnRule} held)` };
    return { status: 'fail', message: failing };
  } catch (error) {
    if (error instanceof RuleError) return { status: 'error', message: `rule ${rule}: ${error.message}` };
    throw error;
  }
}
