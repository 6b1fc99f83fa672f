import type { Disposable } from '../../shared/lifecycle';
import type { FieldKitError } from '../../shared/contract';

/**
 * Bytes in and out of a device, nothing more. A transport knows nothing about prompts.
 *
 * Lifecycle: `open()` once; `close()` (or the peer) ends it; `onClose` fires exactly once, with
 * an error when the line dropped rather than being closed by us. After close, `write` rejects
 * with `ConnectionClosed`.
 */
export interface Transport {
  readonly kind: 'telnet' | 'serial' | 'ssh';
  /** For logs and transcripts, e.g. `telnet 127.0.0.1:2601`. Never contains a secret. */
  readonly description: string;
  open(signal?: AbortSignal): Promise<void>;
  write(data: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): Disposable;
  onClose(listener: (error: FieldKitError | undefined) => void): Disposable;
  /** Tell the device the terminal size, where the transport can (Telnet NAWS, SSH pty). */
  resize?(columns: number, rows: number): void;
  close(): Promise<void>;
  readonly isOpen: boolean;
}
