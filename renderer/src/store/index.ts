export * from './hooks';
export { useAppStore, type AppState } from './store';
export {
  defaultTarget,
  SERIAL_DEFAULT_BAUD_RATE,
  SSH_DEFAULT_PORT,
  TELNET_DEFAULT_PORT,
  transportKinds,
  type ConnectionTarget,
  type LineEndingChoice,
  type TransportKind,
} from './connectionSlice';
export type { SessionPhase } from './sessionSlice';
export {
  provisionSteps,
  runFinished,
  type ApplyOptionsChoice,
  type ProvisionProgress,
  type ProvisionStep,
} from './provisionSlice';
