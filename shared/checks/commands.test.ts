import { describe, expect, it } from 'vitest';
import * as parsers from '../parsers';
import { CheckCommandError, checkCommands, commandTakes, renderCheckCommand, type CommandPlatform } from './commands';

describe('checkCommands', () => {
  it('names only parsers that shared/parsers exports', () => {
    const names = Object.values(checkCommands).flatMap((byKind) => Object.values(byKind).map((entry) => entry.parser));
    for (const name of new Set(names)) expect(typeof (parsers as Record<string, unknown>)[name], name).toBe('function');
  });

  it('renders the documented ping of each platform, optional source included or left out', () => {
    const values = { address: '10.0.0.1', source: '10.0.0.2', count: 5 };
    const expected: Record<CommandPlatform, string> = {
      ios: 'ping 10.0.0.1 source 10.0.0.2 repeat 5',
      frr: 'ping 10.0.0.1',
      maipu: 'ping 10.0.0.1',
      ruijie: 'ping 10.0.0.1 source 10.0.0.2 ntimes 5',
      vrp: 'ping -c 5 -a 10.0.0.2 10.0.0.1',
      comware: 'ping -c 5 -a 10.0.0.2 10.0.0.1',
      junos: 'ping 10.0.0.1 count 5 rapid source 10.0.0.2',
    };
    for (const [platform, text] of Object.entries(expected)) expect(renderCheckCommand(platform as CommandPlatform, 'ping', values)).toBe(text);
    expect(renderCheckCommand('vrp', 'ping', { address: '10.0.0.1', count: 3 })).toBe('ping -c 3 10.0.0.1');
    expect(renderCheckCommand('junos', 'route', { address: '10.1.0.0' })).toBe('show route 10.1.0.0 active-path');
  });

  it('puts the packet size where each vendor takes it, and has no size where no option is known', () => {
    const values = { address: '10.0.0.1', source: '10.0.0.2', count: 5, size: 1400 };
    const expected: Record<CommandPlatform, string> = {
      ios: 'ping 10.0.0.1 source 10.0.0.2 repeat 5 size 1400',
      frr: 'ping 10.0.0.1',
      maipu: 'ping 10.0.0.1',
      ruijie: 'ping 10.0.0.1 source 10.0.0.2 ntimes 5',
      vrp: 'ping -c 5 -s 1400 -a 10.0.0.2 10.0.0.1',
      comware: 'ping -c 5 -s 1400 -a 10.0.0.2 10.0.0.1',
      junos: 'ping 10.0.0.1 count 5 rapid size 1400 source 10.0.0.2',
    };
    for (const [platform, text] of Object.entries(expected)) expect(renderCheckCommand(platform as CommandPlatform, 'ping', values)).toBe(text);
    expect((['frr', 'maipu', 'ruijie'] as const).filter((platform) => commandTakes(platform, 'ping', 'size'))).toEqual([]);
    expect(renderCheckCommand('junos', 'ping', { address: '10.0.0.1', count: 2 })).toBe('ping 10.0.0.1 count 2 rapid');
  });

  it('has an interfaces command on every platform; FRR`s takes one interface name, the others print a table', () => {
    for (const platform of Object.keys(checkCommands) as CommandPlatform[]) expect(checkCommands[platform].interfaces, platform).toBeDefined();
    expect(renderCheckCommand('frr', 'interfaces', { interface: 'eth1' })).toBe('show interface eth1');
    expect(renderCheckCommand('frr', 'interfaces', {})).toBe('show interface');
    expect(checkCommands.frr.interfaces?.parser).toBe('parseFrrInterfaces');
    expect(renderCheckCommand('vrp', 'interfaces', { interface: 'GE0/0/1' })).toBe('display interface brief');
    expect(renderCheckCommand('junos', 'interfaces', {})).toBe('show interfaces terse');
    expect(() => renderCheckCommand('frr', 'interfaces', { interface: 'eth1 description x' })).toThrow(/not a single/);
  });

  it('marks FRR ping as one to interrupt, since FRR accepts no count (captured: `% Unknown command: ping -c 2 ...`)', () => {
    expect(checkCommands.frr.ping?.interruptAfterCount).toBe(true);
  });

  it('refuses a missing required value, an unknown check and a value that would smuggle a second word', () => {
    expect(() => renderCheckCommand('ios', 'route', {})).toThrow(CheckCommandError);
    expect(() => renderCheckCommand('junos', 'sip', {})).toThrow(/no sip check command for junos/);
    expect(() => renderCheckCommand('ios', 'route', { address: '10.0.0.1 | include x' })).toThrow(/not a single/);
    expect(() => renderCheckCommand('vrp', 'ping', { address: '10.0.0.1\rsave', count: 5 })).toThrow(CheckCommandError);
  });

  it('has no VRP SIP command: its output format is unverified', () => {
    expect(checkCommands.vrp.sip).toBeUndefined();
  });
});
