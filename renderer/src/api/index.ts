export { getApiClient, setApiClient } from './apiClient';
export { createApiClient } from './createApiClient';
export type { FieldKitBridge } from './fieldkitBridge';
export type { HostLink } from './hostLink';
