import { describe, expect, it } from 'vitest';
import { FieldKitError } from '../../shared/contract';
import { createSecretMasker } from '../../shared/secrets';
import { MASK } from '../../shared/secrets/types';
import { MemoryTranscript } from '../transcript';
import { Channel, PARTIAL_OUTPUT_CHARS, type ChannelConstruction } from './channel';
import { ScriptedTransport, type Chunking, type ScriptStep } from './testing/scriptedTransport';
import type { PagerRule } from './types';

const prompt = /r1# $/;
const pagers: PagerRule[] = [
  { pattern: /--More--/, answer: ' ' },
  { pattern: /---- More ----/, answer: ' ' },
  { pattern: /---MORE---/, answer: ' ' },
  { pattern: /\.\.\.\.press ENTER to next line, Q to quit, other key to next page\.\.\.\./, answer: '\r' },
];

function openChannel(transport: ScriptedTransport, overrides: Partial<ChannelConstruction> = {}) {
  const masker = createSecretMasker();
  const transcript = new MemoryTranscript();
  const channel = new Channel(transport, { lineEnding: '\r', charset: 'utf-8', pagers, masker, transcript, ...overrides });
  return { channel, masker, transcript };
}

async function rejection(promise: Promise<unknown>): Promise<FieldKitError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof FieldKitError)) throw new Error(`expected a FieldKitError, got ${String(error)}`);
  return error;
}

const pageOne = 'interface eth1\r\n description to eth2\r\n';
const pageTwo = 'interface eth2\r\n description to eth1\r\n';
const pageThree = 'end\r\n';
const pagerStyles: Array<[name: string, pager: string, answer: string, eraser: string]> = [
  ['IOS --More--', ' --More-- ', ' ', `${'\b'.repeat(9)}${' '.repeat(9)}${'\b'.repeat(9)}`],
  ['VRP ---- More ----', '  ---- More ----', ' ', `\x1b[42D${' '.repeat(42)}\x1b[42D`],
  ['Maipu ---MORE---', '---MORE---', ' ', `\r${' '.repeat(13)}\r`],
  ['Maipu press ENTER', '....press ENTER to next line, Q to quit, other key to next page....', '\r', `\r${' '.repeat(70)}\r`],
];

describe.each(pagerStyles)('pager %s', (_name, pager, answer, eraser) => {
  it.each<[string, Chunking]>([
    ['whole', { kind: 'whole' }],
    ['one byte', { kind: 'fixed', size: 1 }],
    ['random', { kind: 'random', seed: 5, maxSize: 6 }],
  ])('is answered and removed from the output (%s reads)', async (_reads, chunking) => {
    const steps: ScriptStep[] = [
      { input: 'show running-config\r', reply: `show running-config\r\n${pageOne}${pager}` },
      { input: answer, reply: `${eraser}${pageTwo}${pager}` },
      { input: answer, reply: `${eraser}${pageThree}r1# ` },
    ];
    const transport = new ScriptedTransport({ steps, chunking });
    const { channel, transcript } = openChannel(transport);
    await transport.open();
    await channel.sendLine('show running-config');
    const found = await channel.expect([prompt], { timeoutMs: 5000, timeoutName: 'prompt' });
    expect(found.before).toBe(`show running-config\n${pageOne}${pageTwo}${pageThree}`.replace(/\r\n/g, '\n'));
    expect(transport.unexpected).toEqual([]);
    expect(transport.writtenText()).toBe(`show running-config\r${answer}${answer}`);
    expect(transcript.entries.filter((entry) => entry.direction === 'note')).toHaveLength(2);
  });
});

describe('Channel waits', () => {
  it('gives up on an endless pager at the wait timeout, with the partial output', async () => {
    const steps = Array.from({ length: 5000 }, (_, index): ScriptStep => ({ input: ' ', reply: `\b\b\b\b\b\b\b\b\b        \b\b\b\b\b\b\b\b\bline ${index}\r\n --More-- ` }));
    const transport = new ScriptedTransport({ greeting: 'first\r\n --More-- ', steps });
    const { channel } = openChannel(transport);
    await transport.open();
    const error = await rejection(channel.expect([prompt], { timeoutMs: 300, timeoutName: 'end of show output' }));
    expect(error.code).toBe('Timeout');
    expect(error.message).toBe('timed out after 300 ms waiting for end of show output');
    expect(transport.writes.length).toBeGreaterThan(1);
    const partial = String(error.details?.partialOutput);
    expect(partial).toMatch(/\nline \d+\n$/);
    expect(partial).not.toContain('More');
    const answered = transport.writes.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(transport.writes.length).toBe(answered);
  });

  it('times out naming the wait, with the last 4 KB of output masked', async () => {
    const secret = 'Login-Secret-55';
    const lines = Array.from({ length: 400 }, (_, index) => `line ${index} of a long banner\r\n`).join('');
    const transport = new ScriptedTransport({ greeting: `${lines}password zebra\r\nuser ${secret} tail without prompt` });
    const { channel, masker } = openChannel(transport);
    masker.add(secret);
    await transport.open();
    const error = await rejection(channel.expect([/Username: $/], { timeoutMs: 100, timeoutName: 'login prompt' }));
    expect(error.code).toBe('Timeout');
    expect(error.message).toBe('timed out after 100 ms waiting for login prompt');
    const partial = String(error.details?.partialOutput);
    expect(partial.length).toBeLessThanOrEqual(PARTIAL_OUTPUT_CHARS);
    expect(partial.endsWith(`password ${MASK}\nuser ${MASK} tail without prompt`)).toBe(true);
    expect(partial).not.toContain('line 0 of');
    expect(channel.bufferedChars).toBeGreaterThan(PARTIAL_OUTPUT_CHARS);
  });

  it('cancels a wait when its signal aborts, and refuses one already aborted', async () => {
    const transport = new ScriptedTransport({ greeting: 'Hello\r\n' });
    const { channel } = openChannel(transport);
    await transport.open();
    const controller = new AbortController();
    const waiting = channel.expect([prompt], { timeoutMs: 5000, timeoutName: 'prompt', signal: controller.signal });
    await transport.deliver('');
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const error = await rejection(waiting);
    expect(error.code).toBe('Cancelled');
    expect(error.details?.partialOutput).toBe('Hello\n');
    const refused = await rejection(channel.expect([prompt], { timeoutMs: 5000, timeoutName: 'prompt', signal: controller.signal }));
    expect(refused.code).toBe('Cancelled');
  });

  it('fails a wait with ConnectionClosed when the line drops, keeping the partial output', async () => {
    const transport = new ScriptedTransport({ steps: [{ input: 'show version\r', reply: 'show version\r\nFRRouting 8.4.4', close: new FieldKitError('ConnectionClosed', 'peer reset') }] });
    const { channel, transcript } = openChannel(transport);
    await transport.open();
    await channel.sendLine('show version');
    const error = await rejection(channel.expect([prompt], { timeoutMs: 5000, timeoutName: 'prompt after show version' }));
    expect(error.code).toBe('ConnectionClosed');
    expect(error.message).toBe('peer reset while waiting for prompt after show version');
    expect(error.details).toMatchObject({ partialOutput: 'show version\nFRRouting 8.4.4', cause: 'peer reset' });
    expect(transcript.text('note')).toContain('connection closed: peer reset');
  });

  it('still finds a prompt that arrived before the connection closed', async () => {
    const transport = new ScriptedTransport({ greeting: 'bye\r\nr1# ' });
    const { channel } = openChannel(transport);
    await transport.open();
    await transport.hangUp();
    expect((await channel.expect([prompt], { timeoutMs: 5000, timeoutName: 'prompt' })).before).toBe('bye\n');
    expect((await rejection(channel.expect([prompt], { timeoutMs: 5000, timeoutName: 'prompt' }))).code).toBe('ConnectionClosed');
  });

  it('allows one wait at a time', async () => {
    const transport = new ScriptedTransport();
    const { channel } = openChannel(transport);
    await transport.open();
    const first = channel.expect([prompt], { timeoutMs: 5000, timeoutName: 'first prompt' });
    const second = await rejection(channel.expect([prompt], { timeoutMs: 5000, timeoutName: 'second prompt' }));
    expect(second.code).toBe('SessionBusy');
    await transport.deliver('r1# ');
    expect((await first).matched).toBe('r1# ');
  });

  it('consumes through each match, so consecutive waits see the rest in order', async () => {
    const transport = new ScriptedTransport({ greeting: 'a\r\nr1# b\r\nr1# c' });
    const { channel } = openChannel(transport);
    await transport.open();
    const options = { timeoutMs: 5000, timeoutName: 'prompt' };
    expect((await channel.expect([/r1# /], options)).before).toBe('a\n');
    expect((await channel.expect([/r1# /], options)).before).toBe('b\n');
    expect(channel.discardBuffered()).toBe('c');
    expect(channel.discardBuffered()).toBe('');
  });

  it('on dispose cancels the wait, unhooks, and flushes held-back text to transcript and terminal', async () => {
    const transport = new ScriptedTransport({ greeting: 'abc Held-Sec' });
    const { channel, masker, transcript } = openChannel(transport);
    masker.add('Held-Secret-1');
    const shown: string[] = [];
    channel.onText((text) => shown.push(text));
    await transport.open();
    const waiting = channel.expect([prompt], { timeoutMs: 5000, timeoutName: 'prompt' });
    await transport.deliver('');
    expect(shown.join('')).toBe('abc ');
    channel.dispose();
    expect((await rejection(waiting)).code).toBe('Cancelled');
    expect(shown.join('')).toBe('abc Held-Sec');
    expect(transcript.text('in')).toBe('abc Held-Sec');
    await transport.deliver('more');
    expect(shown.join('')).toBe('abc Held-Sec');
    expect((await rejection(channel.sendLine('x'))).code).toBe('Cancelled');
  });
});

describe('Channel with a large output', () => {
  it('matches the prompt after 10 MB in 64 KB chunks, keeping the buffer under its cap', async () => {
    const line = 'Gi0/0/1   up    up    192.0.2.1    uplink to province centre\r\n';
    const lineCount = Math.ceil((10 * 1024 * 1024) / line.length);
    const body = line.repeat(lineCount);
    const transport = new ScriptedTransport({ chunking: { kind: 'fixed', size: 64 * 1024 } });
    const cap = 1024 * 1024;
    const { channel } = openChannel(transport, { maxBufferedChars: cap });
    let largest = 0;
    transport.onData(() => {
      largest = Math.max(largest, channel.bufferedChars);
    });
    await transport.open();
    const waiting = channel.expect([prompt], { timeoutMs: 60_000, timeoutName: 'prompt after show interfaces' });
    await transport.deliver(`${body}last line\r\nr1# `);
    const found = await waiting;
    expect(found.truncated).toBe(true);
    expect(found.before.length).toBeLessThanOrEqual(cap);
    expect(found.before.endsWith(`${line.replace('\r\n', '\n')}last line\n`)).toBe(true);
    expect(largest).toBeLessThanOrEqual(cap);
    expect(largest).toBeGreaterThan(cap / 2);
  });
});
