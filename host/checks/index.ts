export { runCheck, runChecks } from './runChecks';
export type { CheckProgress, RunOptions } from './runChecks';
export { attemptCheck } from './attempts';
export type { CheckEnvironment, AttemptOutcome } from './attempts';
export { runPlannedCommand, CommandInterruptedError } from './deviceLine';
export type { CheckLine } from './deviceLine';
export { systemProbes, ProbeTimeoutError } from './laptopProbes';
export type { LaptopProbes, TcpOutcome, PingOutcome } from './laptopProbes';
