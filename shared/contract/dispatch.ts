import { z } from 'zod';
import { contract, isMethodName, type EventName, type EventOf, type HostApi, type MethodName, type ParsedRequestOf } from './contract';
import { FieldKitError, type Envelope, type ErrorPayload } from './errors';

/**
 * The generic server half of every carrier: validates the method name and payload against the
 * contract, calls the implementation, and turns any failure into an error envelope. A carrier
 * only moves `(method, payload)` in and an {@link Envelope} out.
 */
export async function dispatch(api: HostApi, method: string, payload: unknown): Promise<Envelope> {
  if (!isMethodName(method)) {
    return failure({ code: 'InvalidRequest', message: `unknown method "${method}"` });
  }
  const schema = contract.methods[method].request;
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success) {
    return failure({ code: 'InvalidRequest', message: `invalid request for ${method}: ${z.prettifyError(parsed.error)}` });
  }
  try {
    const implementation = api[method] as (request: ParsedRequestOf<MethodName>) => Promise<unknown>;
    const value = await implementation(parsed.data as ParsedRequestOf<MethodName>);
    return { ok: true, value };
  } catch (error) {
    return failure(toErrorPayload(error));
  }
}

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof FieldKitError) return error.toPayload();
  // Never leak a stack trace across the boundary; the host logs the original.
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'Internal', message };
}

function failure(error: ErrorPayload): Envelope {
  return { ok: false, error };
}

/** Client half: turn an envelope back into a value or a typed error. */
export function unwrap<T>(envelope: Envelope): T {
  if (envelope.ok) return envelope.value as T;
  throw FieldKitError.fromPayload(envelope.error);
}

/** Validate an event payload before it leaves the host (cheap, catches host bugs early). */
export function checkEvent<E extends EventName>(event: E, payload: EventOf<E>): EventOf<E> {
  return contract.events[event].parse(payload) as EventOf<E>;
}
