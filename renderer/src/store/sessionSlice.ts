import type { StateCreator } from 'zustand';
import type { DeviceFacts, ErrorPayload, SessionState } from '../../../shared/contract';
import type { AppState } from './store';

/**
 * The device session as the UI sees it. `idle` = never connected; `closing` = a disconnect the
 * technician asked for is in flight. Terminal bytes never live here (see features/terminal).
 */
export type SessionPhase = 'idle' | SessionState | 'closing';

export interface SessionSlice {
  sessionId: string | null;
  /** Where the session was opened, for the "connected to" line; set with the session. */
  endpoint: { host: string; port: number } | null;
  facts: DeviceFacts | null;
  phase: SessionPhase;
  error: ErrorPayload | null;
  beginConnect: (endpoint: { host: string; port: number }) => void;
  connected: (sessionId: string, facts: DeviceFacts) => void;
  failed: (error: ErrorPayload) => void;
  setPhase: (phase: SessionPhase) => void;
  clearError: () => void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  sessionId: null,
  endpoint: null,
  facts: null,
  phase: 'idle',
  error: null,
  beginConnect: (endpoint) => set({ sessionId: null, facts: null, endpoint, phase: 'connecting', error: null }),
  connected: (sessionId, facts) => set({ sessionId, facts, phase: 'ready', error: null }),
  failed: (error) => set((state) => ({ error, phase: state.sessionId ? 'closed' : 'idle' })),
  setPhase: (phase) => set({ phase }),
  clearError: () => set({ error: null }),
});
