export * from './hooks';
export { useAppStore, type AppState } from './store';
export type { ConnectionTarget } from './connectionSlice';
export { TELNET_DEFAULT_PORT } from './connectionSlice';
export type { SessionPhase } from './sessionSlice';
