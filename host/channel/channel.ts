import iconv from 'iconv-lite';
import { FieldKitError, type ErrorCode } from '../../shared/contract';
import { toDisposable, type Disposable } from '../../shared/lifecycle';
import { MASK, type SecretMasker, type TranscriptSink } from '../../shared/secrets/types';
import type { Transport } from '../transports/transport';
import { ScreenBuffer } from './screenBuffer';
import type { ChannelOptions, DeviceChannel, ExpectMatch, ExpectOptions } from './types';

export interface ChannelConstruction extends ChannelOptions {
  /** Shared with the session: secrets sent with `secret: true` are registered here. */
  masker: SecretMasker;
  /** Receives masked text in both directions; the creator closes it. */
  transcript?: TranscriptSink;
  /** Unconsumed cleaned text kept at most (characters, default 8 Mi); the oldest is dropped. */
  maxBufferedChars?: number;
  /** Characters before new text that a search looks back over (default 4096). */
  lookbackChars?: number;
}

/** Partial output carried by a failed wait: the last characters of the cleaned buffer, masked. */
export const PARTIAL_OUTPUT_CHARS = 4096;
const DEFAULT_MAX_BUFFERED_CHARS = 8 * 1024 * 1024;
const DEFAULT_LOOKBACK_CHARS = 4096;
/** Whatever is typed while the screen shows this is a secret, even if the caller did not say so. */
const SECRET_PROMPT = /(?:password|passphrase|secret|密码|口令)[^\n]*[:：]\s*$/i;

type MaskerStream = ReturnType<SecretMasker['stream']>;

interface Wait {
  readonly patterns: readonly RegExp[];
  readonly options: ExpectOptions;
  searched: boolean;
  settle(outcome: ExpectMatch | FieldKitError): void;
}

/**
 * The expect engine over one transport (see `DeviceChannel`). Text from the device is decoded per
 * charset, masked once for the transcript and the live terminal, and cleaned into a
 * `ScreenBuffer` for matching. Writes are serialised in call order.
 */
export class Channel implements DeviceChannel {
  private readonly decoder: ReturnType<typeof iconv.getDecoder>;
  private readonly received: MaskerStream;
  private readonly sent: MaskerStream;
  private readonly screen: ScreenBuffer;
  private readonly textListeners = new Set<(text: string) => void>();
  private readonly subscriptions: Disposable[];
  private waiting: Wait | undefined;
  private writes: Promise<void> = Promise.resolve();
  private closed = false;
  private disposed = false;

  constructor(
    private readonly transport: Transport,
    private readonly options: ChannelConstruction,
  ) {
    this.decoder = iconv.getDecoder(options.charset);
    this.received = options.masker.stream();
    this.sent = options.masker.stream();
    this.screen = new ScreenBuffer({
      maxBufferedChars: options.maxBufferedChars ?? DEFAULT_MAX_BUFFERED_CHARS,
      lookbackChars: options.lookbackChars ?? DEFAULT_LOOKBACK_CHARS,
    });
    this.subscriptions = [transport.onData((chunk) => this.receive(chunk)), transport.onClose((error) => this.handleClose(error))];
  }

  /** Cleaned characters buffered and not yet consumed by a match. */
  get bufferedChars(): number {
    return this.screen.length;
  }

  sendLine(text: string, options?: { secret?: boolean }): Promise<void> {
    return this.send(text, this.options.lineEnding, options?.secret ?? false);
  }

  write(text: string, options?: { secret?: boolean }): Promise<void> {
    return this.send(text, '', options?.secret ?? false);
  }

  expect(patterns: readonly RegExp[], options: ExpectOptions): Promise<ExpectMatch> {
    if (this.disposed) return Promise.reject(new FieldKitError('Cancelled', `channel disposed; cannot wait for ${options.timeoutName}`));
    if (this.waiting) {
      const current = this.waiting.options.timeoutName;
      return Promise.reject(new FieldKitError('SessionBusy', `already waiting for ${current}; cannot also wait for ${options.timeoutName}`));
    }
    if (options.signal?.aborted) return Promise.reject(this.failure('Cancelled', `cancelled before waiting for ${options.timeoutName}`));
    const compiled = patterns.map((pattern) => new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')));
    return new Promise<ExpectMatch>((resolve, reject) => {
      const signal = options.signal;
      const onAbort = () => wait.settle(this.failure('Cancelled', `cancelled while waiting for ${options.timeoutName}`));
      const timer = setTimeout(() => {
        this.note(`timed out after ${options.timeoutMs} ms waiting for ${options.timeoutName}`);
        wait.settle(this.failure('Timeout', `timed out after ${options.timeoutMs} ms waiting for ${options.timeoutName}`, { timeoutMs: options.timeoutMs }));
      }, options.timeoutMs);
      const wait: Wait = {
        patterns: compiled,
        options,
        searched: false,
        settle: (outcome) => {
          if (this.waiting !== wait) return;
          this.waiting = undefined;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          if (outcome instanceof FieldKitError) reject(outcome);
          else resolve(outcome);
        },
      };
      this.waiting = wait;
      signal?.addEventListener('abort', onAbort, { once: true });
      this.service();
      if (this.waiting === wait && this.closed) {
        wait.settle(this.failure('ConnectionClosed', `connection closed before ${options.timeoutName}`));
      }
    });
  }

  discardBuffered(): string {
    return this.screen.takeAll();
  }

  onText(listener: (text: string) => void): Disposable {
    this.textListeners.add(listener);
    return toDisposable(() => this.textListeners.delete(listener));
  }

  /** Unhooks from the transport (it does not close it), cancels a wait, flushes held-back text. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const subscription of this.subscriptions.splice(0).reverse()) subscription.dispose();
    const wait = this.waiting;
    if (wait) wait.settle(this.failure('Cancelled', `channel disposed while waiting for ${wait.options.timeoutName}`));
    this.publish(this.received.push(this.decoder.end() ?? '') + this.received.flush());
    const sentRest = this.sent.flush();
    if (sentRest) this.options.transcript?.append('out', sentRest);
    this.textListeners.clear();
  }

  private async send(text: string, lineEnding: string, secret: boolean): Promise<void> {
    if (this.disposed) throw new FieldKitError('Cancelled', 'channel disposed');
    const { masker, transcript } = this.options;
    const isSecret = secret || SECRET_PROMPT.test(this.screen.currentLine);
    if (isSecret) masker.add(text.replace(/[\r\n]+$/, ''));
    if (transcript) {
      const shown = (text + (lineEnding ? '\n' : '')).replace(/\r\n?/g, '\n');
      const record = isSecret ? this.sent.flush() + MASK + (shown.endsWith('\n') ? '\n' : '') : this.sent.push(shown);
      if (record) transcript.append('out', record);
    }
    await this.enqueueWrite(iconv.encode(text + lineEnding, this.options.charset));
  }

  private enqueueWrite(bytes: Uint8Array): Promise<void> {
    const chunkSize = this.options.maxWriteChunk && this.options.maxWriteChunk > 0 ? this.options.maxWriteChunk : bytes.length;
    const run = this.writes.then(async () => {
      for (let offset = 0; offset < bytes.length; offset += chunkSize) {
        await this.transport.write(bytes.subarray(offset, offset + chunkSize));
      }
    });
    this.writes = run.catch(() => undefined);
    return run;
  }

  private receive(chunk: Uint8Array): void {
    if (this.disposed) return;
    this.accept(this.decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
  }

  private accept(text: string): void {
    if (!text) return;
    this.publish(this.received.push(text));
    this.screen.push(text);
    this.service();
  }

  private publish(maskedText: string): void {
    if (!maskedText) return;
    this.options.transcript?.append('in', maskedText);
    for (const listener of [...this.textListeners]) {
      try {
        listener(maskedText);
      } catch {
        // A failing terminal view must not stop the device conversation.
      }
    }
  }

  /** Answers a pager at the end of the screen, then looks for the wait's patterns. */
  private service(): void {
    const wait = this.waiting;
    if (!wait) return;
    const pager = this.options.pagers.length > 0 ? this.screen.takePager(this.options.pagers) : undefined;
    if (pager) {
      this.note(`answered pager ${JSON.stringify(pager.text.trim())}`);
      this.enqueueWrite(iconv.encode(pager.rule.answer, this.options.charset)).catch((error: unknown) => {
        wait.settle(error instanceof FieldKitError ? error : this.failure('ConnectionClosed', `could not answer the pager while waiting for ${wait.options.timeoutName}`));
      });
    }
    const found = this.screen.search(wait.patterns, !wait.searched);
    wait.searched = true;
    if (!found) return;
    const result: ExpectMatch = { before: found.before, matched: found.match[0], patternIndex: found.patternIndex, match: found.match };
    if (found.truncated) result.truncated = true;
    wait.settle(result);
  }

  private handleClose(error: FieldKitError | undefined): void {
    if (this.closed || this.disposed) return;
    this.closed = true;
    this.accept(this.decoder.end() ?? '');
    this.publish(this.received.flush());
    this.note(error ? `connection closed: ${error.message}` : 'connection closed');
    const wait = this.waiting;
    if (!wait) return;
    const cause = error ? { cause: error.message, causeCode: error.code } : {};
    // The transport's own words ("connection lost (the console cable was pulled...)") say more
    // to a technician than a generic "closed".
    const what = error ? error.message : 'connection closed';
    wait.settle(this.failure('ConnectionClosed', `${what} while waiting for ${wait.options.timeoutName}`, cause));
  }

  private note(text: string): void {
    this.options.transcript?.append('note', this.options.masker.mask(text));
  }

  private failure(code: ErrorCode, message: string, details: Record<string, unknown> = {}): FieldKitError {
    return new FieldKitError(code, this.options.masker.mask(message), { ...details, partialOutput: this.partialOutput() });
  }

  /**
   * The last `PARTIAL_OUTPUT_CHARS` of the buffer, masked. The text is cut after a line break
   * (or far ahead of what is kept) before masking, so a cut never leaves half a secret in clear.
   */
  private partialOutput(): string {
    const wide = this.screen.tail(PARTIAL_OUTPUT_CHARS * 4);
    const lineBreak = wide.length < this.screen.length ? wide.indexOf('\n') : -1;
    const cut = lineBreak >= 0 && lineBreak < wide.length - PARTIAL_OUTPUT_CHARS ? lineBreak + 1 : 0;
    const masked = this.options.masker.mask(wide.slice(cut));
    return masked.length > PARTIAL_OUTPUT_CHARS ? masked.slice(-PARTIAL_OUTPUT_CHARS) : masked;
  }
}
