import { expect } from 'vitest';
import type { Plan } from '../types';

/** The texts of the lines a plan sends, in order. */
export const sent = (plan: Plan): string[] => plan.toSend.map((line) => line.text);

/**
 * Every desired line other than separators and closers is accounted for exactly once: sent (by
 * its index) or listed as already present; and a sent line is the desired line it points to.
 */
export function expectAccounted(plan: Plan, desired: readonly string[], closer: RegExp): void {
  const significant = desired.filter((line) => line.trim() !== '' && !/^[!#]/.test(line.trim()) && !closer.test(line.trim()));
  const sentIndices = plan.toSend.flatMap((line) => (line.sourceIndex === null || closer.test(line.text) ? [] : [line.sourceIndex]));
  expect(new Set(sentIndices).size).toBe(sentIndices.length);
  expect(sentIndices.length + plan.alreadyPresent.length).toBe(significant.length);
  for (const line of plan.toSend) if (line.sourceIndex !== null) expect(desired[line.sourceIndex]?.trim()).toBe(line.text);
}
