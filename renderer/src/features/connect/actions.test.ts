import { beforeEach, describe, expect, it } from 'vitest';
import { FieldKitError, type ApiClient, type EventName, type EventOf, type MethodName, type RequestOf, type ResponseOf } from '../../../../shared/contract';
import { setApiClient } from '../../api';
import { defaultTarget, useAppStore } from '../../store';
import { connect, followSessionState } from './actions';

const facts = { hostname: 'r1', vendor: 'FRRouting', model: null, serial: null, version: '8.4.4', uptime: null, dialect: 'ios' as const };

/** Records calls, answers `session.connect` with `answer`, and lets the test fire `session.state`. */
function fakeClient(answer: () => Promise<unknown>) {
  const calls: { method: MethodName; request: unknown }[] = [];
  const stateListeners: ((payload: EventOf<'session.state'>) => void)[] = [];
  const client: ApiClient = {
    invoke<M extends MethodName>(method: M, request: RequestOf<M>) {
      calls.push({ method, request });
      return answer() as Promise<ResponseOf<M>>;
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void) {
      if (event === 'session.state') stateListeners.push(listener as (payload: EventOf<'session.state'>) => void);
      return () => undefined;
    },
  };
  const emitState = (payload: EventOf<'session.state'>) => stateListeners.forEach((listener) => listener(payload));
  return { client, calls, emitState };
}

const secrets = { password: '', enableSecret: '', passphrase: '' };

describe('connection actions', () => {
  beforeEach(() => {
    useAppStore.setState({ sessionId: null, phase: 'idle', error: null, lost: null, facts: null, endpoint: null });
  });

  it('marks a session that dropped by itself as lost, with the host’s reason', async () => {
    const fake = fakeClient(() => Promise.resolve({ sessionId: 's1', facts, transcriptPath: null }));
    setApiClient(fake.client);
    followSessionState();
    await connect({ ...defaultTarget, kind: 'serial', path: '/tmp/console-1' }, secrets);
    expect(useAppStore.getState()).toMatchObject({ sessionId: 's1', phase: 'ready', endpoint: '/tmp/console-1' });

    fake.emitState({ sessionId: 'other', state: 'closed', error: { code: 'ConnectionClosed', message: 'elsewhere' } });
    expect(useAppStore.getState().lost).toBeNull();

    const reason = { code: 'ConnectionClosed' as const, message: 'serial /tmp/console-1: connection lost' };
    fake.emitState({ sessionId: 's1', state: 'closed', error: reason });
    expect(useAppStore.getState()).toMatchObject({ phase: 'closed', lost: reason, error: null });

    await connect({ ...defaultTarget, kind: 'serial', path: '/tmp/console-2' }, secrets);
    expect(useAppStore.getState()).toMatchObject({ phase: 'ready', lost: null });
  });

  it('does not call a disconnect the technician asked for "lost"', async () => {
    const fake = fakeClient(() => Promise.resolve({ sessionId: 's2', facts, transcriptPath: null }));
    setApiClient(fake.client);
    followSessionState();
    await connect({ ...defaultTarget, kind: 'telnet', host: '127.0.0.1', port: 2601 }, secrets);
    fake.emitState({ sessionId: 's2', state: 'closed' });
    expect(useAppStore.getState()).toMatchObject({ phase: 'closed', lost: null, error: null });
  });

  it('keeps a refused host key as the form’s error and sends a confirmed key on the next attempt', async () => {
    const details = { storedFingerprint: 'SHA256:old', presentedFingerprint: 'SHA256:new', algorithm: 'ssh-ed25519' };
    const fake = fakeClient(() => Promise.reject(new FieldKitError('HostKeyChanged', 'changed', details)));
    setApiClient(fake.client);
    const target = { ...defaultTarget, kind: 'ssh' as const, host: '127.0.0.1', port: 22, username: 'fktest' };
    await connect(target, secrets);
    expect(useAppStore.getState()).toMatchObject({ phase: 'idle', error: { code: 'HostKeyChanged', details } });

    await connect(target, secrets, 'SHA256:new');
    expect(fake.calls[1]?.request).toMatchObject({ target: { kind: 'ssh', acceptHostKey: 'SHA256:new' } });
    expect(fake.calls[0]?.request).not.toHaveProperty('target.acceptHostKey');
  });
});
