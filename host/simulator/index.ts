export { SimulatorEngine, type EngineOptions } from './engine';
export { startSimulator, isLoopback, type SimulatorOptions, type RunningSimulator } from './telnetServer';
export { startSimulatorPty, findSocat, type PtySimulatorOptions, type RunningPtySimulator } from './ptyBridge';
export { personas } from './personas';
export type { Persona, SimulatedDevice, ConnectionState, Reply, Question } from './types';
export { applyRuntimeSettings, DEFAULT_NTP_SYNC_DELAY_MS, type RuntimeSettings } from './features/runtime';
export type { DeviceRuntime } from './features/model';
