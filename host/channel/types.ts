import type { Disposable } from '../../shared/lifecycle';

export type LineEnding = '\r' | '\n' | '\r\n';
export type Charset = 'utf-8' | 'gbk' | 'gb18030';

export interface ChannelOptions {
  /** What Enter sends. Per connection: some devices want CR only (DOMAIN.md §1 #19). */
  lineEnding: LineEnding;
  charset: Charset;
  /** Pager prompts to answer automatically while waiting, e.g. `--More--` → space. */
  pagers: readonly PagerRule[];
  /** Longest line sent in one write; longer lines go in chunks (slow consoles drop bytes). */
  maxWriteChunk?: number;
}

export interface PagerRule {
  pattern: RegExp;
  /** Bytes to send when the pager shows, e.g. ' ' or '\r'. */
  answer: string;
}

export interface ExpectOptions {
  /** Hard wall-clock limit for this wait; rejects with `Timeout` carrying the partial output. */
  timeoutMs: number;
  /** Name of the wait for the error message, e.g. "login prompt", "enable password prompt". */
  timeoutName: string;
  signal?: AbortSignal;
}

export interface ExpectMatch {
  /** Cleaned text received before the match (echo not removed; callers strip echo). */
  before: string;
  /** The matched text. */
  matched: string;
  /** Index into the pattern list that matched. */
  patternIndex: number;
  match: RegExpExecArray;
  /** True when the oldest part of `before` was dropped because the buffer reached its cap. */
  truncated?: boolean;
}

/**
 * An expect engine over a transport. It keeps a rolling buffer of cleaned text (ANSI sequences,
 * backspaces and pager prompts removed), answers pagers, and taps every byte in both directions
 * into the transcript with secrets masked.
 */
export interface DeviceChannel extends Disposable {
  /** Send text as typed, plus the line ending. `secret: true` keeps it out of the transcript. */
  sendLine(text: string, options?: { secret?: boolean }): Promise<void>;
  /** Send raw text (terminal keystrokes) without adding a line ending. */
  write(text: string, options?: { secret?: boolean }): Promise<void>;
  /** Wait until one of the patterns matches the text received since the last consumed match. */
  expect(patterns: readonly RegExp[], options: ExpectOptions): Promise<ExpectMatch>;
  /** Drop whatever is buffered and not yet consumed. */
  discardBuffered(): string;
  /** Decoded text as it arrives, secrets masked, ANSI sequences kept (xterm renders them). */
  onText(listener: (text: string) => void): Disposable;
}
