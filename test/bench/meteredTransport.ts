import type { Transport } from '../../host/transports/transport';

export interface MeteredEvent {
  /** performance.now() when the chunk arrived or the write was handed to the transport. */
  at: number;
  bytes: number;
  /** Written text (latin1 view of the bytes); empty for received chunks. */
  text: string;
}

export interface MeteredTransport extends Transport {
  readonly received: MeteredEvent[];
  readonly written: MeteredEvent[];
  /** Bytes received with `from < at <= to`. */
  receivedBetween(from: number, to: number): number;
}

/** Wraps a transport to record when and how many bytes went each way; the bytes pass unchanged. */
export function meter(inner: Transport): MeteredTransport {
  const received: MeteredEvent[] = [];
  const written: MeteredEvent[] = [];
  inner.onData((chunk) => received.push({ at: performance.now(), bytes: chunk.byteLength, text: '' }));
  return {
    kind: inner.kind,
    description: inner.description,
    received,
    written,
    get isOpen() {
      return inner.isOpen;
    },
    open: (signal) => inner.open(signal),
    write(data) {
      written.push({ at: performance.now(), bytes: data.byteLength, text: Buffer.from(data).toString('latin1') });
      return inner.write(data);
    },
    onData: (listener) => inner.onData(listener),
    onClose: (listener) => inner.onClose(listener),
    close: () => inner.close(),
    receivedBetween: (from, to) => received.filter((event) => event.at > from && event.at <= to).reduce((sum, event) => sum + event.bytes, 0),
  };
}
