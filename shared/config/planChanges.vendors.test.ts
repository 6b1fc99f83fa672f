import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DialectId } from '../contract/device';
import { fixtureOutput } from '../parsers/testing/goldenFixtures';
import { planChanges } from './planChanges';
import { renderDiff } from './renderDiff';
import { expectAccounted, sent } from './testing/planExpectations';

const readFixture = (name: string): string => fixtureOutput(name, readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

const VRP = readFixture('vrp-ne40e.txt');
const COMWARE = readFixture('comware-msr.txt');


describe('planChanges, VRP and Comware', () => {
  it('plans VRP interface sections with undo lines and # separators', () => {
    const desired = [
      '#',
      'interface Ethernet1/0/1',
      ' undo shutdown',
      ' description uplink',
      '#',
      'interface Ethernet1/0/1.123',
      ' undo shutdown',
      '#',
      'interface LoopBack2147483647',
      ' description DCN loopback interface',
      '#',
      'undo telnet server enable',
      'undo lldp enable',
      'aaa',
      ' local-user faddr password irreversible-cipher Faddr-Pass-9',
      ' local-user faddr level 3',
    ];
    const plan = planChanges('vrp', VRP, desired);
    expect(plan.toSend).toEqual([
      { text: 'interface Ethernet1/0/1', sourceIndex: 1, path: [] },
      { text: 'description uplink', sourceIndex: 3, path: ['interface Ethernet1/0/1'] },
      { text: 'quit', sourceIndex: null, path: ['interface Ethernet1/0/1'] },
      { text: 'interface Ethernet1/0/1.123', sourceIndex: 5, path: [] },
      { text: 'undo shutdown', sourceIndex: 6, path: ['interface Ethernet1/0/1.123'] },
      { text: 'quit', sourceIndex: null, path: ['interface Ethernet1/0/1.123'] },
      { text: 'undo lldp enable', sourceIndex: 12, path: [] },
    ]);
    expect(renderDiff(plan)).toContain('-  shutdown');
    expect(renderDiff(plan)).toContain('- lldp enable');
    expect(plan.alreadyPresent).toContain('local-user faddr password ******');
    expectAccounted(plan, desired, /^quit$/);
  });

  it('sends nothing for a VRP section typed with its own quit once present', () => {
    const desired = ['interface Ethernet1/0/0', ' description OAM', ' undo shutdown', 'quit', 'user-interface vty 0 4', ' authentication-mode aaa', 'quit'];
    expect(planChanges('vrp', VRP, desired).toSend).toEqual([]);
  });

  it('plans Comware: indented globals, nested ospf, auto-numbered ACL rules, hashed password', () => {
    const desired = [
      ' sysname MSR-BJ-01',
      'ospf 1 router-id 198.51.100.20',
      ' area 0.0.0.0',
      '  network 192.168.20.0 0.0.0.255',
      '  network 192.168.30.0 0.0.0.255',
      'acl advanced 3000',
      ' rule permit ip source 192.168.20.0 0.0.0.255 destination 10.0.0.0 0.255.255.255',
      'local-user admin class manage',
      ' password simple Admin-Pass-7',
      'undo telnet server enable',
    ];
    const plan = planChanges('comware', COMWARE, desired);
    expect(sent(plan)).toEqual(['ospf 1 router-id 198.51.100.20', 'area 0.0.0.0', 'network 192.168.30.0 0.0.0.255', 'quit', 'quit', 'undo telnet server enable']);
    expect(renderDiff(plan)).not.toContain('Admin-Pass-7');
  });
});

describe('planChanges, exits per dialect', () => {
  it.each<{ dialect: DialectId; exit: string | null }>([
    { dialect: 'ios', exit: 'exit' },
    { dialect: 'maipu', exit: 'exit' },
    { dialect: 'ruijie', exit: 'exit' },
    { dialect: 'vrp', exit: 'quit' },
    { dialect: 'comware', exit: 'quit' },
  ])('$dialect leaves a section with $exit', ({ dialect, exit }) => {
    const plan = planChanges(dialect, '', ['interface X1', ' description y']);
    expect(plan.toSend.at(-1)).toEqual({ text: exit, sourceIndex: null, path: ['interface X1'] });
  });

  it('junos: flat set lines, delete as negation, no exits', () => {
    const running = 'set system host-name r1\nset system services ssh\nset system services telnet\nset system root-authentication encrypted-password "$6$masked"\n';
    const desired = ['set system services ssh', 'delete system services telnet', 'set system root-authentication encrypted-password "$6$other"', 'set system ntp server 192.0.2.123'];
    const plan = planChanges('junos', running, desired);
    expect(sent(plan)).toEqual(['delete system services telnet', 'set system ntp server 192.0.2.123']);
    expect(renderDiff(plan)).toBe(
      ['  set system services ssh', '- set system services telnet', '  set system root-authentication encrypted-password ******', '+ set system ntp server 192.0.2.123'].join('\n'),
    );
  });
});
