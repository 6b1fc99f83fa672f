import type { TranscriptSink } from '../../shared/secrets/types';
import { TranscriptFormatter, type TranscriptDirection } from './transcriptFormatter';

/** A transcript kept in memory, for tests and for callers that store it elsewhere. */
export class MemoryTranscript implements TranscriptSink {
  readonly entries: Array<{ direction: TranscriptDirection; text: string }> = [];
  private formatted = '';
  private readonly formatter: TranscriptFormatter;
  private closed = false;

  constructor(now: () => Date = () => new Date()) {
    this.formatter = new TranscriptFormatter(now, (lines) => {
      this.formatted += lines;
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  append(direction: TranscriptDirection, maskedText: string): void {
    if (this.closed) return;
    this.entries.push({ direction, text: maskedText });
    this.formatter.append(direction, maskedText);
  }

  /** Everything appended in one direction (or all), joined as it came. */
  text(direction?: TranscriptDirection): string {
    return this.entries
      .filter((entry) => direction === undefined || entry.direction === direction)
      .map((entry) => entry.text)
      .join('');
  }

  /** The lines written so far, formatted as a file transcript holds them. */
  lines(): string {
    return this.formatted;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.formatter.flush();
    this.closed = true;
  }
}
