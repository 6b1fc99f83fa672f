import type { ApiClient, EventName, EventOf, MethodName, RequestOf, ResponseOf, Unsubscribe } from '../../../shared/contract';
import type { FieldKitBridge } from './fieldkitBridge';
import { parseEvent, parseResult } from './validation';

/** The Electron carrier: the preload bridge moves envelopes, this turns them into typed results. */
export function createElectronClient(bridge: FieldKitBridge): ApiClient {
  return {
    async invoke<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
      const envelope: unknown = await bridge.invoke(method, request);
      return parseResult(method, envelope);
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): Unsubscribe {
      return bridge.subscribe(event, (payload) => {
        const parsed = parseEvent(event, payload);
        if (parsed !== undefined) listener(parsed);
      });
    },
  };
}
