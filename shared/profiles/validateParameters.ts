import type { DialectId } from '../contract/device';
import type { ParameterDeclaration } from './parameterSchema';
import { checkParameterValue } from './parameterTypes';
import { text, type LocalizedText, type ParameterProblem, type ProblemCode } from './problems';

/** Values as they come from a form or a sheet cell; numbers are accepted from spreadsheets. */
export type ParameterInput = Readonly<Record<string, string | number | null | undefined>>;

/** Checked and normalised values; an optional parameter without a value is null. */
export type ParameterValues = Readonly<Record<string, string | null>>;

export interface ValidateParametersOptions {
  /** The dialect the values are for; interface names are checked against it. */
  dialect?: DialectId;
  /**
   * Ignore values for parameters the profile does not declare (a site sheet carries columns for
   * several profiles). By default they are reported, so a typo in a column name is not lost.
   */
  ignoreUndeclared?: boolean;
}

export type ParameterValidation = { ok: true; values: ParameterValues } | { ok: false; problems: ParameterProblem[] };

/**
 * Check every value against its declaration before anything is rendered or sent. All problems
 * are returned, one per parameter at most, each naming its parameter.
 */
export function validateParameters(
  profile: { readonly parameters: readonly ParameterDeclaration[] },
  input: ParameterInput,
  options: ValidateParametersOptions = {},
): ParameterValidation {
  const problems: ParameterProblem[] = [];
  const values: Record<string, string | null> = {};
  const declared = new Set(profile.parameters.map((declaration) => declaration.name));
  for (const declaration of profile.parameters) {
    const given = Object.hasOwn(input, declaration.name) ? input[declaration.name] : undefined;
    const raw = given === undefined || given === null ? '' : String(given);
    const fallback = 'default' in declaration ? declaration.default : undefined;
    const effective = isBlank(declaration, raw) ? fallback : raw;
    if (effective === undefined) {
      if (declaration.required) {
        problems.push(problem(declaration, 'required', text('缺少必填的值', 'a required value is missing')));
      } else {
        values[declaration.name] = null;
      }
      continue;
    }
    const checked = checkParameterValue(declaration, effective, options.dialect);
    if (checked.ok) values[declaration.name] = checked.value;
    else problems.push(problem(declaration, checked.code, checked.message));
  }
  if (!options.ignoreUndeclared) {
    for (const name of Object.keys(input)) {
      if (declared.has(name)) continue;
      problems.push({
        parameter: name,
        code: 'undeclared',
        message: text(`参数 ${name}：此模板没有声明这个参数`, `parameter ${name}: this profile declares no such parameter`),
      });
    }
  }
  return problems.length === 0 ? { ok: true, values } : { ok: false, problems };
}

/** Spaces alone count as no value, except for a secret, whose value is taken exactly. */
function isBlank(declaration: ParameterDeclaration, raw: string): boolean {
  return declaration.type === 'secret' ? raw.length === 0 : raw.trim().length === 0;
}

function problem(declaration: ParameterDeclaration, code: ProblemCode, detail: LocalizedText): ParameterProblem {
  return {
    parameter: declaration.name,
    code,
    message: text(
      `参数 ${declaration.name}（${declaration.label['zh-CN']}）：${detail['zh-CN']}`,
      `parameter ${declaration.name} (${declaration.label.en}): ${detail.en}`,
    ),
  };
}

/** Replace the values of secret parameters with a mask, for display, logs and records. */
export function maskParameterValues(
  profile: { readonly parameters: readonly ParameterDeclaration[] },
  values: Readonly<Record<string, string | null>>,
  mask = '******',
): Record<string, string | null> {
  const masked: Record<string, string | null> = { ...values };
  for (const declaration of profile.parameters) {
    if (declaration.type === 'secret' && typeof masked[declaration.name] === 'string') masked[declaration.name] = mask;
  }
  return masked;
}
