import type { TranscriptSink } from '../../shared/secrets/types';

export type TranscriptDirection = Parameters<TranscriptSink['append']>[0];

/** The marker that starts each transcript line after its timestamp. */
export const DIRECTION_MARKERS: Readonly<Record<TranscriptDirection, string>> = { in: '<', out: '>', note: '#' };

/**
 * Turns appended fragments into transcript lines `<ISO time> <marker> <text>`. A fragment
 * without a line break waits for the rest of its line, until text in another direction arrives
 * (a prompt followed by the command typed at it) or `flush()`. A note is always a whole line.
 * CR and NUL are dropped: line breaks are LF.
 */
export class TranscriptFormatter {
  private partial = '';
  private partialDirection: TranscriptDirection | undefined;

  constructor(
    private readonly now: () => Date,
    private readonly emit: (lines: string) => void,
  ) {}

  append(direction: TranscriptDirection, maskedText: string): void {
    const text = maskedText.replace(/[\r\0]/g, '');
    if (text === '') return;
    if (this.partialDirection !== undefined && this.partialDirection !== direction) this.flush();
    if (direction === 'note') {
      this.emit(this.format('note', text.replace(/\n+$/, '').split('\n')));
      return;
    }
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    this.partialDirection = this.partial === '' ? undefined : direction;
    if (lines.length > 0) this.emit(this.format(direction, lines));
  }

  /** Writes out a line still waiting for its end. */
  flush(): void {
    if (this.partialDirection === undefined) return;
    const direction = this.partialDirection;
    const line = this.partial;
    this.partial = '';
    this.partialDirection = undefined;
    this.emit(this.format(direction, [line]));
  }

  private format(direction: TranscriptDirection, lines: readonly string[]): string {
    const stamp = this.now().toISOString();
    const marker = DIRECTION_MARKERS[direction];
    return lines.map((line) => `${stamp} ${marker} ${line}\n`).join('');
  }
}
