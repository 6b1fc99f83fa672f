import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RunJournal, journalPath, readJournal, summarizeJournal } from './runJournal';

const directory = mkdtempSync(join(tmpdir(), 'fieldkit-journal-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const start = { type: 'start' as const, runId: 'run-0001', at: 't', target: 'telnet x', dialect: 'ios' as const, source: { kind: 'config' as const, name: 'a.txt', sha256: 'h' } };
const planned = (lines: string[]) => ({ type: 'planned' as const, at: 't', attempt: 0, lines: lines.map((text, index) => ({ number: index + 1, text, path: [] })) });

describe('run journal', () => {
  it('reads back what was appended and skips a torn last line, which a reopen cuts off', () => {
    const journal = RunJournal.create(directory, 'run-0001');
    journal.append(start);
    journal.append(planned(['a', 'b', 'c']));
    journal.append({ type: 'ack', index: 0 });
    journal.append({ type: 'ack', index: 1 });
    journal.close();
    appendFileSync(journal.path, '{"type":"ack","ind');
    const read = readJournal(journal.path);
    expect(read.torn).toBe(true);
    expect(summarizeJournal(read.entries).acknowledged.map((line) => line.text)).toEqual(['a', 'b']);

    const again = RunJournal.reopen(directory, 'run-0001');
    again.append(planned(['c']));
    again.append({ type: 'ack', index: 0 });
    again.append({ type: 'end', at: 't', outcome: 'completed' });
    again.close();
    const summary = summarizeJournal(readJournal(journal.path).entries);
    expect(summary).toMatchObject({ attempts: 2, finished: true });
    expect(summary.acknowledged.map((line) => line.text)).toEqual(['a', 'b', 'c']);
  });

  it('writes a background ack at once, keeps the order with flushed records, and refuses appends after close', () => {
    const journal = RunJournal.create(directory, 'run-0003');
    journal.append({ ...start, runId: 'run-0003' });
    journal.append(planned(['a', 'b', 'c']));
    journal.append({ type: 'ack', index: 0 }, 'background');
    journal.append({ type: 'ack', index: 1 }, 'background');
    // Read before any flush could have ended: a kill of the host now must not lose these acks.
    expect(summarizeJournal(readJournal(journal.path).entries).acknowledged.map((line) => line.text)).toEqual(['a', 'b']);
    journal.append({ type: 'ack', index: 2 }, 'background');
    journal.append({ type: 'end', at: 't', outcome: 'completed' });
    journal.close();
    journal.close();
    expect(() => journal.append({ type: 'ack', index: 0 }, 'background')).toThrow('closed');
    const summary = summarizeJournal(readJournal(journal.path).entries);
    expect(summary).toMatchObject({ finished: true });
    expect(summary.acknowledged.map((line) => line.text)).toEqual(['a', 'b', 'c']);
  });

  it('refuses a second journal for the same run and corruption before the last line', () => {
    expect(() => RunJournal.create(directory, 'run-0001')).toThrow();
    const path = journalPath(directory, 'run-0002');
    writeFileSync(path, `${JSON.stringify(start)}\nnot json\n${JSON.stringify({ type: 'ack', index: 0 })}\n`);
    expect(() => readJournal(path)).toThrow('line 2');
  });
});
