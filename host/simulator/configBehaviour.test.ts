import { describe, expect, it } from 'vitest';
import type { DialectId } from '../../shared/contract';
import { renderLines, type ConfigNode } from './configTree';
import { personas } from './personas';
import { drive } from './testing/drive';

// What the running configuration shows after removals and blocks, per vendor form: the library
// matrix (host/provision/libraryMatrix.test.ts) relies on these to compare with the backup.

/** A driven simulator and a view of its running configuration (children indented by one space). */
function simulator(dialect: DialectId): { lines(...typed: string[]): string; running(): string; section(line: string): string[] } {
  const device = personas[dialect].createDevice('R1');
  const driven = drive(dialect, { device });
  const find = (line: string): ConfigNode | undefined => device.running.children.find((child) => child.line === line);
  return {
    lines: (...typed) => driven.lines(...typed),
    running: () => renderLines(device.running, ' ').join('\n'),
    section: (line) => (find(line)?.children ?? []).map((child) => child.line),
  };
}

describe('negations on the IOS simulator', () => {
  it('shows a hidden default only while off, a listed setting as `no X`, and nothing for any other', () => {
    const ios = simulator('ios');
    ios.lines('enable', 'configure terminal', 'no ip source-route', 'service password-encryption', 'interface GigabitEthernet0/1', ' ip address 192.0.2.1 255.255.255.0', ' description uplink', ' no shutdown', 'exit');
    let config = ios.running();
    expect(config).toContain('no ip source-route');
    expect(config).not.toContain('no service password-encryption');
    expect(ios.section('interface GigabitEthernet0/1')).toEqual(['duplex auto', 'speed auto', 'media-type rj45', 'ip address 192.0.2.1 255.255.255.0', 'description uplink']);

    ios.lines('ip source-route', 'no service password-encryption', 'interface GigabitEthernet0/1', ' no ip address', ' no description', ' no description', 'end');
    config = ios.running();
    expect(config).not.toMatch(/ip source-route/);
    expect(config).toContain('no service password-encryption');
    expect(ios.section('interface GigabitEthernet0/1')).toEqual(['duplex auto', 'speed auto', 'media-type rj45', 'no ip address']);
  });

  it('keeps SNMPv3 users out of the running configuration', () => {
    const ios = simulator('ios');
    const printed = ios.lines('enable', 'configure terminal', 'snmp-server user nms NMS-V3 v3 auth sha Auth-Key-1 priv aes 128 Priv-Key-1', 'end');
    expect(printed).not.toContain('% Invalid');
    expect(ios.running()).not.toContain('snmp-server user');
  });
});

describe('undo forms that name a setting without its value', () => {
  it('removes `acl 2001 inbound` with `undo acl inbound` and a MIB view by its name', () => {
    const vrp = simulator('vrp');
    vrp.lines('system-view', 'snmp-agent mib-view included NMS-VIEW iso', 'user-interface vty 0 4', 'acl 2001 inbound', 'undo acl inbound', 'quit', 'undo snmp-agent mib-view NMS-VIEW');
    const config = vrp.running();
    expect(config).not.toContain('acl 2001 inbound');
    expect(config).not.toContain('NMS-VIEW');
    expect(config).not.toContain('undo');
  });
});

describe('delimited text blocks', () => {
  it('reads an IOS banner without prompts until the delimiter and shows it with ^C', () => {
    const ios = simulator('ios');
    ios.lines('enable', 'configure terminal');
    expect(ios.lines('banner login ^')).toBe("banner login ^\nEnter TEXT message.  End with the character '^'.\n");
    expect(ios.lines('Authorised access only.')).toBe('Authorised access only.\n');
    expect(ios.lines('^')).toBe('^\nR1(config)#');
    expect(ios.running()).toContain('banner login ^C\nAuthorised access only.\n^C');
    ios.lines('no banner login');
    expect(ios.running()).not.toContain('banner');
  });

  it('reads a Comware header the same way, shown with its own delimiter', () => {
    const comware = simulator('comware');
    comware.lines('system-view', 'header login %', 'Authorised access only.', '%');
    expect(comware.running()).toContain('header login %\nAuthorised access only.\n%');
    comware.lines('undo header login');
    expect(comware.running()).not.toContain('header');
  });
});

describe('ports a site names', () => {
  it('exist from the factory with the vendor defaults of an unused port', () => {
    const device = personas.ios.createDevice('R1', ['interface GigabitEthernet0/0/1', 'voice-port 0/1/0']);
    const config = renderLines(device.running, ' ').join('\n');
    expect(config).toContain('interface GigabitEthernet0/0/1\n no ip address\n shutdown\n negotiation auto');
    expect(config).toContain('\nvoice-port 0/1/0');
    expect(renderLines(device.startup, ' ')).toEqual(renderLines(device.running, ' '));
    const vrp = personas.vrp.createDevice('R1', ['interface GigabitEthernet0/0/5']);
    expect(renderLines(vrp.running, ' ')).toContain('interface GigabitEthernet0/0/5');
  });
});
