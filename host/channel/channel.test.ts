import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createSecretMasker } from '../../shared/secrets';
import { MASK } from '../../shared/secrets/types';
import { MemoryTranscript } from '../transcript';
import { Channel, type ChannelConstruction } from './channel';
import { cleanedText, loadVtyshSession } from './testing/recordedSession';
import { ScriptedTransport, type Chunking, type ScriptStep } from './testing/scriptedTransport';

const prompt = /r1(?:\([a-z-]+\))?# $/;
const waitOptions = { timeoutMs: 5000, timeoutName: 'prompt' };

function openChannel(transport: ScriptedTransport, overrides: Partial<ChannelConstruction> = {}) {
  const masker = overrides.masker ?? createSecretMasker();
  const transcript = new MemoryTranscript();
  const shown: string[] = [];
  const channel = new Channel(transport, { lineEnding: '\r', charset: 'utf-8', pagers: [], masker, transcript, ...overrides });
  channel.onText((text) => shown.push(text));
  return { channel, masker, transcript, shown };
}

describe.each<[string, Chunking]>([
  ['whole replies', { kind: 'whole' }],
  ['one-byte reads', { kind: 'fixed', size: 1 }],
  ['random chunks (seed 11)', { kind: 'random', seed: 11, maxSize: 23 }],
  ['random chunks (seed 29)', { kind: 'random', seed: 29, maxSize: 7 }],
  ['random chunks (seed 53)', { kind: 'random', seed: 53, maxSize: 300 }],
])('replaying the telnet vtysh capture with %s', (_name, chunking) => {
  it('writes exactly what was typed and returns each reply as the screen showed it', async () => {
    const password = 'Canary-Login-7731';
    const session = loadVtyshSession(password);
    const typed = session.steps.map((step) => (step.kind === 'keystroke' ? step.input : `${step.input}\r`));
    const steps: ScriptStep[] = session.steps.map((step, index) => ({ input: typed[index] ?? '', reply: step.reply, close: step.close }));
    const transport = new ScriptedTransport({ greeting: session.greeting, steps, chunking });
    const { channel, transcript, shown } = openChannel(transport);
    await transport.open();

    const greeting = await channel.expect([session.greetingWaitFor], waitOptions);
    expect(greeting.before + greeting.matched).toBe(cleanedText(session.greeting));
    expect(greeting.matched).toBe('Username: ');
    const commands: string[] = [];
    for (const step of session.steps) {
      if (step.kind === 'keystroke') await channel.write(step.input);
      else await channel.sendLine(step.input, { secret: step.kind === 'secret' });
      if (step.close) {
        await expect(channel.expect([step.waitFor], waitOptions)).rejects.toMatchObject({ code: 'ConnectionClosed' });
        continue;
      }
      const found = await channel.expect([step.waitFor], waitOptions);
      expect(found.before + found.matched).toBe(cleanedText(step.reply));
      if (step.kind === 'line') commands.push(found.before.split('\n')[0] ?? '');
    }
    channel.dispose();

    expect(transport.unexpected).toEqual([]);
    expect(transport.remainingSteps).toBe(0);
    expect(transport.writtenText()).toBe(typed.join(''));
    expect(commands).toContain('show running-config');
    expect(commands).toContain('ip prefix-list PL-DEMO seq 5 permit 10.1.0.0/16 le 24');

    const received = transcript.text('in');
    expect(received).toBe(shown.join(''));
    expect(received).toContain(`\r\npassword ${MASK}\r\nenable password ${MASK}\r\n`);
    expect(received).toContain('/tmp/peers/frr/etc/zebra.conf');
    expect(transcript.text('out')).toContain(`${MASK}\n`);
    expect(transcript.lines()).toContain('> show interface brief\n');
    for (const text of [transcript.text(), transcript.lines(), shown.join('')]) expect(text).not.toContain(password);
  });
});

describe('Channel charsets', () => {
  const description = '上行链路 至 省中心';

  it.each(['gbk', 'gb18030'] as const)('decodes %s text split at every byte', async (charset) => {
    const deviceText = `interface eth0\r\n description ${description}\r\n 描述 ${charset === 'gb18030' ? '😀 ' : ''}完\r\nr1# `;
    const bytes = iconv.encode(deviceText, charset);
    for (let split = 0; split <= bytes.length; split++) {
      const transport = new ScriptedTransport();
      const { channel, shown } = openChannel(transport, { charset });
      await transport.open();
      void transport.deliver(bytes.subarray(0, split));
      void transport.deliver(bytes.subarray(split));
      const found = await channel.expect([prompt], waitOptions);
      expect(found.before).toBe(cleanedText(deviceText).slice(0, -'r1# '.length));
      expect(shown.join('')).toBe(deviceText);
      channel.dispose();
    }
  });

  it('encodes what it sends in the connection charset, in chunks of at most maxWriteChunk bytes', async () => {
    const transport = new ScriptedTransport();
    const { channel } = openChannel(transport, { charset: 'gbk', lineEnding: '\r\n', maxWriteChunk: 5 });
    await transport.open();
    await channel.sendLine(` description ${description}`);
    expect(Buffer.from(transport.writtenBytes())).toEqual(iconv.encode(` description ${description}\r\n`, 'gbk'));
    expect(transport.writes.length).toBeGreaterThan(1);
    expect(transport.writes.every((chunk) => chunk.length <= 5)).toBe(true);
  });

  it('keeps concurrent writes in call order', async () => {
    const transport = new ScriptedTransport();
    const { channel } = openChannel(transport, { lineEnding: '\n', maxWriteChunk: 2 });
    await transport.open();
    await Promise.all([channel.sendLine('first line'), channel.write('second'), channel.sendLine('third')]);
    expect(transport.writtenText()).toBe('first line\nsecondthird\n');
  });
});

describe('Channel secrets', () => {
  const canary = 'Cn4ry#Secr3t';
  const deviceText = `r1(config)# username admin secret ${canary}\r\nr1(config)# do show run | include ${canary.slice(0, 5)}\r\n ${canary}\r\nr1(config)# `;

  it('never lets a known secret split across chunks reach the transcript or the terminal', async () => {
    for (let split = 0; split <= deviceText.length; split++) {
      const transport = new ScriptedTransport();
      const { channel, masker, transcript, shown } = openChannel(transport, { pagers: [] });
      masker.add(canary);
      await transport.open();
      void transport.deliver(deviceText.slice(0, split));
      const delivered = transport.deliver(deviceText.slice(split));
      const found = await channel.expect([/include \S+\r?\n.*\n\S+\(config\)# $/], waitOptions);
      expect(found.matched).toContain(canary);
      await delivered;
      channel.dispose();
      expect(transcript.text('in')).toBe(masker.mask(deviceText));
      expect(shown.join('')).toBe(masker.mask(deviceText));
      expect(transcript.lines()).not.toContain(canary);
    }
  });

  it('masks a line sent as secret and registers it for what the device sends back', async () => {
    const transport = new ScriptedTransport({ steps: [{ input: 'Vpn-Psk-991\r', reply: 'echo Vpn-Psk-991\r\nr1# ' }] });
    const { channel, transcript, shown } = openChannel(transport);
    await transport.open();
    await channel.sendLine('Vpn-Psk-991', { secret: true });
    await channel.expect([prompt], waitOptions);
    expect(transcript.text('out')).toBe(`${MASK}\n`);
    expect(shown.join('')).toBe(`echo ${MASK}\r\nr1# `);
  });

  it('treats what is typed at a password prompt as secret even when the caller did not say so', async () => {
    const transport = new ScriptedTransport({ greeting: 'User Access Verification\r\n\r\nPassword: ', steps: [{ input: 'typed-pass\r', reply: '\r\nr1> ' }] });
    const { channel, masker, transcript } = openChannel(transport);
    await transport.open();
    await channel.expect([/Password: $/], waitOptions);
    await channel.sendLine('typed-pass');
    await channel.expect([/r1> $/], waitOptions);
    expect(transcript.text('out')).toBe(`${MASK}\n`);
    expect(masker.mask('x typed-pass y')).toBe(`x ${MASK} y`);
  });

  it('masks configuration secrets in the commands it sends', async () => {
    const transport = new ScriptedTransport();
    const { channel, transcript } = openChannel(transport);
    await transport.open();
    await channel.sendLine('enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0');
    expect(transcript.text('out')).toBe(`enable secret 5 ${MASK}\n`);
    expect(transport.writtenText()).toBe('enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0\r');
  });
});
