import { dispatch, unwrap, type ApiClient, type EventName, type EventOf, type HostApi, type MethodName, type RequestOf, type ResponseOf } from '../../shared/contract';
import type { EventBus } from './eventBus';

/**
 * The in-process carrier for the CLI and tests. It goes through the same `dispatch` as the
 * Electron and WebSocket carriers, so payload validation and error envelopes are identical.
 */
export function createInProcessClient(api: HostApi, events: EventBus): ApiClient {
  return {
    async invoke<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
      return unwrap<ResponseOf<M>>(await dispatch(api, method, request));
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void) {
      const subscription = events.onAny((name, payload) => {
        if (name === event) listener(payload as EventOf<E>);
      });
      return () => subscription.dispose();
    },
  };
}
