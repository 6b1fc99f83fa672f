import { RenderProblemDetails, type ErrorPayload, type ParameterProblemView } from '../../../../shared/contract';

/** The per-field problems of an `InvalidRequest` from plan or apply; none for any other error. */
export function parameterProblemsOf(error: ErrorPayload): ParameterProblemView[] {
  if (error.code !== 'InvalidRequest' || error.details === undefined) return [];
  const parsed = RenderProblemDetails.safeParse(error.details);
  return parsed.success ? parsed.data.parameters : [];
}

/** One message per parameter (the first found), for the form's fields. */
export function problemsByParameter(problems: readonly ParameterProblemView[]): Map<string, ParameterProblemView> {
  const byName = new Map<string, ParameterProblemView>();
  for (const problem of problems) if (!byName.has(problem.parameter)) byName.set(problem.parameter, problem);
  return byName;
}
