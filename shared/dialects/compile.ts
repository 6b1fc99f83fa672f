import type { DialectId } from '../contract/device';
import { dialects } from './registry';
import type { DialectDefinition, DialogueStep, ModeEdge, ModeId, PatternRule, SaveProcedure } from './schema';

export interface CompiledPrompt {
  mode: ModeId;
  regex: RegExp;
}

export interface CompiledDialogueStep {
  expect: RegExp;
  answer: string;
}

export interface CompiledModeEdge extends Omit<ModeEdge, 'dialogue'> {
  dialogue: CompiledDialogueStep[];
}

export interface CompiledSaveProcedure extends Omit<SaveProcedure, 'dialogue' | 'success'> {
  dialogue: CompiledDialogueStep[];
  success: RegExp | null;
}

/** Same shape as the channel's pager rule (host/channel/types.ts), without importing host code. */
export interface CompiledPagerRule {
  pattern: RegExp;
  answer: string;
}

/** A dialect with every regex source compiled once. Shared and immutable: never mutate it. */
export interface CompiledDialect {
  readonly id: DialectId;
  readonly definition: DialectDefinition;
  readonly prompts: readonly CompiledPrompt[];
  readonly anyPrompt: RegExp;
  readonly modeGraph: readonly CompiledModeEdge[];
  readonly login: {
    readonly username: readonly RegExp[];
    readonly password: readonly RegExp[];
    readonly failures: readonly RegExp[];
    readonly wakeUp: readonly RegExp[];
    readonly questions: readonly CompiledDialogueStep[];
  };
  readonly enableFailures: readonly RegExp[];
  /** Matched line by line (`m` is always added). */
  readonly failures: readonly RegExp[];
  readonly pagers: readonly CompiledPagerRule[];
  readonly save: readonly CompiledSaveProcedure[];
  /** Each has a `secret` named group; global, for replace-all by the masker. */
  readonly secretPatterns: readonly RegExp[];
}

function rule(value: PatternRule, extraFlags = ''): RegExp {
  const flags = new Set([...(value.flags ?? ''), ...extraFlags]);
  return new RegExp(value.pattern, [...flags].join(''));
}

function step(value: DialogueStep): CompiledDialogueStep {
  return { expect: new RegExp(value.expect), answer: value.answer };
}

export function compileDialect(definition: DialectDefinition): CompiledDialect {
  return Object.freeze({
    id: definition.id,
    definition,
    prompts: definition.prompts.map((prompt) => ({ mode: prompt.mode, regex: new RegExp(prompt.pattern, prompt.flags ?? '') })),
    anyPrompt: new RegExp(definition.anyPrompt),
    modeGraph: definition.modeGraph.map((edge) => ({ ...edge, dialogue: edge.dialogue.map(step) })),
    login: {
      username: definition.login.usernamePrompts.map((value) => rule(value)),
      password: definition.login.passwordPrompts.map((value) => rule(value)),
      failures: definition.login.failures.map((value) => rule(value)),
      wakeUp: definition.login.wakeUp.map((value) => rule(value)),
      questions: definition.login.questions.map(step),
    },
    enableFailures: definition.enableFailures.map((value) => rule(value)),
    failures: definition.failures.map((value) => rule(value, 'm')),
    pagers: definition.pagers.map((pager) => ({ pattern: new RegExp(pager.pattern), answer: pager.answer })),
    save: definition.save.map((procedure) => ({
      ...procedure,
      dialogue: procedure.dialogue.map(step),
      success: procedure.success ? new RegExp(procedure.success) : null,
    })),
    secretPatterns: definition.secretPatterns.map((value) => rule(value, 'g')),
  });
}

const compiled = new Map<DialectId, CompiledDialect>();

/** The registry's dialect, compiled on first use and cached. */
export function getCompiledDialect(id: DialectId): CompiledDialect {
  let dialect = compiled.get(id);
  if (!dialect) {
    dialect = compileDialect(dialects[id]);
    compiled.set(id, dialect);
  }
  return dialect;
}
