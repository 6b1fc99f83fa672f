import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DialectId } from '../contract/device';
import { fixtureOutput } from '../parsers/testing/goldenFixtures';
import { negationFormRules } from './negationForms';
import { planChanges } from './planChanges';
import { renderDiff } from './renderDiff';
import { sent } from './testing/planExpectations';

const readFixture = (name: string): string => fixtureOutput(name, readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

// Shows `crypto isakmp key ****** address 203.0.113.2` (masked) and a `banner motd ^C` block.
const IOS = readFixture('ios-branch.txt');

describe('planChanges, negations of lines with an opaque value', () => {
  const sipUa = ['sip-ua', ' credentials username 86018001 password 7 0822455D0A16 realm voice.example.cn', ' retry register 10', '!', 'end', ''].join('\n');

  it.each<{ dialect: DialectId; running: string; lines: string[]; send: boolean; why: string }>([
    { dialect: 'ios', running: IOS, lines: ['no crypto isakmp key Psk-HQ-2025 address 203.0.113.2'], send: true, why: 'the key is shown masked for that address' },
    { dialect: 'ios', running: IOS, lines: ['no crypto isakmp key Psk-HQ-2025 address 203.0.113.9'], send: false, why: 'no key is shown for that address' },
    { dialect: 'ios', running: 'crypto isakmp key 6 RHZE]aT_bU address 203.0.113.1 no-xauth\n', lines: ['no crypto isakmp key Psk-1 address 203.0.113.1'], send: true, why: 'the shown line is encrypted and longer' },
    { dialect: 'ios', running: sipUa, lines: ['sip-ua', ' no credentials username 86018001 password Sip-Pass-1 realm voice.example.cn'], send: true, why: 'the credentials are shown encrypted' },
    { dialect: 'ios', running: sipUa, lines: ['sip-ua', ' no credentials username 86018002 password Sip-Pass-2 realm voice.example.cn'], send: false, why: 'another user is shown' },
    { dialect: 'vrp', running: '#\nike peer HUB\n pre-shared-key cipher %^%#x%^%#\n#\nreturn\n', lines: ['ike peer HUB', ' undo pre-shared-key simple Psk-1'], send: true, why: 'the key is shown as cipher' },
    { dialect: 'junos', running: 'set system root-authentication encrypted-password "$6$masked"\n', lines: ['delete system root-authentication encrypted-password "Root-1"'], send: true, why: 'the password is shown hashed' },
  ])('$dialect: $why', ({ dialect, running, lines, send }) => {
    const plan = planChanges(dialect, running, lines);
    expect(plan.toSend.some((line) => line.text === lines.at(-1)?.trim())).toBe(send);
  });

  it('shows the removed line masked, never the secret typed', () => {
    const plan = planChanges('ios', IOS, ['no crypto isakmp key Psk-HQ-2025 address 203.0.113.2']);
    expect(sent(plan)).toEqual(['no crypto isakmp key Psk-HQ-2025 address 203.0.113.2']);
    expect(renderDiff(plan)).toBe('- crypto isakmp key ****** address 203.0.113.2');
    expect(plan.alreadyPresent).toEqual([]);
  });

  it('sends the negation whether or not secrets are to be rotated', () => {
    const lines = ['no crypto isakmp key Psk-HQ-2025 address 203.0.113.2'];
    expect(sent(planChanges('ios', IOS, lines, { sendOpaqueValues: true }))).toEqual(lines);
  });
});

describe('planChanges, negations of delimited blocks', () => {
  const vrpHeader = '#\nheader login information %\nAuthorised access only.\n%\n#\nreturn\n';
  const comwareHeader = '#\n sysname H3C\n#\nheader login %\nAuthorised access only.\n%\n#\nreturn\n';

  it.each<{ dialect: DialectId; running: string; line: string; send: boolean }>([
    { dialect: 'ios', running: IOS, line: 'no banner motd', send: true },
    { dialect: 'ios', running: IOS, line: 'no banner login', send: false },
    { dialect: 'vrp', running: vrpHeader, line: 'undo header login information', send: true },
    { dialect: 'vrp', running: vrpHeader, line: 'undo header shell information', send: false },
    { dialect: 'comware', running: comwareHeader, line: 'undo header login', send: true },
    { dialect: 'comware', running: comwareHeader, line: 'undo header motd', send: false },
  ])('$dialect: $line (send: $send)', ({ dialect, running, line, send }) => {
    expect(sent(planChanges(dialect, running, [line]))).toEqual(send ? [line] : []);
  });

  it('shows the whole block a negation removes', () => {
    expect(renderDiff(planChanges('ios', IOS, ['no banner motd']))).toBe(['- banner motd ^C', '- Authorized access only.', '- All sessions are logged.', '- ^C'].join('\n'));
  });
});

describe('planChanges, short negation forms (negationForms.ts)', () => {
  const vty = (line: string): string => `#\nuser-interface vty 0 4\n authentication-mode aaa\n ${line}\n#\nreturn\n`;
  const view = '#\nsnmp-agent\nsnmp-agent mib-view included NMS-VIEW iso\nsnmp-agent mib-view excluded NMS-VIEW 1.3.6.1.6.3\n#\nreturn\n';

  it.each<{ dialect: DialectId; running: string; lines: string[]; send: boolean }>([
    { dialect: 'vrp', running: vty('acl 2001 inbound'), lines: ['user-interface vty 0 4', ' undo acl inbound'], send: true },
    { dialect: 'vrp', running: vty('acl name MGMT inbound'), lines: ['user-interface vty 0 4', ' undo acl inbound'], send: true },
    { dialect: 'vrp', running: vty('acl 2001 inbound'), lines: ['user-interface vty 0 4', ' undo acl outbound'], send: false },
    { dialect: 'vrp', running: vty('acl 2001 inbound'), lines: ['user-interface vty 0 4', ' undo acl ipv6 inbound'], send: false },
    { dialect: 'vrp', running: vty('acl ipv6 3001 inbound'), lines: ['user-interface vty 0 4', ' undo acl ipv6 inbound'], send: true },
    { dialect: 'vrp', running: vty('acl ipv6 3001 inbound'), lines: ['user-interface vty 0 4', ' undo acl inbound'], send: false },
    { dialect: 'comware', running: view, lines: ['undo snmp-agent mib-view NMS-VIEW'], send: true },
    { dialect: 'vrp', running: view, lines: ['undo snmp-agent mib-view NMS'], send: false },
    { dialect: 'vrp', running: view, lines: ['undo snmp-agent mib-view OTHER-VIEW'], send: false },
    // The forms are VRP-like data: IOS has none, so the same words find nothing to remove there.
    { dialect: 'ios', running: 'line vty 0 4\n acl 2001 inbound\n', lines: ['line vty 0 4', ' no acl inbound'], send: false },
  ])('$dialect $lines', ({ dialect, running, lines, send }) => {
    const plan = planChanges(dialect, running, lines);
    expect(plan.toSend.some((line) => line.text === lines.at(-1)?.trim())).toBe(send);
  });

  it('shows every line a short form removes', () => {
    const plan = planChanges('vrp', view, ['undo snmp-agent mib-view NMS-VIEW']);
    expect(renderDiff(plan)).toBe(['- snmp-agent mib-view included NMS-VIEW iso', '- snmp-agent mib-view excluded NMS-VIEW 1.3.6.1.6.3'].join('\n'));
    const inbound = planChanges('vrp', vty('acl 2001 inbound'), ['user-interface vty 0 4', ' undo acl inbound']);
    expect(renderDiff(inbound)).toBe(['  user-interface vty 0 4', '-  acl 2001 inbound'].join('\n'));
  });

  it('takes a view name literally, not as a pattern', () => {
    const running = '#\nsnmp-agent mib-view included NMSxVIEW iso\n#\nreturn\n';
    expect(sent(planChanges('vrp', running, ['undo snmp-agent mib-view NMS.VIEW']))).toEqual([]);
  });

  it.each(Object.entries(negationFormRules).flatMap(([dialect, rules]) => rules.map((rule) => ({ dialect, rule }))))(
    '$dialect rule $rule.written names only groups it has in its shown form',
    ({ rule }) => {
      const groups = Object.keys(new RegExp(`${rule.written}|`).exec('')?.groups ?? {});
      const used = [...rule.shown.matchAll(/\$<(\w+)>/g)].map((match) => match[1]);
      expect(groups.length).toBeGreaterThan(0);
      for (const name of used) expect(groups).toContain(name);
      expect(() => new RegExp(rule.shown.replace(/\$<\w+>/g, ''))).not.toThrow();
    },
  );
});
