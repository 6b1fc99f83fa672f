import { checkEvent, type EventName, type EventOf, type EventSink } from '../../shared/contract';
import { toDisposable, type Disposable } from '../../shared/lifecycle';

type AnyListener = (event: EventName, payload: unknown) => void;

/**
 * The host's single event stream. Carriers subscribe once and forward everything; the
 * in-process client filters by event name. Payloads are validated before they leave.
 */
export class EventBus implements EventSink {
  private readonly listeners = new Set<AnyListener>();

  emit<E extends EventName>(event: E, payload: EventOf<E>): void {
    const checked = checkEvent(event, payload);
    for (const listener of [...this.listeners]) {
      try {
        listener(event, checked);
      } catch {
        // One broken subscriber (a closed socket) must not starve the others.
      }
    }
  }

  onAny(listener: AnyListener): Disposable {
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
