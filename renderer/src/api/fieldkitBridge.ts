import type { Envelope } from '../../../shared/contract';

/**
 * What Electron's preload exposes on `window.fieldkit` through contextBridge. Payloads are
 * untrusted `unknown` here and validated against the contract by the client wrapping this.
 */
export interface FieldKitBridge {
  invoke(method: string, payload: unknown): Promise<Envelope>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    fieldkit?: FieldKitBridge;
  }
}
