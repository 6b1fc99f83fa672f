import { afterEach, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../shared/contract';
import { MASK } from '../../shared/secrets/types';
import { loadVtyshSession } from '../channel/testing/recordedSession';
import type { Chunking, ScriptStep } from '../channel/testing/scriptedTransport';
import { DeviceSession, type SessionOptions } from './deviceSession';
import { frrPagingOff, openRig, reply, type RigOptions, type SessionRig } from './testing/sessionRig';

const PASSWORD = 'Canary-Login-7731';
const options: SessionOptions = { loginTimeoutMs: 5000, commandTimeoutMs: 5000, wakeUpMs: 2000 };

let rig: SessionRig | undefined;
afterEach(() => {
  rig?.dispose();
  rig = undefined;
});

/** vtysh behind telnetd, logged in (telnet-vtysh-session.txt), followed by `steps`. */
async function vtysh(steps: ScriptStep[], extra: Partial<RigOptions> = {}, sessionOptions: Partial<SessionOptions> = {}) {
  const recorded = loadVtyshSession(PASSWORD);
  const login = recorded.steps.slice(0, 2).map((step) => ({ input: `${step.input}\n`, reply: step.reply }));
  rig = await openRig({ greeting: recorded.greeting, steps: [...login, ...frrPagingOff('r1# '), ...steps], ...extra });
  const session = await DeviceSession.login(rig.channel, rig.dialect, { username: 'admin', password: PASSWORD }, { ...options, ...sessionOptions });
  return { session, rig };
}

describe.each<[string, Chunking]>([
  ['whole replies', { kind: 'whole' }],
  ['one-byte reads', { kind: 'fixed', size: 1 }],
  ['random chunks (seed 11)', { kind: 'random', seed: 11, maxSize: 23 }],
  ['random chunks (seed 53)', { kind: 'random', seed: 53, maxSize: 300 }],
])('replaying the telnet vtysh capture with %s', (_name, chunking) => {
  it('returns each command as a result object, with FRR errors detected and modes tracked', async () => {
    const recorded = loadVtyshSession(PASSWORD);
    // ping needs Ctrl-C (a live-terminal job), and the final `exit` closes the line.
    const commands = recorded.steps.slice(2, -1).filter((step) => step.kind === 'line' && !step.input.startsWith('ping') && !step.reply.startsWith('^C'));
    const { session, rig: opened } = await vtysh(
      commands.map((step) => ({ input: `${step.input}\n`, reply: step.reply })),
      { chunking },
    );
    const results: { result: CommandResult; mode: string; submode: string | null }[] = [];
    for (const step of commands) {
      const result = await session.run(step.input);
      expect(result.command).toBe(step.input);
      expect(result.failed).toBe(/\r\n% /.test(step.reply));
      expect(result.prompt).toBe(step.reply.slice(step.reply.lastIndexOf('\r\n') + 2).trim());
      expect(Number.isNaN(Date.parse(result.startedAt))).toBe(false);
      expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
      results.push({ result, mode: session.mode, submode: session.submode });
    }
    expect(opened.transport.unexpected).toEqual([]);
    expect(opened.transport.remainingSteps).toBe(0);

    const byCommand = (command: string) => results.find((entry) => entry.result.command === command);
    expect(byCommand('show version')?.result.output.split('\n')[0]).toBe('FRRouting 8.4.4 (r1) on Linux(6.18.44-fc-v595).');
    expect(byCommand('disable')).toMatchObject({ mode: 'user', result: { output: '' } });
    expect(byCommand('interface eth3')).toMatchObject({ mode: 'config', submode: 'config-if' });
    expect(byCommand('bogus command here')?.result.failureMessage).toBe('% Unknown command: bogus command here');
    expect(byCommand('ip prefix-list PL-DEMO seq 10 permit 10.0.0.0/24 ge 8')?.result.failureMessage).toBe(
      '% Configuration failed.\nError type: validation\nError description: Invalid prefix range for 10.0.0.0/24: Make sure that mask length <= ge <= le',
    );
    expect(byCommand('router bgp')?.result.failureMessage).toBe('% No BGP process is configured');
    const runningConfig = byCommand('show running-config')?.result.output ?? '';
    expect(runningConfig.startsWith('Building configuration...\n\nCurrent configuration:\n!')).toBe(true);
    expect(runningConfig.endsWith('!\nend')).toBe(true);
    // Outputs are masked by default: the capture's config holds `password zebra` / `enable password enable`.
    expect(runningConfig).toContain(`password ${MASK}\nenable password ${MASK}`);
    expect(runningConfig).not.toContain('zebra');
    expect(byCommand('show interface brief')?.result.output.split('\n').at(-1)).toBe('lo              up      default');
    expect(byCommand('write memory')?.result.output).toContain('Configuration saved to /tmp/peers/frr/etc/zebra.conf');
    expect(session.mode).toBe('privileged');
  });
});

describe('commands on an FRR daemon VTY (frr-vty-zebra-session.txt)', () => {
  it('logs in with both secrets and runs the configuration part of the capture', async () => {
    const greeting = '\r\nHello, this is FRRouting (version 8.4.4).\r\nCopyright 1996-2005 Kunihiro Ishiguro, et al.\r\n\r\n\r\nUser Access Verification\r\n\r\nPassword: ';
    const steps = [
      { input: 'zebra\n', reply: '\r\nr1> ' },
      { input: 'enable\n', reply: 'enable\r\nPassword: ' },
      { input: 'enable\n', reply: '\r\nr1# ' },
      ...frrPagingOff('r1# '),
      reply('configure terminal', [], 'r1(config)# '),
      reply('router bgp 65000', ['% [ZEBRA] Unknown command: router bgp 65000'], 'r1(config)# '),
      reply('end', [], 'r1# '),
      reply('show running-config | include PL-DEMO', ['ip prefix-list PL-DEMO seq 5 permit 10.1.0.0/16 le 24'], 'r1# '),
    ];
    rig = await openRig({ greeting, steps });
    const session = await DeviceSession.login(rig.channel, rig.dialect, { password: 'zebra', enableSecret: 'enable' }, options);
    await session.enterMode('config');
    const bgp = await session.run('router bgp 65000');
    expect(bgp).toMatchObject({ failed: true, failureMessage: '% [ZEBRA] Unknown command: router bgp 65000' });
    await session.leaveConfig();
    expect(session.mode).toBe('privileged');
    const filtered = await session.run('show running-config | include PL-DEMO');
    expect(filtered).toMatchObject({ failed: false, output: 'ip prefix-list PL-DEMO seq 5 permit 10.1.0.0/16 le 24' });
    expect(rig.transport.unexpected).toEqual([]);
  });
});
