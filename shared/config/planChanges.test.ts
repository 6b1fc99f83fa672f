import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureOutput } from '../parsers/testing/goldenFixtures';
import { parseConfig } from './parseConfig';
import { planChanges } from './planChanges';
import { renderDiff } from './renderDiff';
import { expectAccounted, sent } from './testing/planExpectations';

const readFixture = (name: string): string => fixtureOutput(name, readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

const FRR = readFixture('frr-running-config.txt');
const IOS = readFixture('ios-branch.txt');


describe('planChanges against FRR (telnet-vtysh-session.txt)', () => {
  const desired = [
    'ip prefix-list PL-DEMO seq 5 permit 10.1.0.0/16 le 24',
    'ip prefix-list PL-DEMO seq 10 permit 10.2.0.0/16 le 24',
    'interface eth3',
    ' description uplink to core',
    'interface eth2',
    ' description core link B',
    'interface eth1',
    ' description to eth2 (veth pair)',
    ' ip address 192.0.2.1/30',
  ];

  it('sends only the missing lines, entering only the sections that need it', () => {
    const plan = planChanges('ios', FRR, desired);
    expect(plan.toSend).toEqual([
      { text: 'ip prefix-list PL-DEMO seq 10 permit 10.2.0.0/16 le 24', sourceIndex: 1, path: [] },
      { text: 'interface eth2', sourceIndex: 4, path: [] },
      { text: 'description core link B', sourceIndex: 5, path: ['interface eth2'] },
      { text: 'exit', sourceIndex: null, path: ['interface eth2'] },
    ]);
    expect(plan.alreadyPresent).toEqual([
      'ip prefix-list PL-DEMO seq 5 permit 10.1.0.0/16 le 24',
      'interface eth3',
      'description uplink to core',
      'interface eth1',
      'description to eth2 (veth pair)',
      'ip address 192.0.2.1/30',
    ]);
    expectAccounted(plan, desired, /^exit/);
  });

  it('renders a readable diff', () => {
    expect(renderDiff(planChanges('ios', FRR, desired))).toBe(
      [
        '  ip prefix-list PL-DEMO seq 5 permit 10.1.0.0/16 le 24',
        '+ ip prefix-list PL-DEMO seq 10 permit 10.2.0.0/16 le 24',
        '  interface eth3',
        '   description uplink to core',
        '  interface eth2',
        '+  description core link B',
        '  interface eth1',
        '   description to eth2 (veth pair)',
        '   ip address 192.0.2.1/30',
      ].join('\n'),
    );
  });

  it('sends nothing once applied (the running config as FRR then shows it)', () => {
    const applied = FRR.replace(' description to eth1 (veth pair)', ' description core link B').replace(
      'ip prefix-list PL-DEMO seq 5 permit 10.1.0.0/16 le 24',
      'ip prefix-list PL-DEMO seq 5 permit 10.1.0.0/16 le 24\nip prefix-list PL-DEMO seq 10 permit 10.2.0.0/16 le 24',
    );
    const plan = planChanges('ios', applied, desired);
    expect(plan.toSend).toEqual([]);
    expect(plan.diff.every((line) => line.kind === 'context')).toBe(true);
    expect(plan.alreadyPresent).toHaveLength(9);
  });

  it.each([
    { name: 'extra whitespace', line: 'ip  prefix-list PL-DEMO   seq 5 permit 10.1.0.0/16 le 24 ' },
    { name: 'a sequence number FRR added', line: 'ip prefix-list PL-DEMO permit 10.1.0.0/16 le 24' },
    { name: 'a password FRR shows masked', line: 'password zebra' },
  ])('matches despite $name', ({ line }) => {
    expect(planChanges('ios', FRR, [line]).toSend).toEqual([]);
  });

  it('accepts a parsed tree as the running configuration', () => {
    expect(planChanges('ios', parseConfig('ios', FRR), desired)).toEqual(planChanges('ios', FRR, desired));
  });
});

describe('planChanges, nested sections', () => {
  it('enters router bgp and the address family only for the missing lines, with their exits', () => {
    const desired = [
      'router bgp 65010',
      ' neighbor 203.0.113.9 remote-as 64500',
      ' address-family ipv4',
      '  neighbor 203.0.113.9 activate',
      '  network 192.168.20.0',
      ' exit-address-family',
      ' neighbor 203.0.113.13 remote-as 64501',
    ];
    const plan = planChanges('ios', IOS, desired);
    expect(plan.toSend).toEqual([
      { text: 'router bgp 65010', sourceIndex: 0, path: [] },
      { text: 'address-family ipv4', sourceIndex: 2, path: ['router bgp 65010'] },
      { text: 'network 192.168.20.0', sourceIndex: 4, path: ['router bgp 65010', 'address-family ipv4'] },
      { text: 'exit-address-family', sourceIndex: 5, path: ['router bgp 65010', 'address-family ipv4'] },
      { text: 'neighbor 203.0.113.13 remote-as 64501', sourceIndex: 6, path: ['router bgp 65010'] },
      { text: 'exit', sourceIndex: null, path: ['router bgp 65010'] },
    ]);
  });

  it('does not enter an address family whose lines are all present', () => {
    const desired = ['router bgp 65010', ' address-family ipv4', '  neighbor 203.0.113.9 activate', ' exit-address-family', ' bgp graceful-restart'];
    expect(sent(planChanges('ios', IOS, desired))).toEqual(['router bgp 65010', 'bgp graceful-restart', 'exit']);
  });

  it('sends a whole new nested section (FRR style) with the dialect exit for each level', () => {
    const running = 'router bgp 65001\n neighbor 192.0.2.2 remote-as 65002\nexit\n';
    const desired = ['router bgp 65001', ' address-family ipv6 unicast', '  neighbor 192.0.2.2 activate'];
    expect(sent(planChanges('ios', running, desired))).toEqual(['router bgp 65001', 'address-family ipv6 unicast', 'neighbor 192.0.2.2 activate', 'exit', 'exit']);
  });

  it('keeps the desired section order and the desired order inside a section', () => {
    const desired = ['interface GigabitEthernet0/2', ' description spare', ' ip address 192.168.30.1 255.255.255.0', 'interface GigabitEthernet0/1', ' ip mtu 1400', ' ip tcp adjust-mss 1360'];
    expect(sent(planChanges('ios', IOS, desired))).toEqual([
      'interface GigabitEthernet0/2',
      'description spare',
      'ip address 192.168.30.1 255.255.255.0',
      'exit',
      'interface GigabitEthernet0/1',
      'ip mtu 1400',
      'ip tcp adjust-mss 1360',
      'exit',
    ]);
  });

  it('does not enter a section whose lines are all present', () => {
    const plan = planChanges('ios', IOS, ['line vty 0 4', ' transport input ssh', ' exec-timeout 10 0', 'interface Loopback0', ' ip address 198.51.100.1 255.255.255.255']);
    expect(plan.toSend).toEqual([]);
    expect(plan.alreadyPresent).toHaveLength(5);
  });
});

describe('planChanges, banners', () => {
  it.each([
    { name: 'the same text with the ^C delimiter', lines: ['banner motd ^C', 'Authorized access only.', 'All sessions are logged.', '^C'], send: false },
    { name: 'the same text with another delimiter', lines: ['banner motd #', 'Authorized access only.', 'All sessions are logged.', '#'], send: false },
    { name: 'another text', lines: ['banner motd #', 'Authorized access only.', '#'], send: true },
    { name: 'a banner type not configured', lines: ['banner login #', 'Authorized access only.', 'All sessions are logged.', '#'], send: true },
  ])('$name', ({ lines, send }) => {
    const plan = planChanges('ios', IOS, lines);
    if (!send) {
      expect(plan.toSend).toEqual([]);
      return;
    }
    expect(plan.toSend).toEqual(lines.map((text, index) => ({ text, sourceIndex: index, path: [] })));
  });
});

describe('planChanges, negations', () => {
  it.each([
    { line: 'no ip http server', send: false, why: 'the running config shows the negation itself' },
    { line: 'no service pad', send: false, why: 'hidden default, negation shown' },
    { line: 'no cdp run', send: true, why: 'hidden default and its negation is not shown' },
    { line: 'no ip domain lookup', send: true, why: 'hidden default and its negation is not shown' },
    { line: 'no logging console', send: false, why: '`logging console` is absent' },
    { line: 'no logging buffered', send: true, why: '`logging buffered 64000` begins with it' },
    { line: 'cdp run', send: false, why: 'a hidden default whose negation is not shown is on' },
    { line: 'ip source-route', send: true, why: 'the running config shows `no ip source-route`' },
  ])('$line: $why', ({ line, send }) => {
    expect(planChanges('ios', IOS, [line]).toSend.length > 0).toBe(send);
  });

  it('shows the lines a negation removes in the diff', () => {
    const plan = planChanges('ios', IOS, ['interface GigabitEthernet0/2', ' no shutdown', 'interface GigabitEthernet0/1', ' no ip address']);
    expect(sent(plan)).toEqual(['interface GigabitEthernet0/2', 'no shutdown', 'exit', 'interface GigabitEthernet0/1', 'no ip address', 'exit']);
    expect(renderDiff(plan)).toBe(['  interface GigabitEthernet0/2', '-  shutdown', '  interface GigabitEthernet0/1', '-  ip address 192.168.10.1 255.255.255.0'].join('\n'));
  });

  it('sends negations inside a section the device does not have yet', () => {
    expect(sent(planChanges('ios', IOS, ['interface Loopback9', ' no shutdown', ' ip address 198.51.100.9 255.255.255.255']))).toEqual([
      'interface Loopback9',
      'no shutdown',
      'ip address 198.51.100.9 255.255.255.255',
      'exit',
    ]);
  });
});

describe('planChanges, secrets', () => {
  const desired = [
    'enable secret Str0ng-Enable',
    'username admin privilege 15 secret Str0ng-Admin',
    'crypto isakmp key Psk-HQ-2025 address 203.0.113.2',
    'crypto isakmp key Psk-DR-2025 address 203.0.113.99',
    'line vty 0 4',
    ' password Vty-Pass-1',
  ];

  it('takes a secret line as present when its non-secret part is', () => {
    const plan = planChanges('ios', IOS, desired);
    expect(plan.toSend).toEqual([{ text: 'crypto isakmp key Psk-DR-2025 address 203.0.113.99', sourceIndex: 3, path: [] }]);
  });

  it('never shows a secret in the diff or in alreadyPresent', () => {
    const plan = planChanges('ios', IOS, desired);
    const shown = renderDiff(plan) + '\n' + plan.alreadyPresent.join('\n');
    for (const secret of ['Str0ng-Enable', 'Str0ng-Admin', 'Psk-HQ-2025', 'Psk-DR-2025', 'Vty-Pass-1']) expect(shown).not.toContain(secret);
    expect(renderDiff(plan)).toContain('+ crypto isakmp key ****** address 203.0.113.99');
    expect(plan.alreadyPresent).toContain('username admin privilege 15 secret ******');
  });

  it('applies the caller mask to displayed texts', () => {
    const plan = planChanges('ios', FRR, ['hostname r1-Branch'], { mask: (text) => text.replace('Branch', '******') });
    expect(renderDiff(plan)).toBe('- hostname r1\n+ hostname r1-******');
    expect(plan.toSend[0]?.text).toBe('hostname r1-Branch');
  });

  it('sends secret lines on request (rotation)', () => {
    expect(sent(planChanges('ios', IOS, desired, { sendOpaqueValues: true }))).toEqual([
      'enable secret Str0ng-Enable',
      'username admin privilege 15 secret Str0ng-Admin',
      'crypto isakmp key Psk-HQ-2025 address 203.0.113.2',
      'crypto isakmp key Psk-DR-2025 address 203.0.113.99',
      'line vty 0 4',
      'password Vty-Pass-1',
      'exit',
    ]);
  });
});
