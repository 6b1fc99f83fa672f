import { describe, expect, it } from 'vitest';
import type { DialectId } from '../../shared/contract';
import { getCompiledDialect, identifyPrompt } from '../../shared/dialects';
import { drive, lastLine } from './testing/drive';

interface HierarchicalCase {
  dialect: DialectId;
  /** Commands from login to the level where configuration is entered. */
  toExec: string[];
  exec: string;
  configEnter: string;
  config: string;
  section: string;
  sectionPrompt: string;
  leaf: string;
  remove: string;
  leave: string;
  rename: string;
  renamedPrompt: string;
  invalid: string;
  pagingOff: string;
  pager: string;
  showRunning: string;
  showStartup: string;
}

const cases: HierarchicalCase[] = [
  {
    dialect: 'ios', toExec: ['enable'], exec: 'R1#', configEnter: 'configure terminal', config: 'R1(config)#', section: 'interface gi0/1',
    sectionPrompt: 'R1(config-if)#', leaf: 'description uplink to core', remove: 'no description', leave: 'end', rename: 'hostname R2',
    renamedPrompt: 'R2(config)#', invalid: "% Invalid input detected at '^' marker.", pagingOff: 'terminal length 0', pager: ' --More-- ',
    showRunning: 'show running-config', showStartup: 'show startup-config',
  },
  {
    dialect: 'maipu', toExec: ['enable'], exec: 'R1#', configEnter: 'configure terminal', config: 'R1(config)#', section: 'interface gigabitethernet0',
    sectionPrompt: 'R1(config-if)#', leaf: 'description uplink to core', remove: 'no description', leave: 'end', rename: 'hostname R2',
    renamedPrompt: 'R2(config)#', invalid: "% Unrecognized command, and error detected at '^' marker.", pagingOff: 'more off',
    pager: '....press ENTER to next line, Q to quit, other key to next page....', showRunning: 'show running-config', showStartup: 'show startup-config',
  },
  {
    dialect: 'ruijie', toExec: ['enable'], exec: 'R1#', configEnter: 'configure terminal', config: 'R1(config)#', section: 'interface GigabitEthernet 0/1',
    sectionPrompt: 'R1(config-if)#', leaf: 'description uplink to core', remove: 'no description', leave: 'end', rename: 'hostname R2',
    renamedPrompt: 'R2(config)#', invalid: "% Invalid input detected at '^' marker.", pagingOff: 'terminal length 0', pager: ' --More-- ',
    showRunning: 'show running-config', showStartup: 'show startup-config',
  },
  {
    dialect: 'vrp', toExec: [], exec: '<R1>', configEnter: 'system-view', config: '[R1]', section: 'interface GE0/0/1',
    sectionPrompt: '[R1-GigabitEthernet0/0/1]', leaf: 'description uplink to core', remove: 'undo description', leave: 'return', rename: 'sysname R2',
    renamedPrompt: '[R2]', invalid: "Error: Unrecognized command found at '^' position.", pagingOff: 'screen-length 0 temporary', pager: '  ---- More ----',
    showRunning: 'display current-configuration', showStartup: 'display saved-configuration',
  },
  {
    dialect: 'comware', toExec: [], exec: '<R1>', configEnter: 'system-view', config: '[R1]', section: 'interface GigabitEthernet1/0/1',
    sectionPrompt: '[R1-GigabitEthernet1/0/1]', leaf: 'description uplink to core', remove: 'undo description', leave: 'return', rename: 'sysname R2',
    renamedPrompt: '[R2]', invalid: " % Unrecognized command found at '^' position.", pagingOff: 'screen-length disable', pager: '  ---- More ----',
    showRunning: 'display current-configuration', showStartup: 'display saved-configuration',
  },
];

describe.each(cases)('$dialect engine', (sample) => {
  const compiled = getCompiledDialect(sample.dialect);
  const atExec = (pageLength?: number) => {
    const driven = drive(sample.dialect, pageLength === undefined ? {} : { pageLength });
    driven.lines(...sample.toExec);
    return driven;
  };

  it('prints prompts the dialect recognises for each mode', () => {
    const driven = atExec();
    expect(lastLine(driven.transcript())).toBe(sample.exec);
    expect(identifyPrompt(compiled, `\n${sample.exec}`)?.mode).toBe('privileged');
    expect(lastLine(driven.lines(sample.configEnter))).toBe(sample.config);
    expect(identifyPrompt(compiled, `\n${sample.config}`)?.mode).toBe('config');
    expect(lastLine(driven.lines(sample.section))).toBe(sample.sectionPrompt);
    expect(identifyPrompt(compiled, `\n${sample.sectionPrompt}`)?.mode).toBe('config');
    expect(lastLine(driven.lines(sample.leave))).toBe(sample.exec);
  });

  it("answers an unknown command with the dialect's error and a caret under the bad word", () => {
    const driven = atExec();
    const printed = driven.lines(sample.configEnter, 'bogus command');
    const lines = printed.split('\n');
    const errorAt = lines.indexOf(sample.invalid);
    expect(errorAt).toBeGreaterThan(0);
    expect(lines[errorAt - 1]).toBe(`${' '.repeat(sample.config.length)}^`);
    expect(compiled.failures.some((failure) => failure.test(printed))).toBe(true);
    expect(lastLine(printed)).toBe(sample.config);
  });

  it('pages long output until paging is turned off', () => {
    const driven = atExec(10);
    const paged = driven.lines(sample.showRunning);
    expect(paged.endsWith(sample.pager)).toBe(true);
    // The echoed command, nine lines (one page less the pager line), the pager.
    expect(paged.split('\n').length).toBe(11);
    const rest = driven.type('q');
    expect(lastLine(rest)).toBe(sample.exec);
    driven.lines(sample.pagingOff);
    const whole = driven.lines(sample.showRunning);
    expect(whole).not.toContain(sample.pager);
    expect(lastLine(whole)).toBe(sample.exec);
  });

  it('keeps configured lines in the running configuration, removes negated ones, and saves to startup', () => {
    const driven = atExec();
    driven.lines(sample.pagingOff, sample.configEnter, sample.section, sample.leaf, sample.leave);
    expect(driven.lines(sample.showRunning)).toMatch(/\n {1}description uplink to core\n/);
    expect(driven.lines(sample.showStartup)).not.toContain('description uplink to core');
    driven.lines(sample.configEnter, sample.section, sample.remove, sample.leave);
    expect(driven.lines(sample.showRunning)).not.toContain('description uplink to core');
  });

  it('changes the prompt at once after a host name change', () => {
    const driven = atExec();
    expect(lastLine(driven.lines(sample.configEnter, sample.rename))).toBe(sample.renamedPrompt);
  });
});

describe('save dialogues', () => {
  it('IOS write memory builds the configuration and fills the startup configuration', () => {
    const driven = drive('ios');
    driven.lines('enable', 'terminal length 0', 'configure terminal', 'ntp server 192.0.2.10', 'end');
    expect(driven.lines('write memory')).toContain('Building configuration...\n[OK]\n');
    expect(driven.lines('show startup-config')).toContain('ntp server 192.0.2.10');
  });

  it("VRP save asks Y/N, and Enter alone gives VRP's error and asks again", () => {
    const driven = drive('vrp');
    driven.lines('screen-length 0 temporary', 'system-view', 'ntp-service unicast-server 192.0.2.10', 'return');
    expect(lastLine(driven.lines('save'))).toBe('  Are you sure to continue?[Y/N]:');
    expect(lastLine(driven.lines(''))).toBe("Error: Please choose 'YES' or 'NO' first before pressing 'Enter'. [Y/N]:");
    expect(driven.lines('Y')).toContain('Save the configuration successfully.');
    expect(driven.lines('display saved-configuration')).toContain(' ntp-service unicast-server 192.0.2.10');
  });

  it('VRP save answered N keeps the startup configuration', () => {
    const driven = drive('vrp');
    driven.lines('screen-length 0 temporary', 'system-view', 'sysname EDGE', 'return', 'save', 'N');
    expect(driven.lines('display saved-configuration')).not.toContain('sysname EDGE');
  });

  it('Comware save asks Y/N, the file name, then whether to overwrite', () => {
    const driven = drive('comware');
    driven.lines('screen-length disable', 'system-view', 'sysname CORE', 'return');
    expect(lastLine(driven.lines('save'))).toBe('The current configuration will be written to the device. Are you sure? [Y/N]:');
    expect(lastLine(driven.lines('Y'))).toBe('(To leave the existing filename unchanged, press the enter key):');
    expect(lastLine(driven.lines(''))).toBe('flash:/startup.cfg exists, overwrite? [Y/N]:');
    expect(driven.lines('Y')).toContain('Configuration is saved to device successfully.');
    expect(driven.lines('display saved-configuration')).toContain(' sysname CORE');
  });

  it('Maipu write asks to overwrite /flash/startup', () => {
    const driven = drive('maipu');
    driven.lines('enable', 'more off');
    expect(lastLine(driven.lines('write'))).toBe('Are you sure to overwrite /flash/startup (Yes|No)?');
    driven.lines('y');
    expect(lastLine(driven.transcript())).toBe('R1#');
  });
});

describe('Junos engine', () => {
  const compiled = getCompiledDialect('junos');

  it('runs configure, set, commit and shows the committed configuration', () => {
    const driven = drive('junos');
    expect(lastLine(driven.transcript())).toBe('admin@R1> ');
    driven.lines('set cli screen-length 0');
    const entered = driven.lines('configure');
    expect(identifyPrompt(compiled, entered)?.mode).toBe('config');
    expect(entered.endsWith('\n[edit]\nadmin@R1# ')).toBe(true);
    driven.lines('set system host-name J2', 'set system ntp server 192.0.2.10');
    expect(driven.lines('show | compare')).toContain('+ system ntp server 192.0.2.10');
    expect(driven.lines('commit')).toContain('commit complete');
    expect(lastLine(driven.lines('exit'))).toBe('admin@J2> ');
    expect(driven.lines('show configuration | display set')).toContain('set system ntp server 192.0.2.10');
  });

  it('reports syntax errors in configuration mode and unknown commands in operational mode', () => {
    const driven = drive('junos');
    expect(driven.lines('show bogus')).toContain('unknown command.');
    driven.lines('configure');
    const printed = driven.lines('set bogus thing');
    expect(printed).toContain('syntax error.');
    expect(compiled.failures.some((failure) => failure.test(printed))).toBe(true);
  });

  it('asks before leaving uncommitted changes', () => {
    const driven = drive('junos');
    driven.lines('configure', 'set system domain-name example.net');
    expect(lastLine(driven.lines('exit configuration-mode'))).toBe('Exit with uncommitted changes? [yes,no] (yes) ');
    expect(lastLine(driven.lines('yes'))).toBe('admin@R1> ');
  });

  it('pages with ---(more)--- until set cli screen-length 0', () => {
    const driven = drive('junos');
    expect(driven.lines('show version').endsWith('---(more)---')).toBe(true);
  });
});

describe('login, echo and line editing', () => {
  it('asks username and password, refuses wrong ones with the vendor text, hides the password', () => {
    const driven = drive('ios', { username: 'tech', password: 'secret-pw' });
    expect(lastLine(driven.transcript())).toBe('Username: ');
    driven.lines('tech');
    const refused = driven.lines('wrong-pw');
    expect(refused).toContain('% Login invalid');
    expect(refused).not.toContain('wrong-pw');
    driven.lines('tech');
    expect(lastLine(driven.lines('secret-pw'))).toBe('R1>');
    expect(driven.transcript()).not.toContain('secret-pw');
  });

  it('closes a Telnet line after three wrong passwords', () => {
    const driven = drive('vrp', { username: 'tech', password: 'secret-pw' });
    driven.lines('tech', 'a', 'tech', 'b', 'tech', 'c');
    expect(driven.engine.closed).toBe(true);
  });

  it('asks for the enable secret without echo and refuses a wrong one three times', () => {
    const driven = drive('ios', { enableSecret: 'en-pw' });
    expect(lastLine(driven.lines('enable'))).toBe('Password: ');
    driven.lines('x', 'y');
    expect(driven.lines('z')).toContain('% Bad secrets');
    driven.lines('enable');
    expect(lastLine(driven.lines('en-pw'))).toBe('R1#');
  });

  it.each(['\r\n', '\r\0', '\n', '\r'])('reads %j as one Enter', (ending) => {
    const driven = drive('ios');
    const printed = driven.type(`enable${ending}`);
    expect(printed).toBe('enable\nR1#');
  });

  it('echoes typed characters and erases on backspace', () => {
    const driven = drive('ios');
    expect(driven.type('enablx')).toBe('enablx');
    expect(driven.type('\x7f')).toBe('\b \b');
    expect(lastLine(driven.type('e\r'))).toBe('R1#');
  });

  it('starts a console behind its wake-up banner and returns to it after logout', () => {
    const driven = drive('ios', { console: true });
    expect(driven.transcript()).toContain('Press RETURN to get started.');
    expect(lastLine(driven.lines(''))).toBe('R1>');
    expect(driven.lines('exit')).toContain('R1 con0 is now available');
    expect(driven.engine.closed).toBe(false);
  });
});

describe('configuration details', () => {
  it('does not keep one-shot commands such as crypto key generate rsa', () => {
    const driven = drive('ios');
    driven.lines('enable', 'terminal length 0', 'configure terminal');
    expect(driven.lines('crypto key generate rsa modulus 2048')).toContain('% Generating 2048 bit RSA keys');
    driven.lines('end');
    expect(driven.lines('show running-config')).not.toContain('crypto key generate');
  });

  it('returns to global configuration for a global command typed in a sub-mode, as IOS does', () => {
    const driven = drive('ios');
    driven.lines('enable', 'configure terminal', 'interface gi0/0');
    expect(lastLine(driven.lines('ntp server 192.0.2.10'))).toBe('R1(config)#');
  });

  it('replaces a single-valued line and keeps "no" lines the device shows', () => {
    const driven = drive('ios');
    driven.lines('enable', 'terminal length 0', 'configure terminal', 'interface gi0/0', 'ip address 10.0.0.1 255.255.255.0', 'ip address 10.0.0.2 255.255.255.0', 'no cdp enable', 'end');
    const running = driven.lines('show running-config | section GigabitEthernet0/0');
    expect(running).toContain(' ip address 10.0.0.2 255.255.255.0');
    expect(running).not.toContain('10.0.0.1');
    expect(running).not.toContain(' no ip address');
    expect(running).toContain(' no cdp enable');
  });

  it('names VRP sub-views as the prompts show them', () => {
    const driven = drive('vrp');
    driven.lines('system-view');
    expect(lastLine(driven.lines('user-interface vty 0 4'))).toBe('[R1-ui-vty0-4]');
    expect(lastLine(driven.lines('ipsec policy POL 10 isakmp'))).toBe('[R1-ipsec-policy-isakmp-POL-10]');
    expect(lastLine(driven.lines('ospf 1', 'area 0'))).toBe('[R1-ospf-1-area-0.0.0.0]');
  });
});
