import type { FieldKitError } from '../../shared/contract';
import { toDisposable, type Disposable } from '../../shared/lifecycle';

type DataListener = (chunk: Uint8Array) => void;
type CloseListener = (error: FieldKitError | undefined) => void;

/**
 * The listeners of one transport: its data chunks and its single close notice. The
 * transport decides when to fire; this keeps the promise that the close notice comes once. After
 * `fireClose` every listener is dropped and listeners added later are never called.
 */
export class TransportEvents {
  private readonly dataListeners = new Set<DataListener>();
  private readonly closeListeners = new Set<CloseListener>();
  private closed = false;

  onData(listener: DataListener): Disposable {
    return this.register(this.dataListeners, listener);
  }

  onClose(listener: CloseListener): Disposable {
    return this.register(this.closeListeners, listener);
  }

  fireData(chunk: Uint8Array): void {
    fire(this.dataListeners, chunk);
  }

  /** Drops every listener, then tells the close listeners; only the first call does anything. */
  fireClose(error: FieldKitError | undefined): void {
    if (this.closed) return;
    this.closed = true;
    this.dataListeners.clear();
    const listeners = [...this.closeListeners];
    this.closeListeners.clear();
    fire(listeners, error);
  }

  private register<T>(listeners: Set<T>, listener: T): Disposable {
    if (this.closed) return toDisposable(() => undefined);
    listeners.add(listener);
    return toDisposable(() => listeners.delete(listener));
  }
}

/**
 * Calls every listener even if one throws; a listener's fault surfaces as an uncaught error on
 * its own, never inside the driver, socket or parser callbacks that called it.
 */
function fire<T>(listeners: Iterable<(value: T) => void>, value: T): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}
