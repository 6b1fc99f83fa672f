export { parseVersion } from './version';
export type { VersionFacts } from './version';
export { detectDialect } from './detect';
