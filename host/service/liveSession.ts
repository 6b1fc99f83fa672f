import type { CommandResult, DeviceFacts, DialectId, EventSink } from '../../shared/contract';
import { FieldKitError } from '../../shared/contract';
import { DisposableStore } from '../../shared/lifecycle';
import type { TranscriptSink } from '../../shared/secrets/types';
import type { DeviceChannel } from '../channel/types';
import type { DeviceSession } from '../session';
import type { Transport } from '../transports/transport';
import { SerialQueue } from './serialQueue';

export interface LiveSessionParts {
  id: string;
  transport: Transport;
  channel: DeviceChannel;
  session: DeviceSession;
  dialect: DialectId;
  facts: DeviceFacts;
  transcript: TranscriptSink | undefined;
  transcriptPath: string | null;
}

/**
 * One connected device as the host service sees it: the session plus the bookkeeping the
 * contract needs (ordered terminal events, one operation at a time, resync after typing).
 */
export class LiveSession {
  readonly id: string;
  readonly transcriptPath: string | null;
  private readonly queue = new SerialQueue();
  private readonly disposables = new DisposableStore();
  private facts: DeviceFacts;
  /** Set when the live terminal typed something: the next command re-learns the prompt first. */
  private terminalDirty = false;
  private closed = false;

  constructor(
    private readonly parts: LiveSessionParts,
    private readonly events: EventSink,
    private readonly onClosed: (id: string) => void,
  ) {
    this.id = parts.id;
    this.facts = parts.facts;
    this.transcriptPath = parts.transcriptPath;
    this.disposables.add(
      parts.transport.onClose((error) => {
        void this.finish(error ?? undefined);
      }),
    );
  }

  get currentFacts(): DeviceFacts {
    return this.facts;
  }

  get isBusy(): boolean {
    return this.queue.busy;
  }

  run(command: string, timeoutMs?: number): Promise<CommandResult> {
    return this.exclusive(async () => {
      await this.resyncIfDirty();
      return this.parts.session.run(command, timeoutMs === undefined ? {} : { timeoutMs });
    });
  }

  refreshFacts(): Promise<DeviceFacts> {
    return this.exclusive(async () => {
      await this.resyncIfDirty();
      this.facts = await this.parts.session.facts();
      return this.facts;
    });
  }

  /**
   * Gives `task` the session and its channel to itself as one busy operation (the provisioning
   * engine needs the channel for save dialogues and banner blocks). The live terminal is refused
   * meanwhile; the prompt is re-learned first if someone typed into it.
   */
  withLine<T>(task: (line: { session: DeviceSession; channel: DeviceChannel; target: string }) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await this.resyncIfDirty();
      return task({ session: this.parts.session, channel: this.parts.channel, target: this.parts.transport.description });
    });
  }

  /** Keystrokes from the live terminal; refused while an operation owns the line. */
  async terminalInput(data: string): Promise<boolean> {
    this.assertOpen();
    if (this.queue.busy) return false;
    this.terminalDirty = true;
    await this.parts.channel.write(data);
    return true;
  }

  resize(columns: number, rows: number): boolean {
    if (!this.parts.transport.resize) return false;
    this.parts.transport.resize(columns, rows);
    return true;
  }

  async disconnect(): Promise<void> {
    await this.finish(undefined);
  }

  private async resyncIfDirty(): Promise<void> {
    if (!this.terminalDirty) return;
    this.terminalDirty = false;
    await this.parts.session.resync();
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.queue.run(async () => {
      this.assertOpen();
      this.events.emit('session.state', { sessionId: this.id, state: 'busy' });
      try {
        return await task();
      } finally {
        if (!this.closed) this.events.emit('session.state', { sessionId: this.id, state: 'ready' });
      }
    });
  }

  private assertOpen(): void {
    if (this.closed) throw new FieldKitError('ConnectionClosed', 'the session is closed; connect again');
  }

  private async finish(error: FieldKitError | undefined): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.disposables.dispose();
    this.parts.channel.dispose();
    await this.parts.transport.close().catch(() => undefined);
    await this.parts.transcript?.close().catch(() => undefined);
    this.events.emit('session.state', error ? { sessionId: this.id, state: 'closed', error: error.toPayload() } : { sessionId: this.id, state: 'closed' });
    this.onClosed(this.id);
  }
}
