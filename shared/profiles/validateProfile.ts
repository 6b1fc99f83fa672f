import { z } from 'zod';
import type { Liquid, Template } from 'liquidjs';
// The rule file itself, not the checks index: the index reaches shared/profiles (profileChecks.ts)
// and rule.ts imports nothing from it, so there is no cycle.
import { parseRule, RuleError } from '../checks/rule';
import { DialectId } from '../contract/device';
import { classifyCharacter, describeCodePoint } from './characters';
import { checkParameterValue } from './parameterTypes';
import { text, type ProfileProblem } from './problems';
import { ProfileDefinition } from './profileSchema';
import { createTemplateEngine, templateGlobals } from './templateEngine';

export type ProfileValidation = { ok: true; profile: ProfileDefinition } | { ok: false; problems: ProfileProblem[] };

/**
 * Check a parsed profile document (from YAML): the schema, parameter declarations, that every
 * default is a valid value, that every template (and check parameter) parses and uses declared
 * parameters only, and that every check's `rule` and `warnRule` is a rule the runner can read.
 * All problems are returned, each with its location.
 */
export function validateProfileDefinition(document: unknown): ProfileValidation {
  const parsed = ProfileDefinition.safeParse(document);
  if (!parsed.success) return { ok: false, problems: schemaProblems(document, parsed.error) };
  const profile = parsed.data;
  const problems: ProfileProblem[] = [...declarationProblems(profile)];
  const engine = createTemplateEngine();
  const declared = new Set(profile.parameters.map((declaration) => declaration.name));
  for (const dialect of DialectId.options) {
    const templates = profile.templates[dialect];
    if (!templates) continue;
    problems.push(...templateProblems(engine, templates.apply, `templates.${dialect}.apply`, declared));
    if (templates.reverse !== undefined) problems.push(...templateProblems(engine, templates.reverse, `templates.${dialect}.reverse`, declared));
  }
  profile.checks.forEach((check, index) => {
    for (const [key, value] of Object.entries(check.params)) {
      if (typeof value === 'string') problems.push(...templateProblems(engine, value, `checks[${index}].params.${key}`, declared));
    }
    problems.push(...ruleProblems(check.id, 'rule', check.rule, `checks[${index}].rule`));
    if (check.warnRule !== undefined) problems.push(...ruleProblems(check.id, 'warnRule', check.warnRule, `checks[${index}].warnRule`));
  });
  return problems.length === 0 ? { ok: true, profile } : { ok: false, problems };
}

/** A rule the checks runner could not read; found here so a profile never reaches a site with one. */
function ruleProblems(checkId: string, field: 'rule' | 'warnRule', source: string, location: string): ProfileProblem[] {
  try {
    parseRule(source);
    return [];
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    return [{ code: 'schema', location, message: text(`检查 ${checkId} 的 ${field} 无效：${error.message}`, `check ${checkId}: invalid ${field}: ${error.message}`) }];
  }
}

function schemaProblems(document: unknown, english: z.ZodError): ProfileProblem[] {
  const chinese = ProfileDefinition.safeParse(document, { error: z.locales.zhCN().localeError });
  const chineseIssues = chinese.success ? [] : chinese.error.issues;
  return english.issues.map((issue, index) => {
    const location = issue.path.map(String).join('.') || '(document)';
    return {
      code: 'schema',
      location,
      message: text(`${location}：${chineseIssues[index]?.message ?? issue.message}`, `${location}: ${issue.message}`),
    };
  });
}

function declarationProblems(profile: ProfileDefinition): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const seen = new Set<string>();
  profile.parameters.forEach((declaration, index) => {
    const location = `parameters[${index}]`;
    if (seen.has(declaration.name)) {
      problems.push({
        code: 'duplicate-parameter',
        parameter: declaration.name,
        location,
        message: text(`参数 ${declaration.name} 重复声明`, `parameter ${declaration.name} is declared twice`),
      });
    }
    seen.add(declaration.name);
    if (declaration.type === 'integer' && declaration.min > declaration.max) {
      problems.push({
        code: 'schema',
        parameter: declaration.name,
        location,
        message: text(`参数 ${declaration.name}：min 大于 max`, `parameter ${declaration.name}: min is greater than max`),
      });
    }
    if (declaration.type === 'secret' && declaration.minLength > declaration.maxLength) {
      problems.push({
        code: 'schema',
        parameter: declaration.name,
        location,
        message: text(`参数 ${declaration.name}：minLength 大于 maxLength`, `parameter ${declaration.name}: minLength is greater than maxLength`),
      });
    }
    if ('default' in declaration && declaration.default !== undefined) {
      const checked = checkParameterValue(declaration, declaration.default);
      if (!checked.ok) {
        problems.push({
          code: 'invalid-default',
          parameter: declaration.name,
          location: `${location}.default`,
          message: text(`参数 ${declaration.name} 的默认值无效：${checked.message['zh-CN']}`, `parameter ${declaration.name} has an invalid default: ${checked.message.en}`),
        });
      }
    }
  });
  return problems;
}

/**
 * Parse one template and list its problems: characters a device line must not hold (only LF
 * separates lines; a TAB would trigger completion on most CLIs), syntax errors, and variables
 * that are not declared parameters.
 */
export function templateProblems(engine: Liquid, source: string, location: string, declared: ReadonlySet<string>): ProfileProblem[] {
  const forbidden = findTemplateCharacter(source);
  if (forbidden) {
    return [
      {
        code: 'template-syntax',
        location: `${location}:${forbidden.row}`,
        message: text(
          `${location} 第 ${forbidden.row} 行含有控制字符 ${describeCodePoint(forbidden.codePoint)}`,
          `${location} line ${forbidden.row} contains the control character ${describeCodePoint(forbidden.codePoint)}`,
        ),
      },
    ];
  }
  let templates: Template[];
  try {
    templates = engine.parse(source);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [{ code: 'template-syntax', location, message: text(`${location} 模板语法错误：${detail}`, `${location} has a template syntax error: ${detail}`) }];
  }
  const problems: ProfileProblem[] = [];
  for (const [name, uses] of templateGlobals(engine, templates)) {
    if (declared.has(name)) continue;
    const first = uses[0];
    const where = first ? `${location}:${first.row}:${first.col}` : location;
    problems.push({
      code: 'undeclared-variable',
      parameter: name,
      location: where,
      message: text(`${where}：变量 ${name} 没有在 parameters 中声明`, `${where}: the variable ${name} is not declared in parameters`),
    });
  }
  return problems;
}

function findTemplateCharacter(source: string): { row: number; codePoint: number } | null {
  let row = 1;
  for (const character of source) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint === 0x0a) {
      row += 1;
      continue;
    }
    if (classifyCharacter(codePoint) !== null) return { row, codePoint };
  }
  return null;
}
