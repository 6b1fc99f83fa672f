import { afterEach, describe, expect, it } from 'vitest';
import type { Chunking, ScriptStep } from '../channel/testing/scriptedTransport';
import { detectDialect } from '../../shared/parsers';
import { DeviceSession, type SessionOptions } from './deviceSession';
import { frrPagingOff, openRig, reply, type RigOptions, type SessionRig } from './testing/sessionRig';

/*
 * Device texts below are taken from the team's captures in shared/peers/transcripts/
 * (telnet-vtysh-session.txt, telnet-negotiation-telnetd.txt, frr-vty-zebra-session.txt,
 * serial-console-session.txt, tcp-first-bytes.txt) unless a comment names another source.
 */
const FRR_BANNER = 'Hello, this is FRRouting (version 8.4.4).\r\nCopyright 1996-2005 Kunihiro Ishiguro, et al.\r\n';
const TELNETD_GREETING = '\0\0\r\nUser Access Verification\r\n\r\nUsername: ';
const VTY_GREETING = `\r\n${FRR_BANNER}\r\n\r\nUser Access Verification\r\n\r\nPassword: `;
const PASSWORD = 'Canary-Login-7731';
const ENABLE_SECRET = 'Canary-Enable-4410';

const options: SessionOptions = { loginTimeoutMs: 5000, commandTimeoutMs: 5000, wakeUpMs: 2000 };
const chunkings: [string, Chunking][] = [
  ['whole replies', { kind: 'whole' }],
  ['one-byte reads', { kind: 'fixed', size: 1 }],
  ['random chunks (seed 7)', { kind: 'random', seed: 7, maxSize: 9 }],
];

let rig: SessionRig | undefined;
afterEach(() => {
  rig?.dispose();
  rig = undefined;
});

async function start(rigOptions: RigOptions): Promise<SessionRig> {
  rig = await openRig(rigOptions);
  return rig;
}

const telnetdLogin: ScriptStep[] = [
  { input: 'admin\n', reply: 'admin\r\nPassword: ' },
  { input: `${PASSWORD}\n`, reply: `\r\n\r\n${FRR_BANNER}\r\nr1# ` },
  ...frrPagingOff('r1# '),
];

const vtyLogin: ScriptStep[] = [
  { input: `${PASSWORD}\n`, reply: '\r\nr1> ' },
  { input: 'enable\n', reply: 'enable\r\nPassword: ' },
  { input: `${ENABLE_SECRET}\n`, reply: '\r\nr1# ' },
  ...frrPagingOff('r1# '),
];

describe.each(chunkings)('login with %s', (_name, chunking) => {
  it('answers telnetd Username/Password, reaches vtysh privileged mode and turns paging off', async () => {
    const { channel, transport, dialect, shown } = await start({ greeting: TELNETD_GREETING, steps: telnetdLogin, chunking });
    const session = await DeviceSession.login(channel, dialect, { username: 'admin', password: PASSWORD }, options);
    expect(session.mode).toBe('privileged');
    expect(session.hostname).toBe('r1');
    expect(session.prompt).toBe('r1#');
    expect(transport.unexpected).toEqual([]);
    expect(transport.remainingSteps).toBe(0);
    expect(transport.writtenText()).toBe(`admin\n${PASSWORD}\nterminal length 0\nterminal width 511\n`);
    expect(session.greeting).toContain('Hello, this is FRRouting');
    expect(detectDialect(session.greeting)).toBe('ios');
    expect(shown()).not.toContain(PASSWORD);
  });

  it('answers an FRR VTY password, then enable with the enable secret', async () => {
    const { channel, transport, dialect } = await start({ greeting: VTY_GREETING, steps: vtyLogin, chunking });
    const session = await DeviceSession.login(channel, dialect, { password: PASSWORD, enableSecret: ENABLE_SECRET }, options);
    expect(session.mode).toBe('privileged');
    expect(transport.unexpected).toEqual([]);
    expect(transport.writtenText()).toBe(`${PASSWORD}\nenable\n${ENABLE_SECRET}\nterminal length 0\nterminal width 511\n`);
  });
});

describe('login failures', () => {
  it('reports a wrong password when an FRR VTY asks for it again, without retrying', async () => {
    const { channel, transport, dialect } = await start({ greeting: VTY_GREETING, steps: [{ input: 'wrong-password\n', reply: '\r\nPassword: ' }] });
    const login = DeviceSession.login(channel, dialect, { password: 'wrong-password' }, options);
    await expect(login).rejects.toMatchObject({ code: 'AuthFailed', message: expect.stringMatching(/wrong password/i) });
    expect(transport.writtenText()).toBe('wrong-password\n');
  });

  it('reports a refused login with the device text (IOS "% Login invalid", DOMAIN.md §2.0)', async () => {
    const steps = [
      { input: 'admin\n', reply: 'admin\r\nPassword: ' },
      { input: 'bad\n', reply: '\r\n% Login invalid\r\n\r\nUsername: ' },
    ];
    const { channel, dialect } = await start({ greeting: '\r\nUser Access Verification\r\n\r\nUsername: ', steps });
    await expect(DeviceSession.login(channel, dialect, { username: 'admin', password: 'bad' }, options)).rejects.toMatchObject({
      code: 'AuthFailed',
      message: expect.stringContaining('% Login invalid'),
    });
  });

  it('reports a username asked again after the credentials', async () => {
    const steps = [
      { input: 'admin\n', reply: 'admin\r\nPassword: ' },
      { input: 'bad\n', reply: '\r\n\r\nUsername: ' },
    ];
    const { channel, dialect } = await start({ greeting: TELNETD_GREETING, steps });
    await expect(DeviceSession.login(channel, dialect, { username: 'admin', password: 'bad' }, options)).rejects.toMatchObject({ code: 'AuthFailed' });
  });

  it('fails clearly when a username is asked and none was given', async () => {
    const { channel, transport, dialect } = await start({ greeting: TELNETD_GREETING, steps: [] });
    await expect(DeviceSession.login(channel, dialect, { password: PASSWORD }, options)).rejects.toMatchObject({
      code: 'AuthFailed',
      message: expect.stringMatching(/username, but none was given/),
    });
    expect(transport.writtenText()).toBe('');
  });

  it('fails clearly when a password is asked and none was given', async () => {
    const { channel, dialect } = await start({ greeting: VTY_GREETING, steps: [] });
    await expect(DeviceSession.login(channel, dialect, {}, options)).rejects.toMatchObject({ code: 'AuthFailed', message: expect.stringMatching(/password, but none/) });
  });

  it('reports a wrong enable secret when enable asks again', async () => {
    const steps = [vtyLogin[0] as ScriptStep, vtyLogin[1] as ScriptStep, { input: 'wrong-secret\n', reply: '\r\nPassword: ' }];
    const { channel, transport, dialect } = await start({ greeting: VTY_GREETING, steps });
    await expect(DeviceSession.login(channel, dialect, { password: PASSWORD, enableSecret: 'wrong-secret' }, options)).rejects.toMatchObject({
      code: 'EnableFailed',
      message: expect.stringMatching(/wrong enable secret/i),
    });
    expect(transport.writtenText()).toBe(`${PASSWORD}\nenable\nwrong-secret\n`);
  });

  it('reports an enable refusal string (IOS "% Bad secrets")', async () => {
    const steps = [vtyLogin[0] as ScriptStep, vtyLogin[1] as ScriptStep, { input: 'wrong-secret\n', reply: '\r\n% Bad secrets\r\n\r\nr1> ' }];
    const { channel, dialect } = await start({ greeting: VTY_GREETING, steps });
    await expect(DeviceSession.login(channel, dialect, { password: PASSWORD, enableSecret: 'wrong-secret' }, options)).rejects.toMatchObject({ code: 'EnableFailed' });
  });

  it('fails clearly when enable asks for a secret and none was given', async () => {
    const { channel, dialect } = await start({ greeting: VTY_GREETING, steps: vtyLogin.slice(0, 2) });
    await expect(DeviceSession.login(channel, dialect, { password: PASSWORD }, options)).rejects.toMatchObject({
      code: 'EnableFailed',
      message: expect.stringMatching(/none was given/),
    });
  });
});

describe('consoles and silent peers', () => {
  it('sends a wake-up line ending when an idle console shows nothing', async () => {
    const steps = [{ input: '\n', reply: '\r\nr1# ' }, ...frrPagingOff('r1# ')];
    const { channel, transport, dialect } = await start({ steps });
    const session = await DeviceSession.login(channel, dialect, {}, { ...options, wakeUpMs: 50 });
    expect(session.mode).toBe('privileged');
    expect(transport.unexpected).toEqual([]);
  });

  it('answers "Press RETURN to get started" at once (serial-console-session.txt)', async () => {
    const greeting = '\r\n\r\nr1 con0 is now available\r\n\r\n\r\n\r\n\r\n\r\nPress RETURN to get started.\r\n\r\n\r\n';
    const steps = [{ input: '\n', reply: `\r\n${FRR_BANNER}\r\nr1# ` }, ...frrPagingOff('r1# ')];
    const { channel, transport, dialect } = await start({ greeting, steps });
    const session = await DeviceSession.login(channel, dialect, {}, { ...options, wakeUpMs: 60_000 });
    expect(session.hostname).toBe('r1');
    expect(transport.remainingSteps).toBe(0);
  });

  it('declines the IOS initial configuration dialog, wakes the console and enables without a secret', async () => {
    // Texts as an unconfigured ISR shows them in Cisco's lab guides (DOMAIN.md §1 #1 for the wake-up).
    const greeting = '\r\n\r\n         --- System Configuration Dialog ---\r\n\r\nWould you like to enter the initial configuration dialog? [yes/no]: ';
    const steps = [
      { input: 'no\n', reply: 'no\r\n\r\n\r\nPress RETURN to get started!\r\n\r\n\r\n' },
      { input: '\n', reply: '\r\nRouter>' },
      reply('enable', [], 'Router#'),
      reply('terminal length 0', [], 'Router#'),
      reply('terminal width 511', [], 'Router#'),
    ];
    const { channel, transport, dialect } = await start({ greeting, steps });
    const session = await DeviceSession.login(channel, dialect, {}, options);
    expect(session.mode).toBe('privileged');
    expect(session.hostname).toBe('Router');
    expect(transport.unexpected).toEqual([]);
  });

  it('gives up with PromptNotFound when the peer talks but never shows a prompt', async () => {
    const { channel, transport, dialect } = await start({ greeting: `\r\n${FRR_BANNER}`, steps: [] });
    const login = DeviceSession.login(channel, dialect, {}, { ...options, loginTimeoutMs: 600, wakeUpMs: 50 });
    await expect(login).rejects.toMatchObject({ code: 'PromptNotFound', message: expect.stringMatching(/No CLI prompt within 600 ms/) });
    const wakeUps = transport.writtenText();
    expect(wakeUps.length).toBeGreaterThan(0);
    expect(wakeUps).toMatch(/^\n+$/);
    expect(wakeUps.length).toBeLessThanOrEqual(5);
  });

  it('gives up with Timeout when the peer sends nothing at all', async () => {
    const { channel, dialect } = await start({ steps: [] });
    await expect(DeviceSession.login(channel, dialect, {}, { ...options, loginTimeoutMs: 300, wakeUpMs: 50 })).rejects.toMatchObject({ code: 'Timeout' });
  });

  it('stops when cancelled', async () => {
    const { channel, dialect } = await start({ steps: [] });
    const controller = new AbortController();
    const login = DeviceSession.login(channel, dialect, {}, { ...options, signal: controller.signal });
    controller.abort();
    await expect(login).rejects.toMatchObject({ code: 'Cancelled' });
  });
});
