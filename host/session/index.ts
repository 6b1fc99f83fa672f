export { DeviceSession } from './deviceSession';
export type { SessionOptions, CallOptions, IdentifyContext } from './deviceSession';
export type { LoginCredentials } from './login';
export { extractOutput, findFailure } from './commandOutput';
export { loginAutoDetect } from './identify';
