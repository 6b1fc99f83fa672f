import type { Unsubscribe } from '../../../../shared/contract';
import { getApiClient } from '../../api';
import { SessionOutput } from './sessionOutput';

/** Terminal output per session, outside React and zustand: chunks go straight into xterm. */
const outputs = new Map<string, SessionOutput>();

function outputFor(sessionId: string): SessionOutput {
  let output = outputs.get(sessionId);
  if (!output) {
    output = new SessionOutput();
    outputs.set(sessionId, output);
  }
  return output;
}

/**
 * Subscribes once at start-up, before any connect, so the login dialogue that streams while
 * `session.connect` is still pending is kept for the terminal that mounts afterwards.
 */
export function followTerminalOutput(): Unsubscribe {
  return getApiClient().subscribe('terminal.output', (event) => outputFor(event.sessionId).push(event.seq, event.data));
}

export function attachTerminalOutput(sessionId: string, sink: (data: string) => void): () => void {
  return outputFor(sessionId).attach(sink);
}

export function forgetTerminalOutput(sessionId: string): void {
  outputs.delete(sessionId);
}

export function sendTerminalInput(sessionId: string, data: string): void {
  // A rejected keystroke means the session is gone; session.state already tells the UI.
  getApiClient()
    .invoke('terminal.input', { sessionId, data })
    .catch(() => undefined);
}

/** Bounds of the contract's `terminal.resize`; a panel squeezed smaller keeps the last size. */
const MIN_COLUMNS = 20;
const MIN_ROWS = 5;

export function resizeTerminal(sessionId: string, columns: number, rows: number): void {
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return;
  getApiClient()
    .invoke('terminal.resize', { sessionId, columns: Math.min(columns, 1000), rows: Math.min(rows, 500) })
    .catch(() => undefined);
}
