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
  /** Where the session was opened (`10.0.0.1:23`, `/dev/ttyUSB0`), for the "connected to" line. */
  endpoint: string | null;
  facts: DeviceFacts | null;
  phase: SessionPhase;
  /** A request that failed (connect, disconnect): shown by the connection form. */
  error: ErrorPayload | null;
  /** Why an established session ended by itself (cable pulled, device rebooted); null otherwise. */
  lost: ErrorPayload | null;
  beginConnect: (endpoint: string) => void;
  connected: (sessionId: string, facts: DeviceFacts) => void;
  failed: (error: ErrorPayload) => void;
  sessionLost: (error: ErrorPayload) => void;
  setPhase: (phase: SessionPhase) => void;
  clearError: () => void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  sessionId: null,
  endpoint: null,
  facts: null,
  phase: 'idle',
  error: null,
  lost: null,
  beginConnect: (endpoint) => set({ sessionId: null, facts: null, endpoint, phase: 'connecting', error: null, lost: null }),
  connected: (sessionId, facts) => set({ sessionId, facts, phase: 'ready', error: null, lost: null }),
  failed: (error) => set((state) => ({ error, phase: state.sessionId ? 'closed' : 'idle' })),
  sessionLost: (lost) => set({ lost, phase: 'closed' }),
  setPhase: (phase) => set({ phase }),
  clearError: () => set({ error: null }),
});
