import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { identificationRules } from '../../shared/dialects';
import type { Chunking, ScriptStep } from '../channel/testing/scriptedTransport';
import type { SessionOptions } from './deviceSession';
import { loginAutoDetect } from './identify';
import { openRig, reply, type SessionRig } from './testing/sessionRig';

/*
 * Login texts follow the simulator personas (host/simulator/personas), which follow DOMAIN.md;
 * version outputs are the golden fixtures in test/fixtures/version.
 */
const options: SessionOptions = { loginTimeoutMs: 5000, commandTimeoutMs: 5000, wakeUpMs: 2000, promptSettleMs: 200 };
const PASSWORD = 'Canary-Login-5120';
const ENABLE_SECRET = 'Canary-Enable-8841';
const chunkings: [string, Chunking][] = [
  ['whole replies', { kind: 'whole' }],
  ['one-byte reads', { kind: 'fixed', size: 1 }],
  ['random chunks (seed 11)', { kind: 'random', seed: 11, maxSize: 7 }],
];

/** A golden version output's lines, without its source header. */
function fixtureLines(name: string): string[] {
  const text = readFileSync(new URL(`../../test/fixtures/version/${name}`, import.meta.url), 'utf8');
  return text.slice(text.indexOf('\n# ---\n') + '\n# ---\n'.length).replace(/\n$/, '').split('\n');
}

let rig: SessionRig | undefined;
afterEach(() => {
  rig?.dispose();
  rig = undefined;
});

async function autoLogin(greeting: string, steps: ScriptStep[], credentials: { username?: string; password?: string; enableSecret?: string }, chunking: Chunking = { kind: 'whole' }) {
  rig = await openRig({ greeting, steps, chunking, pagers: identificationRules().pagers });
  const session = await loginAutoDetect(rig.channel, credentials, options);
  expect(rig.transport.unexpected).toEqual([]);
  expect(rig.transport.remainingSteps).toBe(0);
  return { session, written: rig.transport.writtenText(), shown: rig.shown() };
}

describe.each(chunkings)('dialect auto with %s', (_name, chunking) => {
  it('logs in to Junos at `login:` and never sends enable or a version command', async () => {
    const { session, written } = await autoLogin(
      '\r\n\r\nlogin: ',
      [
        { input: 'admin\n', reply: 'admin\r\nPassword:' },
        { input: `${PASSWORD}\n`, reply: '\r\n\r\n--- JUNOS 13.3R1.4 built 2014-01-14 06:44:06 UTC\r\nadmin@Amnesiac> ' },
        reply('set cli screen-length 0', ['Screen length set to 0'], 'admin@Amnesiac> '),
        reply('set cli screen-width 511', ['Screen width set to 511'], 'admin@Amnesiac> '),
      ],
      { username: 'admin', password: PASSWORD, enableSecret: ENABLE_SECRET },
      chunking,
    );
    expect(session.dialect.id).toBe('junos');
    expect(session.mode).toBe('privileged');
    expect(session.hostname).toBe('Amnesiac');
    expect(written).toBe(`admin\n${PASSWORD}\nset cli screen-length 0\nset cli screen-width 511\n`);
  });

  it('tells Comware from VRP by the H3C banner, without a command', async () => {
    const banner = '\r\n* Copyright (c) 2004-2015 Hangzhou H3C Tech. Co., Ltd. All rights reserved.  *\r\n\r\nLogin authentication\r\n\r\n\r\nUsername:';
    const { session, written } = await autoLogin(
      banner,
      [
        { input: 'tech\n', reply: 'tech\r\nPassword:' },
        { input: `${PASSWORD}\n`, reply: '\r\n\r\n<SW1>' },
        reply('screen-length disable', [], '<SW1>'),
      ],
      { username: 'tech', password: PASSWORD },
      chunking,
    );
    expect(session.dialect.id).toBe('comware');
    expect(session.prompt).toBe('<SW1>');
    expect(written).toBe(`tech\n${PASSWORD}\nscreen-length disable\n`);
  });

  it('runs display version on a bannerless <host> device, answering its pager before paging is off', async () => {
    const lines = fixtureLines('vrp-ar6280.txt');
    const pager = '  ---- More ----';
    const eraser = `\x1b[42D${' '.repeat(42)}\x1b[42D`;
    const { session, written, shown } = await autoLogin(
      '\r\n<Huawei>',
      [
        { input: 'display version\n', reply: `display version\r\n${lines.slice(0, 10).join('\r\n')}\r\n${pager}` },
        { input: ' ', reply: `${eraser}${lines.slice(10).join('\r\n')}\r\n<Huawei>` },
        reply('screen-length 0 temporary', ['Info: The configuration takes effect on the current user terminal interface only.'], '<Huawei>'),
      ],
      {},
      chunking,
    );
    expect(session.dialect.id).toBe('vrp');
    expect(shown).toContain('---- More ----');
    expect(written).toBe('display version\n screen-length 0 temporary\n');
  });

  it('tells Maipu by show version in user mode, then enters privileged mode with the Maipu dialect', async () => {
    const { session, written, shown } = await autoLogin(
      '\r\n\r\nUser Access Verification\r\n\r\nPassword: ',
      [
        { input: `${PASSWORD}\n`, reply: '\r\nRouter>' },
        reply('show version', fixtureLines('maipu-mp3840.txt'), 'Router>'),
        { input: 'enable\n', reply: 'enable\r\nPassword:' },
        { input: `${ENABLE_SECRET}\n`, reply: '\r\nRouter#' },
        reply('more off', [], 'Router#'),
      ],
      { password: PASSWORD, enableSecret: ENABLE_SECRET },
      chunking,
    );
    expect(session.dialect.id).toBe('maipu');
    expect(session.mode).toBe('privileged');
    expect(written).toBe(`${PASSWORD}\nshow version\nenable\n${ENABLE_SECRET}\nmore off\n`);
    expect(shown).not.toContain(PASSWORD);
    expect(shown).not.toContain(ENABLE_SECRET);
  });
});

describe('dialect auto, decisions on the line', () => {
  it('keeps FRR as ios: show version in privileged mode, then IOS paging-off', async () => {
    const { session, written } = await autoLogin('\r\nr1# ', [
      reply('show version', fixtureLines('ios-frr-8.4.4.txt'), 'r1# '),
      reply('terminal length 0', [], 'r1# '),
      reply('terminal width 511', ['% Unknown command: terminal width 511'], 'r1# '),
    ], {});
    expect(session.dialect.id).toBe('ios');
    expect(written).toBe('show version\nterminal length 0\nterminal width 511\n');
  });

  it('takes Ruijie from show version', async () => {
    const { session, written } = await autoLogin('\r\nRuijie# ', [reply('show version', fixtureLines('ruijie-s8607e.txt'), 'Ruijie# '), reply('terminal length 0', [], 'Ruijie# '), reply('terminal width 256', [], 'Ruijie# ')], {});
    expect(session.dialect.id).toBe('ruijie');
    expect(written).toBe('show version\nterminal length 0\nterminal width 256\n');
  });

  it('takes Comware from display version when the banner says nothing', async () => {
    const { session } = await autoLogin('\r\n<Core>', [reply('display version', fixtureLines('comware-5130-hi.txt'), '<Core>'), reply('screen-length disable', [], '<Core>')], {});
    expect(session.dialect.id).toBe('comware');
  });

  it('refuses a wrong password with AuthFailed, whatever the vendor', async () => {
    rig = await openRig({
      greeting: '\r\nLogin authentication\r\n\r\nUsername:',
      steps: [
        { input: 'tech\n', reply: 'tech\r\nPassword:' },
        { input: 'wrong\n', reply: '\r\nError: Local authentication is rejected.\r\n\r\nUsername:' },
      ],
      pagers: identificationRules().pagers,
    });
    await expect(loginAutoDetect(rig.channel, { username: 'tech', password: 'wrong' }, options)).rejects.toMatchObject({ code: 'AuthFailed' });
  });
});
