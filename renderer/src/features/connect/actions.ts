import { toErrorPayload, type RequestOf, type Unsubscribe } from '../../../../shared/contract';
import { getApiClient } from '../../api';
import { useAppStore, type ConnectionTarget } from '../../store';
import { forgetTerminalOutput } from '../terminal';

/** Secrets travel from the form straight into the request; they are never stored. */
export interface ConnectionSecrets {
  password: string;
  enableSecret: string;
}

function credentials(target: ConnectionTarget, secrets: ConnectionSecrets): RequestOf<'session.connect'>['credentials'] {
  const nonEmpty = (value: string) => (value === '' ? undefined : value);
  return {
    username: nonEmpty(target.username.trim()),
    password: nonEmpty(secrets.password),
    enableSecret: nonEmpty(secrets.enableSecret),
  };
}

export async function connect(target: ConnectionTarget, secrets: ConnectionSecrets): Promise<void> {
  const store = useAppStore.getState();
  const previous = store.sessionId;
  store.setTarget(target);
  store.beginConnect({ host: target.host, port: target.port });
  if (previous) forgetTerminalOutput(previous);
  try {
    const result = await getApiClient().invoke('session.connect', {
      target: { kind: 'telnet', host: target.host.trim(), port: target.port },
      credentials: credentials(target, secrets),
      dialect: target.dialect,
    });
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
 * changes): a line that drops by itself shows up as `closed` with the reason. Returns the
 * unsubscribe function; main.tsx calls this once.
 */
export function followSessionState(): Unsubscribe {
  return getApiClient().subscribe('session.state', (event) => {
    const store = useAppStore.getState();
    if (event.sessionId !== store.sessionId) return;
    if (event.error) store.failed(event.error);
    if (store.phase === 'closing' && event.state !== 'closed') return;
    store.setPhase(event.state);
  });
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
