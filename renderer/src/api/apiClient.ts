import type { ApiClient } from '../../../shared/contract';

let current: ApiClient | undefined;

/** Set once by main.tsx at start-up; action modules read it, components never do. */
export function setApiClient(client: ApiClient): void {
  current = client;
}

export function getApiClient(): ApiClient {
  if (!current) throw new Error('ApiClient used before main.tsx installed it');
  return current;
}
