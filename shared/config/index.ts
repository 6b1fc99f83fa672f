export { parseConfig, UnsupportedConfigFormatError } from './parseConfig';
export { serializeConfig } from './serializeConfig';
export { planChanges } from './planChanges';
export { renderDiff } from './renderDiff';
export { configSyntax } from './configSyntax';
export type { ConfigSyntax, ConfigFamily } from './configSyntax';
export { opaqueValueRules } from './opaqueValues';
export type { OpaqueValueRule } from './opaqueValues';
export type { ConfigNode, ConfigTree, DiffKind, DiffLine, Plan, PlanOptions, PlannedLine } from './types';
