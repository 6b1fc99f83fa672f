import type { DialectId } from '../contract/device';
import { text, type ProfileProblem } from '../profiles/problems';
import type { ProfileDefinition } from '../profiles/profileSchema';
import { createTemplateEngine } from '../profiles/templateEngine';
import { validateParameters, type ParameterInput } from '../profiles/validateParameters';
import { retryFromAttempts, type CheckParams, type CheckSpec } from './model';
import { parseRule, RuleError } from './rule';

export type ProfileChecksResult = { ok: true; checks: CheckSpec[] } | { ok: false; problems: ProfileProblem[] };

/**
 * The checks a profile declares, ready to run: string parameters rendered as Liquid over the
 * site's checked values (the same values and engine as the templates), empty results dropped
 * (an optional `source` left blank), rules parsed so a bad rule is reported before anything runs.
 * Check ids become `<profile>.<check>`. Never throws for bad input.
 */
export function profileCheckSpecs(profile: ProfileDefinition, dialect: DialectId, input: ParameterInput): ProfileChecksResult {
  const validation = validateParameters(profile, input, { dialect, ignoreUndeclared: true });
  if (!validation.ok) return { ok: false, problems: validation.problems };
  const engine = createTemplateEngine();
  const problems: ProfileProblem[] = [];
  const checks: CheckSpec[] = [];
  for (const check of profile.checks) {
    const location = `checks.${check.id}`;
    const params: CheckParams = {};
    for (const [name, value] of Object.entries(check.params)) {
      if (typeof value !== 'string') {
        params[name] = value;
        continue;
      }
      try {
        const rendered = String(engine.parseAndRenderSync(value, { ...validation.values })).trim();
        if (rendered !== '') params[name] = rendered;
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        problems.push({ code: 'render-failed', location: `${location}.params.${name}`, message: text(`${location}.params.${name}：渲染失败：${detail}`, `${location}.params.${name}: rendering failed: ${detail}`) });
      }
    }
    for (const [field, rule] of [['rule', check.rule], ['warnRule', check.warnRule]] as const) {
      if (rule === undefined) continue;
      try {
        parseRule(rule);
      } catch (error) {
        if (!(error instanceof RuleError)) throw error;
        problems.push({ code: 'render-failed', location: `${location}.${field}`, message: text(`${location}.${field}：规则无效：${error.message}`, `${location}.${field}: invalid rule: ${error.message}`) });
      }
    }
    const retry = check.retry ? retryFromAttempts(check.retry.attempts, check.retry.intervalSeconds) : undefined;
    checks.push({
      id: `${profile.id}.${check.id}`,
      kind: check.kind,
      title: check.title,
      params,
      rule: check.rule,
      ...(check.warnRule !== undefined ? { warnRule: check.warnRule } : {}),
      profileId: profile.id,
      ...(retry ? { retry } : {}),
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, checks };
}
