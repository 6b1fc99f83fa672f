import { FieldKitError } from '../../../shared/contract';

/** The {@link FieldKitError} a promise rejects with; throws when it resolves or rejects with anything else. */
export async function failure(promise: Promise<unknown>): Promise<FieldKitError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof FieldKitError)) throw new Error(`expected a FieldKitError, got ${String(error)}`);
  return error;
}

/**
 * Sockets and timers alive in this process, by kind, once handles being closed have gone (that
 * takes a turn of the event loop or three); a closed transport must leave none behind.
 */
export async function liveHandles(): Promise<{ sockets: number; timers: number }> {
  for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  const resources = process.getActiveResourcesInfo();
  return { sockets: resources.filter((kind) => kind === 'TCPSocketWrap').length, timers: resources.filter((kind) => kind === 'Timeout').length };
}
