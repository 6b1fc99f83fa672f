import { createWriteStream, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { TranscriptSink } from '../../shared/secrets/types';
import { TranscriptFormatter, type TranscriptDirection } from './transcriptFormatter';

export interface FileTranscriptOptions {
  /** Created (mode 0700) if missing. */
  directory: string;
  /** Who or what the session is for, e.g. the site code; sanitised for the file name. */
  label: string;
  /** The device address or port, e.g. `127.0.0.1:2601`, `/dev/ttyUSB0`; sanitised. */
  host: string;
  now?: () => Date;
}

/** Owner read and write only: transcripts are masked, but still the record of a device's setup. */
export const TRANSCRIPT_FILE_MODE = 0o600;
const MAX_NAME_PART = 64;

/** Keeps letters (any script), digits, `.`, `_` and `-`; no leading dots; never empty. */
export function sanitizeNamePart(value: string): string {
  const cleaned = value
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+|[._]+$/g, '')
    .slice(0, MAX_NAME_PART);
  return cleaned === '' ? 'unknown' : cleaned;
}

/** `<label>_<host>_<YYYYMMDD-HHmmss>.log`, local time (what the technician's clock showed). */
export function transcriptFileName(label: string, host: string, date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  const day = `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}`;
  const time = `${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
  return `${sanitizeNamePart(label)}_${sanitizeNamePart(host)}_${day}-${time}.log`;
}

/**
 * A transcript file: one line per device line, `<ISO time> <</>/#> <masked text>`. Lines are
 * written as they complete, through a write stream, so a crash loses at most the line in progress.
 * Only already-masked text reaches it (the channel masks). A write error (disk full) stops the
 * transcript, never the session; `close()` reports it.
 */
export class FileTranscript implements TranscriptSink {
  private readonly formatter: TranscriptFormatter;
  private failure: Error | undefined;
  private closed = false;

  constructor(
    readonly path: string,
    private readonly stream: Writable,
    now: () => Date,
  ) {
    this.formatter = new TranscriptFormatter(now, (lines) => {
      if (!this.failure) this.stream.write(lines);
    });
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  append(direction: TranscriptDirection, maskedText: string): void {
    if (this.closed) return;
    this.formatter.append(direction, maskedText);
  }

  /** Writes out the line in progress, ends the stream and waits until the file is closed. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.formatter.flush();
    this.stream.end();
    try {
      await finished(this.stream);
    } catch (error) {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
    }
    if (this.failure) throw this.failure;
  }
}

/**
 * Creates a new transcript file named by `transcriptFileName` in `directory` (created, mode 0700,
 * if missing). It never overwrites: a name already taken gets `-2`, `-3`, ... The caller closes
 * the sink. Synchronous so that a session has its transcript before the first byte arrives.
 */
export function createFileTranscript(options: FileTranscriptOptions): { sink: FileTranscript; path: string } {
  const now = options.now ?? (() => new Date());
  mkdirSync(options.directory, { recursive: true, mode: 0o700 });
  const baseName = transcriptFileName(options.label, options.host, now());
  for (let attempt = 1; ; attempt++) {
    const name = attempt === 1 ? baseName : baseName.replace(/\.log$/, `-${attempt}.log`);
    const path = join(options.directory, name);
    let descriptor: number;
    try {
      descriptor = openSync(path, 'wx', TRANSCRIPT_FILE_MODE);
    } catch (error) {
      if (isAlreadyExists(error) && attempt < 100) continue;
      throw error;
    }
    const sink = new FileTranscript(path, createWriteStream('', { fd: descriptor, encoding: 'utf8' }), now);
    return { sink, path };
  }
}

function isAlreadyExists(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EEXIST';
}
