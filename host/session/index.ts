export { DeviceSession } from './deviceSession';
export type { SessionOptions, CallOptions } from './deviceSession';
export type { LoginCredentials } from './login';
export { extractOutput, findFailure } from './commandOutput';
