/** A message in both languages of the product (zh-CN first, English second). */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export type ProblemCode =
  // parameter values
  | 'required'
  | 'undeclared'
  | 'control-character'
  | 'look-alike'
  | 'too-long'
  | 'too-short'
  | 'invalid-ipv4'
  | 'invalid-prefix'
  | 'host-bits-set'
  | 'invalid-mask'
  | 'invalid-wildcard'
  | 'invalid-interface'
  | 'not-integer'
  | 'out-of-range'
  | 'invalid-phone'
  | 'invalid-hostname'
  | 'invalid-secret'
  | 'not-in-enum'
  | 'invalid-text'
  // profile definitions and templates
  | 'schema'
  | 'duplicate-parameter'
  | 'invalid-default'
  | 'template-syntax'
  | 'undeclared-variable'
  | 'dialect-not-supported'
  | 'no-reverse'
  | 'render-failed'
  | 'unsafe-output';

/**
 * One problem found in a profile, its templates or a parameter value. Messages never quote a
 * secret's value; `parameter` names the parameter concerned when there is one, `location` the
 * place in the profile (`templates.vrp.apply`, `parameters[2].default`).
 */
export interface ProfileProblem {
  code: ProblemCode;
  message: LocalizedText;
  parameter?: string;
  location?: string;
}

/** A problem with a parameter value: always names the parameter. */
export interface ParameterProblem extends ProfileProblem {
  parameter: string;
}

export function text(zh: string, en: string): LocalizedText {
  return { 'zh-CN': zh, en };
}
