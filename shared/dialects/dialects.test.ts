import { describe, expect, it } from 'vitest';
import { DialectId } from '../contract/device';
import { compileDialect, getCompiledDialect } from './compile';
import { ios } from './ios';
import { findModePath } from './modeGraph';
import { identifyPrompt, reconcileIdentity } from './prompt';
import { dialects } from './registry';
import { DialectDefinition } from './schema';

describe('dialect registry', () => {
  it('holds one valid definition per DialectId', () => {
    expect(Object.keys(dialects).sort()).toEqual([...DialectId.options].sort());
    for (const id of DialectId.options) {
      expect(DialectDefinition.safeParse(dialects[id]).success).toBe(true);
      expect(dialects[id].id).toBe(id);
    }
  });

  it('compiles every regex of every dialect', () => {
    for (const id of DialectId.options) {
      const compiled = compileDialect(dialects[id]);
      const all = [
        ...compiled.prompts.map((prompt) => prompt.regex),
        compiled.anyPrompt,
        ...compiled.login.username,
        ...compiled.login.password,
        ...compiled.login.failures,
        ...compiled.login.wakeUp,
        ...compiled.login.questions.map((question) => question.expect),
        ...compiled.enableFailures,
        ...compiled.failures,
        ...compiled.pagers.map((pager) => pager.pattern),
        ...compiled.save.flatMap((procedure) => procedure.dialogue.map((step) => step.expect)),
        ...compiled.secretPatterns,
      ];
      for (const regex of all) expect(regex).toBeInstanceOf(RegExp);
      expect(compiled.failures.every((regex) => regex.flags.includes('m'))).toBe(true);
    }
  });

  it('rejects a regex that does not compile and a prompt without a hostname group', () => {
    expect(DialectDefinition.safeParse({ ...ios, anyPrompt: '(unclosed' }).success).toBe(false);
    const noHostname = { ...ios, prompts: [{ mode: 'privileged', pattern: '[\\w]+#$' }] };
    expect(DialectDefinition.safeParse(noHostname).success).toBe(false);
  });

  it('rejects config enter/leave commands that disagree with the mode graph', () => {
    expect(DialectDefinition.safeParse({ ...ios, config: { enter: 'conf t', leave: 'end' } }).success).toBe(false);
  });

  it('caches compiled dialects', () => {
    expect(getCompiledDialect('ios')).toBe(getCompiledDialect('ios'));
  });
});

describe('prompt identification', () => {
  const cases: { dialect: DialectId; text: string; mode: string; hostname: string; submode: string | null }[] = [
    { dialect: 'ios', text: '\r\nr1> ', mode: 'user', hostname: 'r1', submode: null },
    { dialect: 'ios', text: 'Copyright\r\n\r\nr1# ', mode: 'privileged', hostname: 'r1', submode: null },
    { dialect: 'ios', text: '\nr1(config)# ', mode: 'config', hostname: 'r1', submode: 'config' },
    { dialect: 'ios', text: '\nr1(config-if)# ', mode: 'config', hostname: 'r1', submode: 'config-if' },
    { dialect: 'ios', text: '\nRouter(cfg-crypto-trans)#', mode: 'config', hostname: 'Router', submode: 'cfg-crypto-trans' },
    { dialect: 'ios', text: '\nTHIS.IS.A.PARTICULAR(config)#', mode: 'config', hostname: 'THIS.IS.A.PARTICULAR', submode: 'config' },
    { dialect: 'ios', text: 'core-sw_01.site/2#', mode: 'privileged', hostname: 'core-sw_01.site/2', submode: null },
    { dialect: 'maipu', text: '\r\nMAIPU_AA#', mode: 'privileged', hostname: 'MAIPU_AA', submode: null },
    { dialect: 'ruijie', text: '\r\nRuijie(config)#', mode: 'config', hostname: 'Ruijie', submode: 'config' },
    { dialect: 'vrp', text: '\r\n<HUAWEI>', mode: 'privileged', hostname: 'HUAWEI', submode: null },
    { dialect: 'vrp', text: '\r\n[HUAWEI]', mode: 'config', hostname: 'HUAWEI', submode: null },
    { dialect: 'vrp', text: '\r\n[~HUAWEI-GigabitEthernet0/0/1]', mode: 'config', hostname: 'HUAWEI-GigabitEthernet0/0/1', submode: null },
    { dialect: 'vrp', text: '\r\n[*R1]', mode: 'config', hostname: 'R1', submode: null },
    { dialect: 'comware', text: '\r\n<NJ-6520-2>', mode: 'privileged', hostname: 'NJ-6520-2', submode: null },
    { dialect: 'junos', text: '\r\nlab@srx1> ', mode: 'privileged', hostname: 'srx1', submode: null },
    { dialect: 'junos', text: '\r\n{master:0}\r\nlab@ex1> ', mode: 'privileged', hostname: 'ex1', submode: null },
    { dialect: 'junos', text: '\r\n[edit]\r\nlab@srx1# ', mode: 'config', hostname: 'srx1', submode: null },
    { dialect: 'junos', text: '\r\n[edit interfaces ge-0/0/0]\r\nlab@srx1# ', mode: 'config', hostname: 'srx1', submode: 'interfaces ge-0/0/0' },
  ];
  it.each(cases)('$dialect: $text → $mode', ({ dialect, text, mode, hostname, submode }) => {
    const compiled = getCompiledDialect(dialect);
    const info = identifyPrompt(compiled, text);
    expect(info).toMatchObject({ mode, hostname, submode });
    expect(compiled.anyPrompt.test(text)).toBe(true);
  });

  const notPrompts: { dialect: DialectId; text: string }[] = [
    { dialect: 'ios', text: 'r1# show version' },
    { dialect: 'ios', text: '\r\nr1' },
    { dialect: 'ios', text: '\r\nr1(config' },
    { dialect: 'ios', text: 'Hello, this is FRRouting (version 8.4.4).\r\n' },
    { dialect: 'ios', text: '\r\nr1#\r\nBuilding configuration...' },
    { dialect: 'ios', text: '\r\nshow run | include >' },
    { dialect: 'vrp', text: '\r\n[V200R010C10SPC700]' },
    { dialect: 'vrp', text: '<HUAWEI>display version' },
    { dialect: 'junos', text: '\r\nlab@srx1> show version' },
  ];
  it.each(notPrompts)('$dialect: $text is no prompt', ({ dialect, text }) => {
    const compiled = getCompiledDialect(dialect);
    expect(compiled.anyPrompt.test(text)).toBe(false);
    expect(identifyPrompt(compiled, text)).toBeNull();
  });
});

describe('host name re-learning', () => {
  const info = (mode: 'user' | 'privileged' | 'config', hostname: string, submode: string | null = null) => ({ mode, hostname, submode, prompt: '' });
  it.each([
    { known: null, seen: info('privileged', 'r1'), hostname: 'r1', submode: null },
    { known: 'r1', seen: info('privileged', 'r2'), hostname: 'r2', submode: null },
    { known: 'r1', seen: info('config', 'r2', 'config'), hostname: 'r2', submode: 'config' },
    { known: 'THIS.IS.A.PARTICULARLY.LONG.NAME', seen: info('config', 'THIS.IS.A.PARTICULAR', 'config'), hostname: 'THIS.IS.A.PARTICULARLY.LONG.NAME', submode: 'config' },
    { known: 'AR-01', seen: info('config', 'AR-01-GigabitEthernet0/0/1'), hostname: 'AR-01', submode: 'GigabitEthernet0/0/1' },
    { known: 'AR-01', seen: info('config', 'AR-02'), hostname: 'AR-02', submode: null },
  ])('$known + $seen.hostname → $hostname', ({ known, seen, hostname, submode }) => {
    expect(reconcileIdentity(known, seen)).toEqual({ hostname, submode });
  });
});

describe('mode graph', () => {
  it.each([
    { dialect: 'ios' as const, from: 'user' as const, to: 'config' as const, commands: ['enable', 'configure terminal'] },
    { dialect: 'ios' as const, from: 'config' as const, to: 'user' as const, commands: ['end', 'disable'] },
    { dialect: 'ios' as const, from: 'privileged' as const, to: 'privileged' as const, commands: [] },
    { dialect: 'vrp' as const, from: 'privileged' as const, to: 'config' as const, commands: ['system-view'] },
    { dialect: 'junos' as const, from: 'config' as const, to: 'privileged' as const, commands: ['exit configuration-mode'] },
  ])('$dialect: $from → $to', ({ dialect, from, to, commands }) => {
    const path = findModePath(getCompiledDialect(dialect).modeGraph, from, to);
    expect(path?.map((edge) => edge.command)).toEqual(commands);
  });

  it('has no path into a mode the dialect lacks', () => {
    expect(findModePath(getCompiledDialect('vrp').modeGraph, 'privileged', 'user')).toBeNull();
  });
});

describe('failure patterns', () => {
  const failing: { dialect: DialectId; output: string }[] = [
    { dialect: 'ios', output: 'hostnme r2\n% Unknown command: hostnme r2' },
    { dialect: 'ios', output: '% [ZEBRA] Unknown command: router bgp 65000' },
    { dialect: 'ios', output: '% Configuration failed.\n\nError type: validation' },
    { dialect: 'ios', output: '% No BGP process is configured' },
    { dialect: 'ios', output: '% Command incomplete: ip route' },
    { dialect: 'ios', output: "         ^\n% Invalid input detected at '^' marker." },
    { dialect: 'vrp', output: "              ^\nError: Unrecognized command found at '^' position." },
    { dialect: 'vrp', output: 'Error[2]: Wrong parameter found.' },
    { dialect: 'comware', output: "  % Unrecognized command found at '^' position." },
    { dialect: 'maipu', output: "% Unrecognized command, and error detected at '^' marker." },
    { dialect: 'junos', output: '                 ^\nsyntax error, expecting <command>.' },
    { dialect: 'junos', output: 'error: commit failed: (statements constraint check failed)' },
  ];
  it.each(failing)('$dialect flags $output', ({ dialect, output }) => {
    expect(getCompiledDialect(dialect).failures.some((regex) => regex.test(output))).toBe(true);
  });

  it('does not flag ordinary output', () => {
    const outputs = ['Building configuration...\nCurrent configuration:\n!\nhostname r1', 'C>* 192.0.2.0/30 is directly connected, eth1'];
    for (const output of outputs) {
      expect(getCompiledDialect('ios').failures.some((regex) => regex.test(output))).toBe(false);
    }
  });
});

describe('save dialogues match the questions quoted in DOMAIN.md §2.0/§2.1', () => {
  it.each([
    { dialect: 'vrp' as const, questions: ['The current configuration will be written to the device. Are you sure to continue?[Y/N]:'], answers: ['Y'] },
    {
      dialect: 'comware' as const,
      questions: [
        'The current configuration will be written to the device. Are you sure? [Y/N]:',
        'Please input the file name(*.cfg)[flash:/startup.cfg]\r\n(To leave the existing filename unchanged, press the enter key):',
        'flash:/startup.cfg exists, overwrite? [Y/N]:',
      ],
      answers: ['Y', '', 'Y'],
    },
    { dialect: 'maipu' as const, questions: ['Are you sure to overwrite /flash/startup (Yes|No)?'], answers: ['y'] },
    { dialect: 'ios' as const, questions: [], answers: [] },
  ])('$dialect', ({ dialect, questions, answers }) => {
    const [procedure] = getCompiledDialect(dialect).save;
    expect(procedure?.dialogue.map((step) => step.answer)).toEqual(answers);
    questions.forEach((question, index) => expect(procedure?.dialogue[index]?.expect.test(question)).toBe(true));
  });

  it('recognises the save success lines', () => {
    expect(getCompiledDialect('ios').save[0]?.success?.test('Configuration saved to /tmp/peers/frr/etc/zebra.conf')).toBe(true);
    expect(getCompiledDialect('ios').save[0]?.success?.test('Building configuration...\n[OK]')).toBe(true);
    expect(getCompiledDialect('comware').save[0]?.success?.test('Please input the file name(*.cfg)[flash:/startup.cfg]')).toBe(false);
    expect(getCompiledDialect('comware').save[0]?.success?.test('flash:/startup.cfg saved to device successfully.')).toBe(true);
  });
});
