import type { DialectId } from '../contract/device';
import { LiquidError, type Template } from 'liquidjs';
import { text, type ProfileProblem } from './problems';
import type { ProfileDefinition } from './profileSchema';
import { createTemplateEngine, MissingOutputError, templateGlobals, toConfigLines, UnsafeOutputError } from './templateEngine';
import { validateParameters, type ParameterInput, type ParameterValues, type ValidateParametersOptions } from './validateParameters';
import { templateProblems } from './validateProfile';

export type RenderDirection = 'apply' | 'reverse';

export interface RenderProfileOptions extends Omit<ValidateParametersOptions, 'dialect'> {
  /** `apply` (default) or `reverse`, the rollback lines. */
  direction?: RenderDirection;
}

/**
 * `lines` are configuration lines in sending order; `values` are the checked values they were
 * rendered from (secrets included: mask them with `maskParameterValues` before showing).
 */
export type RenderResult = { ok: true; lines: string[]; values: ParameterValues } | { ok: false; problems: ProfileProblem[] };

/**
 * Render one profile for one dialect. Values are checked first and nothing is rendered unless
 * all of them pass; the template may use declared parameters only. Never throws for bad input:
 * every problem comes back as data.
 */
export function renderProfile(profile: ProfileDefinition, dialect: DialectId, input: ParameterInput, options: RenderProfileOptions = {}): RenderResult {
  const direction = options.direction ?? 'apply';
  const templates = profile.templates[dialect];
  if (!templates) {
    return {
      ok: false,
      problems: [{ code: 'dialect-not-supported', message: text(`模板 ${profile.id} 不支持 ${dialect}`, `profile ${profile.id} has no templates for ${dialect}`) }],
    };
  }
  const source = direction === 'apply' ? templates.apply : templates.reverse;
  if (source === undefined) {
    return { ok: false, problems: [{ code: 'no-reverse', message: text(`模板 ${profile.id} 在 ${dialect} 上没有回退模板`, `profile ${profile.id} has no reverse template for ${dialect}`) }] };
  }
  const validation = validateParameters(profile, input, { dialect, ...(options.ignoreUndeclared === undefined ? {} : { ignoreUndeclared: options.ignoreUndeclared }) });
  if (!validation.ok) return { ok: false, problems: validation.problems };

  const engine = createTemplateEngine();
  const location = `templates.${dialect}.${direction}`;
  const declared = new Set(profile.parameters.map((declaration) => declaration.name));
  const staticProblems = templateProblems(engine, source, location, declared);
  if (staticProblems.length > 0) return { ok: false, problems: staticProblems };
  const parsed: Template[] = engine.parse(source);
  try {
    const rendered: unknown = engine.renderSync(parsed, { ...validation.values });
    return { ok: true, lines: toConfigLines(String(rendered)), values: validation.values };
  } catch (error) {
    return { ok: false, problems: [renderProblem(error, engine, parsed, validation.values, location)] };
  }
}

function renderProblem(error: unknown, engine: ReturnType<typeof createTemplateEngine>, parsed: Template[], values: ParameterValues, location: string): ProfileProblem {
  const cause = error instanceof LiquidError && error.originalError ? error.originalError : error;
  const detail = error instanceof Error ? error.message : String(error);
  const row = error instanceof LiquidError ? error.token.getPosition()[0] : undefined;
  const where = row === undefined ? location : `${location}:${row}`;
  if (cause instanceof MissingOutputError) {
    const parameter = row === undefined ? undefined : unsetParameterOnRow(engine, parsed, values, row);
    const name = parameter ?? '?';
    return {
      code: 'required',
      location: where,
      ...(parameter === undefined ? {} : { parameter }),
      message: text(`${where}：可选参数 ${name} 没有值，但模板直接输出了它`, `${where}: the optional parameter ${name} has no value but the template outputs it`),
    };
  }
  if (cause instanceof UnsafeOutputError) {
    return { code: 'unsafe-output', location: where, message: text(`${where}：输出会含有控制字符（${cause.message}）`, `${where}: ${cause.message}`) };
  }
  return { code: 'render-failed', location: where, message: text(`${where}：渲染失败：${detail}`, `${where}: rendering failed: ${detail}`) };
}

function unsetParameterOnRow(engine: ReturnType<typeof createTemplateEngine>, parsed: Template[], values: ParameterValues, row: number): string | undefined {
  for (const [name, uses] of templateGlobals(engine, parsed)) {
    if (values[name] === null && uses.some((use) => use.row === row)) return name;
  }
  return undefined;
}
