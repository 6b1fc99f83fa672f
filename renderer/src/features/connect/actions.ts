import { toErrorPayload, type Unsubscribe } from '../../../../shared/contract';
import { getApiClient } from '../../api';
import { useAppStore, type ConnectionTarget } from '../../store';
import { forgetTerminalOutput } from '../terminal';
import { buildConnectRequest, endpointOf, type ConnectionSecrets } from './connectRequest';

/**
 * Opens a session. `acceptHostKey` is passed only from the host-key warning, after the
 * technician confirmed the presented fingerprint; it applies to this attempt alone.
 */
export async function connect(target: ConnectionTarget, secrets: ConnectionSecrets, acceptHostKey?: string): Promise<void> {
  const store = useAppStore.getState();
  const previous = store.sessionId;
  store.setTarget(target);
  store.beginConnect(endpointOf(target));
  if (previous) forgetTerminalOutput(previous);
  try {
    const result = await getApiClient().invoke('session.connect', buildConnectRequest(target, secrets, acceptHostKey));
    useAppStore.getState().connected(result.sessionId, result.facts);
  } catch (error) {
    useAppStore.getState().failed(toErrorPayload(error));
  }
}

export async function disconnect(): Promise<void> {
  const store = useAppStore.getState();
  const sessionId = store.sessionId;
  if (!sessionId) return;
  store.setPhase('closing');
  try {
    await getApiClient().invoke('session.disconnect', { sessionId });
    useAppStore.getState().setPhase('closed');
  } catch (error) {
    useAppStore.getState().failed(toErrorPayload(error));
  }
}

/**
 * Follows `session.state` for the current session (the host broadcasts every session's
 * changes). A line that drops by itself (cable pulled, device rebooted) arrives as `closed`
 * with the reason and becomes the store's `lost`; a disconnect the technician asked for
 * carries no error. Returns the unsubscribe function; main.tsx calls this once.
 */
export function followSessionState(): Unsubscribe {
  return getApiClient().subscribe('session.state', (event) => {
    const store = useAppStore.getState();
    if (event.sessionId !== store.sessionId) return;
    if (event.state === 'closed' && event.error) {
      store.sessionLost(event.error);
      return;
    }
    if (event.error) store.failed(event.error);
    if (store.phase === 'closing' && event.state !== 'closed') return;
    store.setPhase(event.state);
  });
}

/** Asks the host which serial ports exist; a failure is shown next to the port picker. */
export async function refreshSerialPorts(): Promise<void> {
  useAppStore.getState().beginSerialList();
  try {
    const ports = await getApiClient().invoke('serial.list', {});
    useAppStore.getState().serialListed(ports);
  } catch (error) {
    useAppStore.getState().serialListFailed(toErrorPayload(error));
  }
}

/** Reads the host's version for the header; failure only leaves it blank. */
export async function loadHostInfo(): Promise<void> {
  try {
    const info = await getApiClient().invoke('host.info', {});
    useAppStore.getState().setHostVersion(info.version);
  } catch {
    // The header simply shows no version; the connection banner reports a lost host.
  }
}
