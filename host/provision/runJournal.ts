import { closeSync, fdatasync, fdatasyncSync, mkdirSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DialectId, FailedLine, RunId } from '../../shared/contract';

/** A planned line as the journal keeps it: secrets masked. `number` as in `PlannedLineView`. */
const JournalLine = z.object({ number: z.number().int().positive().nullable(), text: z.string(), path: z.array(z.string()) });
export type JournalLine = z.infer<typeof JournalLine>;

const JournalSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('profiles'), ids: z.array(z.string()), valuesHash: z.string() }),
  z.object({ kind: z.literal('config'), name: z.string(), sha256: z.string() }),
]);
export type JournalSource = z.infer<typeof JournalSource>;

/**
 * One journal record. `planned` opens an attempt (the first run, or a resume after the line
 * dropped); `ack` indices point into the latest `planned` list and are written only once the
 * device answered the line with its next prompt and no error.
 */
export const JournalEntry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), runId: RunId, at: z.string(), target: z.string(), dialect: DialectId, source: JournalSource }),
  z.object({ type: z.literal('backup'), at: z.string(), file: z.string() }),
  z.object({ type: z.literal('planned'), at: z.string(), attempt: z.number().int().nonnegative(), lines: z.array(JournalLine) }),
  z.object({ type: z.literal('ack'), index: z.number().int().nonnegative() }),
  z.object({ type: z.literal('failure'), index: z.number().int().nonnegative(), line: FailedLine }),
  z.object({ type: z.literal('interrupted'), at: z.string(), index: z.number().int().nonnegative(), message: z.string() }),
  z.object({ type: z.literal('save'), at: z.string(), saved: z.boolean(), message: z.string().nullable() }),
  z.object({ type: z.literal('end'), at: z.string(), outcome: z.enum(['completed', 'failed', 'interrupted']) }),
]);
export type JournalEntry = z.infer<typeof JournalEntry>;

export function journalPath(directory: string, runId: string): string {
  return join(directory, `${RunId.parse(runId)}.jsonl`);
}

/**
 * How soon a record must survive a power loss. Every record is written to the file at once, so a
 * crash or kill of this process never loses one. `now` also flushes it to the disk before
 * `append` returns; `background` starts the flush and lets the caller go on (the next `now`
 * record or `close` waits for it), so only a power loss within those few milliseconds can lose it.
 */
export type Durability = 'now' | 'background';

/**
 * An append-only JSONL file per run: each record is one `write`, flushed with `fdatasync` (data
 * and file size; the same guarantee as fsync for an append-only file, without the timestamps'
 * extra write). After a crash or a kill the file holds every record that was reported written,
 * plus at most one torn last line (which `readJournal` skips).
 */
export class RunJournal {
  private descriptor: number | null;
  /** A background flush is running; `queued` asks for another once it ends. */
  private flushing = false;
  private queued = false;
  private closeWhenFlushed = false;
  private flushError: Error | null = null;

  private constructor(
    readonly path: string,
    descriptor: number,
  ) {
    this.descriptor = descriptor;
  }

  /** A new journal; fails if the run id is already taken. */
  static create(directory: string, runId: string): RunJournal {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const path = journalPath(directory, runId);
    return new RunJournal(path, openSync(path, 'wx', 0o600));
  }

  /** An existing journal, to append a resumed attempt. A torn last line is cut off first. */
  static reopen(directory: string, runId: string): RunJournal {
    const path = journalPath(directory, runId);
    const bytes = readFileSync(path);
    if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) truncateSync(path, bytes.lastIndexOf(0x0a) + 1);
    return new RunJournal(path, openSync(path, 'a', 0o600));
  }

  append(entry: JournalEntry, durability: Durability = 'now'): void {
    const descriptor = this.open();
    writeSync(descriptor, JSON.stringify(JournalEntry.parse(entry)) + '\n');
    if (durability === 'now') fdatasyncSync(descriptor);
    else this.flushInBackground(descriptor);
  }

  /** Flushes what is written and closes the file (once a running background flush has ended). */
  close(): void {
    if (this.descriptor === null) return;
    const descriptor = this.descriptor;
    this.descriptor = null;
    fdatasyncSync(descriptor);
    if (this.flushing) this.closeWhenFlushed = true;
    else closeSync(descriptor);
  }

  private open(): number {
    if (this.flushError) throw this.flushError;
    if (this.descriptor === null) throw new Error(`journal ${this.path} is closed`);
    return this.descriptor;
  }

  private flushInBackground(descriptor: number): void {
    if (this.flushing) {
      this.queued = true;
      return;
    }
    this.flushing = true;
    fdatasync(descriptor, (error) => {
      this.flushing = false;
      if (error) this.flushError ??= new Error(`journal ${this.path}: ${error.message}`);
      if (this.closeWhenFlushed) {
        closeSync(descriptor);
        return;
      }
      if (this.queued && this.descriptor !== null && !this.flushError) {
        this.queued = false;
        this.flushInBackground(descriptor);
      }
    });
  }
}

export interface JournalContents {
  entries: JournalEntry[];
  /** The last line was cut off by a crash and skipped. */
  torn: boolean;
}

/** Reads a journal; only the last line may be unreadable (torn), anything else is corruption and throws. */
export function readJournal(path: string): JournalContents {
  const lines = readFileSync(path, 'utf8').split('\n');
  const entries: JournalEntry[] = [];
  let torn = false;
  lines.forEach((line, position) => {
    if (line.trim() === '') return;
    const parsed = parseLine(line);
    if (parsed) {
      entries.push(parsed);
      return;
    }
    const isLast = lines.slice(position + 1).every((rest) => rest.trim() === '');
    if (!isLast) throw new Error(`${path}: line ${position + 1} is not a journal record`);
    torn = true;
  });
  return { entries, torn };
}

function parseLine(line: string): JournalEntry | null {
  try {
    const parsed = JournalEntry.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface JournalSummary {
  start: Extract<JournalEntry, { type: 'start' }> | null;
  backup: string | null;
  /** Every line the device acknowledged, over all attempts, in order. */
  acknowledged: JournalLine[];
  attempts: number;
  finished: boolean;
}

export function summarizeJournal(entries: readonly JournalEntry[]): JournalSummary {
  let start: JournalSummary['start'] = null;
  let backup: string | null = null;
  let planned: JournalLine[] = [];
  let attempts = 0;
  let finished = false;
  const acknowledged: JournalLine[] = [];
  for (const entry of entries) {
    if (entry.type === 'start') start = entry;
    else if (entry.type === 'backup') backup = entry.file;
    else if (entry.type === 'planned') {
      planned = entry.lines;
      attempts += 1;
    } else if (entry.type === 'ack') {
      const line = planned[entry.index];
      if (line) acknowledged.push(line);
    } else if (entry.type === 'end') finished = entry.outcome !== 'interrupted';
  }
  return { start, backup, acknowledged, attempts, finished };
}
