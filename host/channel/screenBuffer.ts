import type { PagerRule } from './types';

export interface ScreenBufferLimits {
  /** Unconsumed text kept at most; the oldest is dropped beyond it (noted as `truncated`). */
  maxBufferedChars: number;
  /** How far before the newly arrived text a search starts, so a prompt split across chunks matches. */
  lookbackChars: number;
}

export interface BufferMatch {
  before: string;
  match: RegExpExecArray;
  patternIndex: number;
  truncated: boolean;
}

/** A line without a break longer than this is committed as is (backspaces stop at it). */
const MAX_LINE = 65_536;
/** An escape sequence still open after this many characters is garbage: its ESC is dropped. */
const MAX_ESCAPE = 4096;
/** Pager prompts are looked for in this many characters at the end of the current line. */
const PAGER_TAIL = 512;
const ESCAPE = '\x1b';
const SPECIAL = /[\x00-\x08\x0a-\x1f\x7f]/g;

/**
 * The cleaned text a device has shown, for matching prompts: what the screen would read with
 * paging off. Rules, each for a device habit:
 * - ANSI/VT100 sequences (CSI, OSC, DCS, two- and three-character ESC sequences) are dropped;
 *   `ESC[nD` (cursor left) deletes like n backspaces and `ESC[2K` clears the line, because
 *   VRP erases `---- More ----` with `ESC[42D`, 42 blanks, `ESC[42D`.
 * - Backspace deletes the character before it on the current line: `x\b` and `x\b \b` vanish,
 *   and so does IOS's `--More--` eraser (8 BS, 8 blanks, 8 BS) once the pager text is gone.
 * - CR LF and CR CR LF become LF. A CR followed by other text clears the current line: the device
 *   is redrawing it (Maipu's rogue `"             \r"`, progress counters).
 * - NUL, BEL and other control characters except TAB are dropped.
 *
 * Positions are counted in the unconsumed text; committed lines are kept as pieces, so appending
 * is cheap and a search touches only new text plus `lookbackChars`.
 */
export class ScreenBuffer {
  private readonly pieces: string[] = [];
  private head = 0;
  private piecesLength = 0;
  /** The whole current line as shown, including a consumed start of `lineConsumed` characters. */
  private line = '';
  private lineConsumed = 0;
  private pendingReturn = false;
  private carry = '';
  private scannedTo = 0;
  private dropped = false;
  private readonly pagerScanners = new WeakMap<PagerRule, RegExp>();

  constructor(private readonly limits: ScreenBufferLimits) {}

  /** Characters held and not yet consumed. */
  get length(): number {
    return this.piecesLength + this.line.length - this.lineConsumed;
  }

  /** The current line as the screen shows it, consumed part included (for password prompts). */
  get currentLine(): string {
    return this.line;
  }

  push(text: string): void {
    const input = this.carry + text;
    this.carry = '';
    let position = 0;
    SPECIAL.lastIndex = 0;
    for (let found = SPECIAL.exec(input); found; found = SPECIAL.exec(input)) {
      const index = found.index;
      if (index > position) this.appendText(input.slice(position, index));
      position = index + 1;
      const character = input[index];
      if (character === '\n') {
        this.pendingReturn = false;
        this.commitLine('\n');
      } else if (character === '\r') {
        this.pendingReturn = true;
      } else if (character === '\b') {
        this.resolveReturn();
        this.deleteBack(1);
      } else if (character === ESCAPE) {
        const end = this.readEscape(input, index);
        if (end < 0) {
          this.carry = input.slice(index);
          position = input.length;
          break;
        }
        position = end;
        SPECIAL.lastIndex = end;
      }
    }
    if (position < input.length) this.appendText(input.slice(position));
    if (this.length > this.limits.maxBufferedChars) this.dropOldest(this.length - this.limits.maxBufferedChars);
  }

  /**
   * Finds the earliest match of any pattern (ties go to the lower index) in the text not yet
   * searched plus the look-back window, and consumes through its end. `fromStart` searches all
   * unconsumed text (a new wait brings new patterns).
   */
  search(patterns: readonly RegExp[], fromStart: boolean): BufferMatch | undefined {
    if (fromStart) this.scannedTo = 0;
    const windowStart = Math.max(0, this.scannedTo - this.limits.lookbackChars);
    const window = this.textFrom(windowStart);
    let best: { match: RegExpExecArray; patternIndex: number } | undefined;
    patterns.forEach((pattern, patternIndex) => {
      pattern.lastIndex = 0;
      const match = pattern.exec(window);
      if (match && (!best || match.index < best.match.index)) best = { match, patternIndex };
    });
    if (!best) {
      this.scannedTo = this.length;
      return undefined;
    }
    const start = windowStart + best.match.index;
    const before = this.textFrom(0).slice(0, start);
    const truncated = this.dropped;
    this.consume(start + best.match[0].length);
    best.match.index = before.length;
    return { before, match: best.match, patternIndex: best.patternIndex, truncated };
  }

  /**
   * If the current line ends with a pager prompt (only blanks after it), removes the prompt — and
   * the blanks before it when nothing else is on the line — and returns the rule to answer.
   */
  takePager(rules: readonly PagerRule[]): { rule: PagerRule; text: string } | undefined {
    const visibleFrom = Math.max(this.lineConsumed, this.line.length - PAGER_TAIL);
    const tail = this.line.slice(visibleFrom);
    if (tail.trim() === '') return undefined;
    for (const rule of rules) {
      const scanner = this.pagerScanner(rule);
      scanner.lastIndex = 0;
      let last: RegExpExecArray | undefined;
      for (let match = scanner.exec(tail); match; match = scanner.exec(tail)) {
        if (match[0].length === 0) break;
        last = match;
      }
      if (!last || tail.slice(last.index + last[0].length).trim() !== '') continue;
      let cut = visibleFrom + last.index;
      if (this.line.slice(this.lineConsumed, cut).trim() === '') cut = this.lineConsumed;
      this.line = this.line.slice(0, cut);
      this.scannedTo = Math.min(this.scannedTo, this.piecesLength);
      return { rule, text: last[0] };
    }
    return undefined;
  }

  private pagerScanner(rule: PagerRule): RegExp {
    let scanner = this.pagerScanners.get(rule);
    if (!scanner) {
      scanner = new RegExp(rule.pattern.source, rule.pattern.flags.replace(/[gy]/g, '') + 'g');
      this.pagerScanners.set(rule, scanner);
    }
    return scanner;
  }

  /** The last `count` unconsumed characters. */
  tail(count: number): string {
    return this.textFrom(Math.max(0, this.length - count));
  }

  /** Removes and returns all unconsumed text. */
  takeAll(): string {
    const text = this.textFrom(0);
    this.consume(this.length);
    return text;
  }

  private appendText(text: string): void {
    this.resolveReturn();
    this.line += text;
    if (this.line.length > MAX_LINE) this.commitLine('');
  }

  private resolveReturn(): void {
    if (!this.pendingReturn) return;
    this.pendingReturn = false;
    this.clearLine();
  }

  private clearLine(): void {
    this.line = this.line.slice(0, this.lineConsumed);
    this.scannedTo = Math.min(this.scannedTo, this.piecesLength);
  }

  private deleteBack(count: number): void {
    const keep = Math.max(this.lineConsumed, this.line.length - count);
    if (keep === this.line.length) return;
    this.line = this.line.slice(0, keep);
    this.scannedTo = Math.min(this.scannedTo, this.piecesLength);
  }

  private commitLine(ending: string): void {
    const text = this.line.slice(this.lineConsumed) + ending;
    if (text !== '') {
      this.pieces.push(text);
      this.piecesLength += text.length;
    }
    this.line = '';
    this.lineConsumed = 0;
  }

  /** Handles the escape sequence at `index`; returns the index after it, or -1 if incomplete. */
  private readEscape(input: string, index: number): number {
    const kind = input[index + 1];
    if (kind === undefined) return -1;
    if (kind === '[') {
      let end = index + 2;
      while (end < input.length && isInRange(input, end, 0x30, 0x3f)) end++;
      while (end < input.length && isInRange(input, end, 0x20, 0x2f)) end++;
      if (end >= input.length) return input.length - index > MAX_ESCAPE ? index + 1 : -1;
      if (!isInRange(input, end, 0x40, 0x7e)) return end;
      this.applyControlSequence(input.slice(index + 2, end), input[end] ?? '');
      return end + 1;
    }
    if (kind === ']' || kind === 'P' || kind === '^' || kind === '_') {
      const bell = kind === ']' ? input.indexOf('\x07', index + 2) : -1;
      const terminator = input.indexOf('\x1b\\', index + 2);
      const ends = [bell >= 0 ? bell + 1 : -1, terminator >= 0 ? terminator + 2 : -1].filter((value) => value >= 0);
      if (ends.length > 0) return Math.min(...ends);
      return input.length - index > MAX_ESCAPE ? index + 1 : -1;
    }
    if ('()*+#%'.includes(kind)) return index + 2 < input.length ? index + 3 : -1;
    return index + 2;
  }

  private applyControlSequence(parameters: string, final: string): void {
    const count = Number.parseInt(parameters, 10);
    if (final === 'D') {
      this.resolveReturn();
      this.deleteBack(Number.isFinite(count) && count > 0 ? count : 1);
    } else if (final === 'K' && count === 2) {
      this.clearLine();
    } else if (final === 'G' && !(count > 1)) {
      this.pendingReturn = true;
    }
  }

  /** Unconsumed text from `position` to the end. */
  private textFrom(position: number): string {
    const lineText = this.line.slice(this.lineConsumed);
    if (position >= this.piecesLength) return lineText.slice(position - this.piecesLength);
    const parts: string[] = [lineText];
    let start = this.piecesLength;
    for (let index = this.pieces.length - 1; index >= this.head && start > position; index--) {
      const piece = this.pieces[index] ?? '';
      start -= piece.length;
      parts.push(start < position ? piece.slice(position - start) : piece);
    }
    return parts.reverse().join('');
  }

  private consume(count: number): void {
    this.removeFront(count);
    this.scannedTo = 0;
    this.dropped = false;
  }

  private dropOldest(count: number): void {
    this.removeFront(count);
    this.scannedTo = Math.max(0, this.scannedTo - count);
    this.dropped = true;
  }

  private removeFront(count: number): void {
    const remaining = this.shiftPieces(count);
    if (remaining > 0) this.lineConsumed += Math.min(remaining, this.line.length - this.lineConsumed);
  }

  /** Removes up to `count` characters from the front of the committed pieces; returns the rest. */
  private shiftPieces(count: number): number {
    let remaining = count;
    while (remaining > 0 && this.head < this.pieces.length) {
      const piece = this.pieces[this.head] ?? '';
      if (piece.length <= remaining) {
        remaining -= piece.length;
        this.piecesLength -= piece.length;
        this.head++;
      } else {
        this.pieces[this.head] = piece.slice(remaining);
        this.piecesLength -= remaining;
        remaining = 0;
      }
    }
    if (this.head > 1024 && this.head * 2 > this.pieces.length) {
      this.pieces.splice(0, this.head);
      this.head = 0;
    }
    return remaining;
  }
}

function isInRange(text: string, index: number, low: number, high: number): boolean {
  const code = text.charCodeAt(index);
  return code >= low && code <= high;
}
