export { DialectDefinition, ModeId, PatternRule, PromptRule, DialogueStep, ModeEdge, SaveProcedure } from './schema';
export type { DialectDefinitionInput } from './schema';
export { dialects } from './registry';
export { compileDialect, getCompiledDialect } from './compile';
export type { CompiledDialect, CompiledPrompt, CompiledModeEdge, CompiledDialogueStep, CompiledSaveProcedure, CompiledPagerRule } from './compile';
export { identifyPrompt, reconcileIdentity } from './prompt';
export type { PromptInfo, LearnedIdentity } from './prompt';
export { findModePath } from './modeGraph';
