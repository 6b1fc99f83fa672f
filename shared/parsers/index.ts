export { parseVersion } from './version';
export type { VersionFacts } from './version';
export { detectDialect } from './detect';
export { parseInterfaces, InterfaceState, InterfaceStates, OutputParseError } from './interfaces';
export { parsePing, PingResult } from './ping';
