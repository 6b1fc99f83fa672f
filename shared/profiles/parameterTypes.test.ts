import { describe, expect, it } from 'vitest';
import type { DialectId } from '../contract/device';
import { ParameterDeclaration } from './parameterSchema';
import { checkParameterValue } from './parameterTypes';

const declare = (input: Record<string, unknown>): ParameterDeclaration =>
  ParameterDeclaration.parse({ name: 'value', label: { 'zh-CN': '值', en: 'Value' }, ...input });

type Case = [declaration: Record<string, unknown>, value: string, expected: string | { code: string }, dialect?: DialectId];

const valid: Case[] = [
  [{ type: 'ipv4' }, '192.0.2.1', '192.0.2.1'],
  [{ type: 'ipv4' }, ' 10.0.0.254 ', '10.0.0.254'],
  [{ type: 'ipv4' }, '0.0.0.0', '0.0.0.0'],
  [{ type: 'ipv4-prefix' }, '10.1.0.0/24', '10.1.0.0/24'],
  [{ type: 'ipv4-prefix' }, '0.0.0.0/0', '0.0.0.0/0'],
  [{ type: 'ipv4-prefix' }, '192.0.2.7/32', '192.0.2.7/32'],
  [{ type: 'ipv4-mask' }, '255.255.255.0', '255.255.255.0'],
  [{ type: 'ipv4-mask' }, '255.255.255.252', '255.255.255.252'],
  [{ type: 'ipv4-wildcard' }, '0.0.0.255', '0.0.0.255'],
  [{ type: 'ipv4-wildcard' }, '0.0.3.255', '0.0.3.255'],
  [{ type: 'interface' }, 'GigabitEthernet0/0/1', 'GigabitEthernet0/0/1', 'ios'],
  [{ type: 'interface' }, 'Gi0/1', 'Gi0/1', 'ios'],
  [{ type: 'interface' }, 'Tunnel0', 'Tunnel0', 'ios'],
  [{ type: 'interface' }, 'Vlan10', 'Vlan10', 'ios'],
  [{ type: 'interface' }, 'GigabitEthernet0/1.100', 'GigabitEthernet0/1.100', 'ios'],
  [{ type: 'interface' }, 'gigabitethernet0/1', 'gigabitethernet0/1', 'maipu'],
  [{ type: 'interface' }, 'GigabitEthernet 0/1', 'GigabitEthernet 0/1', 'ruijie'],
  [{ type: 'interface' }, 'GigabitEthernet0/0/1', 'GigabitEthernet0/0/1', 'vrp'],
  [{ type: 'interface' }, 'Vlanif10', 'Vlanif10', 'vrp'],
  [{ type: 'interface' }, 'Tunnel0/0/1', 'Tunnel0/0/1', 'vrp'],
  [{ type: 'interface' }, 'GigabitEthernet1/0/1', 'GigabitEthernet1/0/1', 'comware'],
  [{ type: 'interface' }, 'Vlan-interface10', 'Vlan-interface10', 'comware'],
  [{ type: 'interface' }, 'ge-0/0/0.0', 'ge-0/0/0.0', 'junos'],
  [{ type: 'interface' }, 'st0.0', 'st0.0', 'junos'],
  [{ type: 'interface' }, 'irb.10', 'irb.10', 'junos'],
  [{ type: 'interface' }, 'ge-0/0/0', 'ge-0/0/0'],
  [{ type: 'vlan' }, '1', '1'],
  [{ type: 'vlan' }, '4094', '4094'],
  [{ type: 'vlan' }, '010', '10'],
  [{ type: 'asn' }, '65001', '65001'],
  [{ type: 'asn' }, '4294967295', '4294967295'],
  [{ type: 'phone' }, '1001', '1001'],
  [{ type: 'phone' }, '+8602912345678', '+8602912345678'],
  [{ type: 'hostname' }, 'XA-County-R1', 'XA-County-R1'],
  [{ type: 'hostname' }, 'r1.county.example', 'r1.county.example'],
  [{ type: 'hostname', maxLength: 10 }, 'abcdefghij', 'abcdefghij'],
  [{ type: 'secret' }, 'Psk#2024!x', 'Psk#2024!x'],
  [{ type: 'secret', allowSpaces: true }, 'correct horse battery', 'correct horse battery'],
  [{ type: 'enum', values: ['aes-128', 'aes-256'] }, 'aes-256', 'aes-256'],
  [{ type: 'integer', min: 10, max: 20 }, '15', '15'],
  [{ type: 'integer', min: -5, max: 5 }, '-5', '-5'],
  [{ type: 'text' }, '县政府 3 楼机房', '县政府 3 楼机房'],
  [{ type: 'text', maxLength: 4 }, '四个汉字', '四个汉字'],
];

const invalid: Case[] = [
  [{ type: 'ipv4' }, '192.0.2', { code: 'invalid-ipv4' }],
  [{ type: 'ipv4' }, '256.0.0.1', { code: 'invalid-ipv4' }],
  [{ type: 'ipv4' }, '010.0.0.1', { code: 'invalid-ipv4' }],
  [{ type: 'ipv4' }, '1.2.3.4.5', { code: 'invalid-ipv4' }],
  [{ type: 'ipv4' }, '1.2.3.-4', { code: 'invalid-ipv4' }],
  [{ type: 'ipv4-prefix' }, '10.1.0.1/24', { code: 'host-bits-set' }],
  [{ type: 'ipv4-prefix' }, '10.1.0.0/33', { code: 'invalid-prefix' }],
  [{ type: 'ipv4-prefix' }, '10.1.0.0', { code: 'invalid-prefix' }],
  [{ type: 'ipv4-mask' }, '255.0.255.0', { code: 'invalid-mask' }],
  [{ type: 'ipv4-mask' }, '0.0.0.255', { code: 'invalid-mask' }],
  [{ type: 'ipv4-wildcard' }, '255.255.255.0', { code: 'invalid-wildcard' }],
  [{ type: 'ipv4-wildcard' }, '0.0.255.0', { code: 'invalid-wildcard' }],
  [{ type: 'interface' }, 'GigabitEthernet0/0/1', { code: 'invalid-interface' }, 'junos'],
  [{ type: 'interface' }, 'Vlanif10', { code: 'invalid-interface' }, 'ios'],
  [{ type: 'interface' }, 'GigabitEthernet0/1', { code: 'invalid-interface' }, 'maipu'],
  [{ type: 'interface' }, 'Vlan-interface10', { code: 'invalid-interface' }, 'vrp'],
  [{ type: 'interface' }, 'Gi0/1 shutdown', { code: 'invalid-interface' }, 'ios'],
  [{ type: 'interface' }, 'nonsense', { code: 'invalid-interface' }],
  [{ type: 'vlan' }, '0', { code: 'out-of-range' }],
  [{ type: 'vlan' }, '4095', { code: 'out-of-range' }],
  [{ type: 'vlan' }, '10a', { code: 'not-integer' }],
  [{ type: 'asn' }, '0', { code: 'out-of-range' }],
  [{ type: 'asn' }, '4294967296', { code: 'out-of-range' }],
  [{ type: 'asn' }, '65000.1', { code: 'not-integer' }],
  [{ type: 'phone' }, '12', { code: 'invalid-phone' }],
  [{ type: 'phone' }, '1001#', { code: 'invalid-phone' }],
  [{ type: 'phone' }, '123456789012345678901', { code: 'invalid-phone' }],
  [{ type: 'hostname' }, '-r1', { code: 'invalid-hostname' }],
  [{ type: 'hostname' }, 'r1_a', { code: 'invalid-hostname' }],
  [{ type: 'hostname' }, 'r1 a', { code: 'invalid-hostname' }],
  [{ type: 'hostname' }, 'r1..a', { code: 'invalid-hostname' }],
  [{ type: 'hostname' }, '路由器', { code: 'invalid-hostname' }],
  [{ type: 'hostname' }, 'a'.repeat(64), { code: 'too-long' }],
  [{ type: 'hostname', maxLength: 10 }, 'abcdefghijk', { code: 'too-long' }],
  [{ type: 'secret', minLength: 8 }, 'short', { code: 'too-short' }],
  [{ type: 'secret', maxLength: 8 }, 'muchtoolong', { code: 'too-long' }],
  [{ type: 'secret' }, 'has space', { code: 'invalid-secret' }],
  [{ type: 'secret', allowSpaces: true }, ' padded', { code: 'invalid-secret' }],
  [{ type: 'secret' }, 'what?', { code: 'invalid-secret' }],
  [{ type: 'secret' }, 'quo"te', { code: 'invalid-secret' }],
  [{ type: 'secret' }, '密钥abc', { code: 'invalid-secret' }],
  [{ type: 'enum', values: ['aes-128', 'aes-256'] }, 'AES-256', { code: 'not-in-enum' }],
  [{ type: 'integer', min: 10, max: 20 }, '21', { code: 'out-of-range' }],
  [{ type: 'integer', min: 10, max: 20 }, '1.5', { code: 'not-integer' }],
  [{ type: 'text', maxLength: 4 }, '五个汉字啊', { code: 'too-long' }],
  [{ type: 'text' }, 'say "hi"', { code: 'invalid-text' }],
];

describe('checkParameterValue', () => {
  it.each(valid)('accepts %j %j', (declaration, value, expected, dialect) => {
    expect(checkParameterValue(declare(declaration), value, dialect)).toEqual({ ok: true, value: expected });
  });

  it.each(invalid)('rejects %j %j', (declaration, value, expected, dialect) => {
    const result = checkParameterValue(declare(declaration), value, dialect);
    expect(result).toMatchObject({ ok: false, ...(expected as object) });
    if (!result.ok) {
      expect(result.message['zh-CN'].length).toBeGreaterThan(0);
      expect(result.message.en.length).toBeGreaterThan(0);
    }
  });

  it('says which network a prefix with host bits set belongs to', () => {
    const result = checkParameterValue(declare({ type: 'ipv4-prefix' }), '10.1.2.3/16');
    expect(result.ok === false && result.message.en).toContain('10.1.0.0/16');
  });

  it('names the expected spellings of the dialect when an interface name is wrong', () => {
    const result = checkParameterValue(declare({ type: 'interface' }), 'Gi0/1', 'vrp');
    expect(result.ok === false && result.message.en).toContain('Vlanif10');
  });

  it('never quotes a secret value in its message', () => {
    const result = checkParameterValue(declare({ type: 'secret' }), 'Top Secret?');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message.en).not.toContain('Top');
      expect(result.message['zh-CN']).not.toContain('Top');
    }
  });

  it('keeps a secret exactly as given (no trimming)', () => {
    expect(checkParameterValue(declare({ type: 'secret' }), 'a!b@c#')).toEqual({ ok: true, value: 'a!b@c#' });
  });
});
