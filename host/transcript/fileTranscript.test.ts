import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretMasker } from '../../shared/secrets';
import { MASK } from '../../shared/secrets/types';
import { Channel } from '../channel/channel';
import { ScriptedTransport } from '../channel/testing/scriptedTransport';
import { createFileTranscript, sanitizeNamePart, transcriptFileName } from './fileTranscript';
import { MemoryTranscript } from './memoryTranscript';

const fixedTime = new Date(2026, 10, 28, 9, 5, 7);
const now = () => fixedTime;
const stamp = fixedTime.toISOString();

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'fieldkit-transcript-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('transcript file names', () => {
  it('is <label>_<host>_<YYYYMMDD-HHmmss>.log in local time', () => {
    expect(transcriptFileName('HZ-001', '127.0.0.1:2601', fixedTime)).toBe('HZ-001_127.0.0.1_2601_20261128-090507.log');
  });

  it.each([
    ['../../etc/passwd', 'etc_passwd'],
    ['/dev/ttyUSB0', 'dev_ttyUSB0'],
    ['临安 县局', '临安_县局'],
    ['', 'unknown'],
    ['...', 'unknown'],
    ['a'.repeat(100), 'a'.repeat(64)],
  ])('sanitises %j to %j', (value, expected) => {
    expect(sanitizeNamePart(value)).toBe(expected);
  });
});

describe('createFileTranscript', () => {
  it('writes timestamped lines with direction markers to an owner-only file', async () => {
    const { sink, path } = createFileTranscript({ directory: join(directory, 'nested'), label: 'site 7', host: '127.0.0.1:2601', now });
    expect(path).toBe(join(directory, 'nested', 'site_7_127.0.0.1_2601_20261128-090507.log'));
    sink.append('in', 'Hello\r\n\r\nr1# ');
    sink.append('out', 'show version\n');
    sink.append('in', 'show version\r\nFRRouting 8.4.4\r\nr1');
    sink.append('in', '# ');
    sink.append('note', 'connection closed');
    sink.append('out', `${MASK}\n`);
    await sink.close();
    sink.append('in', 'after close');
    expect(await readFile(path, 'utf8')).toBe(
      [
        `${stamp} < Hello`,
        `${stamp} < `,
        `${stamp} < r1# `,
        `${stamp} > show version`,
        `${stamp} < show version`,
        `${stamp} < FRRouting 8.4.4`,
        `${stamp} < r1# `,
        `${stamp} # connection closed`,
        `${stamp} > ${MASK}`,
        '',
      ].join('\n'),
    );
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('never overwrites an earlier transcript of the same second', async () => {
    const first = createFileTranscript({ directory, label: 'site', host: 'r1', now });
    const second = createFileTranscript({ directory, label: 'site', host: 'r1', now });
    expect(second.path).toBe(first.path.replace(/\.log$/, '-2.log'));
    first.sink.append('note', 'first');
    second.sink.append('note', 'second');
    await Promise.all([first.sink.close(), second.sink.close()]);
    expect(await readFile(first.path, 'utf8')).toContain('# first');
    expect(await readFile(second.path, 'utf8')).toContain('# second');
  });

  it('holds only masked text when a channel writes to it', async () => {
    const canary = 'Canary-File-42';
    const transport = new ScriptedTransport({
      greeting: 'Password: ',
      steps: [{ input: `${canary}\r`, reply: `\r\nr1# enable secret 5 $1$abc\r\nr1# ${canary.slice(0, 6)}` }],
      chunking: { kind: 'fixed', size: 1 },
    });
    const { sink, path } = createFileTranscript({ directory, label: 'site', host: transport.description, now });
    const masker = createSecretMasker();
    const channel = new Channel(transport, { lineEnding: '\r', charset: 'utf-8', pagers: [], masker, transcript: sink });
    await transport.open();
    await channel.expect([/Password: $/], { timeoutMs: 5000, timeoutName: 'password prompt' });
    await channel.sendLine(canary, { secret: true });
    await channel.expect([/Canary$/], { timeoutMs: 5000, timeoutName: 'echo' });
    channel.dispose();
    await sink.close();
    const written = await readFile(path, 'utf8');
    expect(written).not.toContain(canary);
    expect(written).not.toContain('$1$abc');
    expect(written).toContain(`> ${MASK}\n`);
    expect(written).toContain(`< r1# enable secret 5 ${MASK}\n`);
    expect(written).toContain('< r1# Canary\n');
  });
});

describe('MemoryTranscript', () => {
  it('keeps the raw appends and the formatted lines, and ignores appends after close', async () => {
    const transcript = new MemoryTranscript(now);
    transcript.append('in', 'r1# ');
    transcript.append('out', 'exit\n');
    await transcript.close();
    transcript.append('in', 'late');
    expect(transcript.isClosed).toBe(true);
    expect(transcript.text()).toBe('r1# exit\n');
    expect(transcript.text('out')).toBe('exit\n');
    expect(transcript.lines()).toBe(`${stamp} < r1# \n${stamp} > exit\n`);
  });
});
