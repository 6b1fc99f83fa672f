import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureOutput } from '../parsers/testing/goldenFixtures';
import { planChanges } from './planChanges';
import { renderDiff } from './renderDiff';
import { sent } from './testing/planExpectations';

const readFixture = (name: string): string => fixtureOutput(name, readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

const FRR = readFixture('frr-running-config.txt');
const COMWARE = readFixture('comware-msr.txt');

describe('planChanges, negations of lines the device numbered', () => {
  // FRR shows `seq N` on every prefix-list and access-list entry, also those typed without one.
  const running = [
    'ip prefix-list PL-UP seq 5 permit 10.0.0.0/8',
    'ip prefix-list PL-UP seq 10 deny 10.1.0.0/16 le 24',
    'access-list MGMT seq 5 permit 192.0.2.0/24',
    '',
  ].join('\n');

  it.each([
    { line: 'no ip prefix-list PL-UP permit 10.0.0.0/8', send: true, why: 'the entry is shown as seq 5' },
    { line: 'no ip prefix-list PL-UP deny 10.1.0.0/16 le 24', send: true, why: 'the entry is shown as seq 10' },
    { line: 'no access-list MGMT permit 192.0.2.0/24', send: true, why: 'the entry is shown as seq 5' },
    { line: 'no ip prefix-list PL-UP permit 10.9.0.0/16', send: false, why: 'no entry has that prefix' },
    { line: 'no ip prefix-list PL-UP deny 10.1.0.0/16', send: false, why: 'the entry shown is another one (le 24), which FRR would refuse to remove' },
    { line: 'no ip prefix-list PL-UP seq 15 permit 10.0.0.0/8', send: false, why: 'the number written is not the one shown' },
    { line: 'no ip prefix-list PL-UP seq 5 permit 10.0.0.0/8', send: true, why: 'the number written is the one shown' },
  ])('$line: $why', ({ line, send }) => {
    expect(sent(planChanges('ios', running, [line]))).toEqual(send ? [line] : []);
  });

  it('shows the numbered entry a negation removes in the diff', () => {
    const plan = planChanges('ios', running, ['no ip prefix-list PL-UP permit 10.0.0.0/8']);
    expect(renderDiff(plan)).toBe('- ip prefix-list PL-UP seq 5 permit 10.0.0.0/8');
  });

  it('matches a VRP ACL rule the device numbered', () => {
    const vrp = '#\nacl number 3000\n rule 5 permit ip source 10.0.0.0 0.255.255.255\n#\nreturn\n';
    const plan = planChanges('vrp', vrp, ['acl number 3000', ' undo rule permit ip source 10.0.0.0 0.255.255.255']);
    expect(sent(plan)).toEqual(['acl number 3000', 'undo rule permit ip source 10.0.0.0 0.255.255.255', 'quit']);
  });
});

describe('planChanges, settings that hold one value', () => {
  it('plans a new host name as a change of the one shown', () => {
    const plan = planChanges('ios', FRR, ['hostname r2']);
    expect(sent(plan)).toEqual(['hostname r2']);
    expect(renderDiff(plan)).toBe('- hostname r1\n+ hostname r2');
  });

  it('counts only the last of two host name lines FRR shows after a change', () => {
    const twice = 'hostname r2\nhostname r1\n!\nip prefix-list PL-A seq 5 permit 10.0.0.0/8\n';
    expect(sent(planChanges('ios', twice, ['hostname r2']))).toEqual(['hostname r2']);
    expect(renderDiff(planChanges('ios', twice, ['hostname r2']))).toBe('- hostname r1\n+ hostname r2');
    const current = planChanges('ios', twice, ['hostname r1']);
    expect(sent(current)).toEqual([]);
    expect(current.alreadyPresent).toEqual(['hostname r1']);
  });

  it.each([
    { dialect: 'ios' as const, running: 'clock timezone PST -8 0\n', line: 'clock timezone CST 8 0', send: true },
    { dialect: 'ios' as const, running: 'clock timezone PST -8 0\n', line: 'clock timezone PST -8 0', send: false },
    { dialect: 'comware' as const, running: COMWARE, line: 'sysname MSR-BJ-02', send: true },
    { dialect: 'comware' as const, running: COMWARE, line: 'sysname MSR-BJ-01', send: false },
    { dialect: 'comware' as const, running: COMWARE, line: 'clock timezone BJ add 08:00:00', send: false },
    { dialect: 'vrp' as const, running: '#\nsysname A\n#\nsysname B\n#\nreturn\n', line: 'sysname A', send: true },
    { dialect: 'junos' as const, running: 'set system host-name old\n', line: 'set system host-name new', send: true },
  ])('$dialect: $line (send: $send)', ({ dialect, running, line, send }) => {
    expect(sent(planChanges(dialect, running, [line]))).toEqual(send ? [line] : []);
  });

  it('leaves lines that may repeat alone: two name servers are both kept', () => {
    const running = 'ip name-server 192.0.2.53\nip name-server 192.0.2.54\n';
    expect(sent(planChanges('ios', running, ['ip name-server 192.0.2.53']))).toEqual([]);
  });
});
