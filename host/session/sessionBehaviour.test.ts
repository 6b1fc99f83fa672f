import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { getCompiledDialect } from '../../shared/dialects';
import { createSecretMasker } from '../../shared/secrets';
import { MASK } from '../../shared/secrets/types';
import type { ScriptStep } from '../channel/testing/scriptedTransport';
import { DeviceSession, type SessionOptions } from './deviceSession';
import { frrPagingOff, openRig, reply, type RigOptions, type SessionRig } from './testing/sessionRig';

const options: SessionOptions = { loginTimeoutMs: 5000, commandTimeoutMs: 5000, wakeUpMs: 2000, promptSettleMs: 300 };

let rig: SessionRig | undefined;
afterEach(() => {
  rig?.dispose();
  rig = undefined;
});

/** A golden `show version` / `display version` output (test/fixtures/version), as the device sends it. */
function fixture(name: string): string {
  const text = readFileSync(new URL(`../../test/fixtures/version/${name}`, import.meta.url), 'utf8');
  return text.slice(text.indexOf('\n# ---\n') + '\n# ---\n'.length).replace(/\n/g, '\r\n');
}

/** A device already at `prompt` (no login dialogue: an open console), with paging-off answered. */
async function atPrompt(prompt: string, steps: ScriptStep[], extra: Partial<RigOptions> = {}, sessionOptions: Partial<SessionOptions> = {}) {
  const paging = extra.dialect === 'vrp' ? [reply('screen-length 0 temporary', [], prompt)] : frrPagingOff(prompt);
  rig = await openRig({ greeting: `\r\n${prompt}`, steps: [...paging, ...steps], ...extra });
  const session = await DeviceSession.login(rig.channel, rig.dialect, {}, { ...options, ...sessionOptions });
  return { session, rig };
}

describe('modes and host names', () => {
  it('walks the mode graph and tracks sub-modes', async () => {
    const { session, rig: opened } = await atPrompt('r1# ', [
      reply('configure terminal', [], 'r1(config)# '),
      reply('interface eth3', [], 'r1(config-if)# '),
      reply('end', [], 'r1# '),
      reply('disable', [], 'r1> '),
    ]);
    await session.enterMode('config');
    expect(session.mode).toBe('config');
    await session.run('interface eth3');
    expect(session.submode).toBe('config-if');
    await session.enterMode('user');
    expect(session.mode).toBe('user');
    await session.leaveConfig();
    expect(opened.transport.writtenText()).toBe('terminal length 0\nterminal width 511\nconfigure terminal\ninterface eth3\nend\ndisable\n');
  });

  it('re-learns the host name after `hostname`', async () => {
    const { session } = await atPrompt('r1# ', [reply('configure terminal', [], 'r1(config)# '), reply('hostname r2', [], 'r2(config)# '), reply('end', [], 'r2# ')]);
    await session.enterMode('config');
    const renamed = await session.run('hostname r2');
    expect(renamed).toMatchObject({ failed: false, output: '', prompt: 'r2(config)#' });
    expect(session.hostname).toBe('r2');
    await session.leaveConfig();
    expect(session).toMatchObject({ hostname: 'r2', mode: 'privileged' });
  });

  it('keeps a long host name that IOS truncates in config mode (DOMAIN.md §1 #3)', async () => {
    const { session } = await atPrompt('THIS.IS.A.PARTICULARLY.LONG.NAME#', [reply('configure terminal', [], 'THIS.IS.A.PARTICULAR(config)#')]);
    await session.enterMode('config');
    expect(session).toMatchObject({ mode: 'config', hostname: 'THIS.IS.A.PARTICULARLY.LONG.NAME' });
  });

  it('refuses a mode the dialect does not have', async () => {
    const { session } = await atPrompt('<AR6280-1>', [], { dialect: 'vrp' });
    await expect(session.enterMode('user')).rejects.toMatchObject({ code: 'ModeUnreachable' });
  });
});

describe('commands', () => {
  it('does not stop at a prompt-like line inside output (IOS licence table "Device#  PID  SN")', async () => {
    const version = fixture('ios-c921-4p.txt');
    const cut = version.indexOf('Device#\t  ') + 'Device#\t  '.length;
    const { session, rig: opened } = await atPrompt('Device-Hostname#', [{ input: 'show version\n', reply: `show version\r\n${version.slice(0, cut)}` }]);
    let received = '';
    const trigger = opened.channel.onText((text) => {
      received += text;
      if (received.endsWith('Device#\t  ')) {
        trigger.dispose();
        setTimeout(() => void opened.transport.deliver(`${version.slice(cut)}\r\nDevice-Hostname#`), 20);
      }
    });
    const facts = await session.facts();
    expect(facts).toMatchObject({ model: 'C921-4P', serial: 'PPP12345678', hostname: 'Device-Hostname', dialect: 'ios' });
    expect(session.hostname).toBe('Device-Hostname');
  });

  it('strips a partial echo from a slow serial line', async () => {
    const { session } = await atPrompt('r1# ', [{ input: 'show version\n', reply: 'sh vrsion\r\nFRRouting 8.4.4 (r1) on Linux(6.18.44-fc-v595).\r\nr1# ' }]);
    const result = await session.run('show version');
    expect(result.output).toBe('FRRouting 8.4.4 (r1) on Linux(6.18.44-fc-v595).');
  });

  it('times out with the command named when no prompt comes back', async () => {
    const { session } = await atPrompt('r1# ', [{ input: 'show slow\n', reply: 'show slow\r\nstill working' }]);
    await expect(session.run('show slow', { timeoutMs: 200 })).rejects.toMatchObject({ code: 'Timeout', message: expect.stringContaining('"show slow"') });
  });

  it('rejects a command carrying a line break before sending anything', async () => {
    const { session, rig: opened } = await atPrompt('r1# ', []);
    const before = opened.transport.writtenText();
    await expect(session.run('show version\nreload')).rejects.toMatchObject({ code: 'InvalidRequest' });
    expect(opened.transport.writtenText()).toBe(before);
  });

  it('serialises concurrent calls', async () => {
    const { session, rig: opened } = await atPrompt('r1# ', [reply('show a', ['a'], 'r1# '), reply('show b', ['b'], 'r1# ')]);
    const [first, second] = await Promise.all([session.run('show a'), session.run('show b')]);
    expect([first.output, second.output]).toEqual(['a', 'b']);
    expect(opened.transport.unexpected).toEqual([]);
  });

  it('masks secrets in results when given a masker', async () => {
    const masker = createSecretMasker();
    const { session } = await atPrompt('r1(config)# ', [reply('username ops secret Canary-Secret-55', [], 'r1(config)# ')], {}, { masker });
    const result = await session.run('username ops secret Canary-Secret-55');
    expect(result.command).toBe(`username ops secret ${MASK}`);
    expect(JSON.stringify(result)).not.toContain('Canary-Secret-55');
  });
});

describe('facts, resync and dialect switch', () => {
  it('reads VRP facts, taking the host name from the prompt, and walks views', async () => {
    const steps = [
      reply('display version', fixture('vrp-ar6280.txt').split('\r\n'), '<AR6280-1>'),
      reply('system-view', ['Enter system view, return user view with Ctrl+Z.'], '[AR6280-1]'),
      reply('interface GigabitEthernet0/0/1', [], '[AR6280-1-GigabitEthernet0/0/1]'),
      reply('shutdown now', ['                 ^', "Error: Unrecognized command found at '^' position."], '[AR6280-1-GigabitEthernet0/0/1]'),
      reply('return', [], '<AR6280-1>'),
    ];
    const { session } = await atPrompt('<AR6280-1>', steps, { dialect: 'vrp' });
    expect(await session.facts()).toEqual({
      hostname: 'AR6280-1',
      vendor: 'Huawei',
      model: 'AR6280',
      serial: null,
      version: '5.170 (AR6280 V300R019C10SPC300)',
      uptime: '60 weeks, 4 days, 11 hours, 20 minutes',
      dialect: 'vrp',
    });
    await session.enterMode('config');
    await session.run('interface GigabitEthernet0/0/1');
    expect(session).toMatchObject({ mode: 'config', hostname: 'AR6280-1', submode: 'GigabitEthernet0/0/1' });
    const failed = await session.run('shutdown now');
    expect(failed.failureMessage).toBe("Error: Unrecognized command found at '^' position.");
    await session.leaveConfig();
    expect(session.mode).toBe('privileged');
  });

  it('resyncs after live typing: erases the half-typed line, then learns the new prompt', async () => {
    const { session, rig: opened } = await atPrompt('r1# ', [{ input: '\u0015\n', reply: '\r\nr9(config)# ' }]);
    const info = await session.resync();
    expect(info).toMatchObject({ mode: 'config', hostname: 'r9' });
    expect(session.hostname).toBe('r9');
    expect(opened.transport.unexpected).toEqual([]);
  });

  it('switches dialect on the same line and sends that dialect\'s paging-off first', async () => {
    const { session, rig: opened } = await atPrompt('r1# ', [reply('more off', ['% Unknown command: more off'], 'r1# '), reply('show clock', ['12:00:00'], 'r1# ')]);
    const maipu = session.withDialect(getCompiledDialect('maipu'));
    expect(maipu.dialect.id).toBe('maipu');
    expect(maipu.mode).toBe('privileged');
    const clock = await maipu.run('show clock');
    expect(clock.output).toBe('12:00:00');
    expect(opened.transport.writtenText().endsWith('more off\nshow clock\n')).toBe(true);
  });
});
