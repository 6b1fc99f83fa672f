import {
  contract,
  Envelope,
  FieldKitError,
  isEventName,
  unwrap,
  type EventName,
  type EventOf,
  type MethodName,
  type ResponseOf,
} from '../../../shared/contract';

/**
 * The renderer trusts no carrier: every envelope, result and event payload is parsed against
 * the contract before the UI sees it. A malformed answer becomes a typed `Internal` error.
 */
export function parseResult<M extends MethodName>(method: M, rawEnvelope: unknown): ResponseOf<M> {
  const envelope = Envelope.safeParse(rawEnvelope);
  if (!envelope.success) throw new FieldKitError('Internal', `malformed answer to ${method}`);
  const value = unwrap<unknown>(envelope.data);
  const parsed = contract.methods[method].response.safeParse(value);
  if (!parsed.success) throw new FieldKitError('Internal', `unexpected answer to ${method}`);
  return parsed.data as ResponseOf<M>;
}

/** Returns the parsed payload, or `undefined` for an unknown event or a payload that fails its schema. */
export function parseEvent<E extends EventName>(event: E, payload: unknown): EventOf<E> | undefined {
  if (!isEventName(event)) return undefined;
  const parsed = contract.events[event].safeParse(payload);
  return parsed.success ? (parsed.data as EventOf<E>) : undefined;
}
