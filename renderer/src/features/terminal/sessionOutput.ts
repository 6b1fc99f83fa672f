/** Backlog kept per session so a terminal that mounts late (or remounts) still shows the login. */
const MAX_BACKLOG_CHARACTERS = 1_000_000;
/** Chunks held back waiting for a missing sequence number before the gap is skipped. */
const MAX_PENDING_CHUNKS = 256;

/**
 * One session's terminal output, delivered in `seq` order. Carriers keep order, so out-of-order
 * chunks are rare; a gap that never fills is skipped after {@link MAX_PENDING_CHUNKS} so the
 * terminal cannot stall. The first sequence number seen starts the stream.
 */
export class SessionOutput {
  private nextSeq: number | undefined;
  private readonly pending = new Map<number, string>();
  private readonly backlog: string[] = [];
  private backlogCharacters = 0;
  private readonly sinks = new Set<(data: string) => void>();

  push(seq: number, data: string): void {
    if (this.nextSeq === undefined) this.nextSeq = seq;
    if (seq < this.nextSeq || this.pending.has(seq)) return;
    this.pending.set(seq, data);
    if (this.pending.size > MAX_PENDING_CHUNKS) this.nextSeq = Math.min(...this.pending.keys());
    this.drain();
  }

  /** Replays the backlog into `sink`, then forwards new output until the returned function is called. */
  attach(sink: (data: string) => void): () => void {
    if (this.backlog.length > 0) sink(this.backlog.join(''));
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  private drain(): void {
    for (let data = this.take(); data !== undefined; data = this.take()) {
      this.remember(data);
      for (const sink of this.sinks) sink(data);
    }
  }

  private take(): string | undefined {
    if (this.nextSeq === undefined) return undefined;
    const data = this.pending.get(this.nextSeq);
    if (data === undefined) return undefined;
    this.pending.delete(this.nextSeq);
    this.nextSeq += 1;
    return data;
  }

  private remember(data: string): void {
    this.backlog.push(data);
    this.backlogCharacters += data.length;
    while (this.backlogCharacters > MAX_BACKLOG_CHARACTERS && this.backlog.length > 1) {
      this.backlogCharacters -= this.backlog.shift()?.length ?? 0;
    }
  }
}
