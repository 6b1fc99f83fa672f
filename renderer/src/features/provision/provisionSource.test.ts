import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../../../shared/contract';
import { buildProfileSource, parameterFields, sheetRowValues } from './provisionSource';

const label = (text: string) => ({ 'zh-CN': text, en: text });
const profile = (id: string, parameters: ProfileSummary['parameters']): ProfileSummary => ({
  id,
  kind: 'vpn',
  name: label(id),
  dialects: ['ios'],
  parameters,
  reversible: ['ios'],
});

const bgp = profile('bgp', [
  { name: 'router_id', type: 'ipv4', required: true, secret: false, label: label('Router ID') },
  { name: 'accept_prefix', type: 'ipv4-prefix', required: false, secret: false, default: '10.0.0.0/8' },
]);
const ipsec = profile('ipsec', [
  { name: 'router_id', type: 'ipv4', required: false, secret: false },
  { name: 'psk', type: 'secret', required: true, secret: true },
]);

describe('parameterFields', () => {
  it('merges parameters that several selected profiles declare into one field, in selection order', () => {
    const fields = parameterFields([bgp, ipsec], ['ipsec', 'bgp']);
    expect(fields.map((field) => [field.parameter.name, field.profileIds])).toEqual([
      ['router_id', ['ipsec', 'bgp']],
      ['psk', ['ipsec']],
      ['accept_prefix', ['bgp']],
    ]);
    expect(fields[0]?.parameter.required).toBe(true);
  });

  it('has no fields for profiles that are not selected or unknown', () => {
    expect(parameterFields([bgp], ['missing'])).toEqual([]);
  });
});

describe('buildProfileSource', () => {
  const fields = parameterFields([bgp, ipsec], ['bgp', 'ipsec']);

  it('gives every profile the values, trims text, leaves blanks out and keeps a secret exactly', () => {
    const source = buildProfileSource(['bgp', 'ipsec'], { router_id: ' 10.1.1.1 ', accept_prefix: '  ', psk: ' a b ', stray: 'x' }, fields);
    expect(source).toEqual({
      kind: 'profiles',
      ignoreUndeclared: true,
      profiles: [
        { id: 'bgp', values: { router_id: '10.1.1.1', psk: ' a b ' } },
        { id: 'ipsec', values: { router_id: '10.1.1.1', psk: ' a b ' } },
      ],
    });
  });
});

describe('sheetRowValues', () => {
  it('takes the columns of the form and names the others, the dialect column aside', () => {
    const fields = parameterFields([bgp], ['bgp']);
    expect(sheetRowValues({ dialect: 'ios', router_id: '10.2.2.2', wan_interface: 'Gi0/0' }, fields)).toEqual({
      values: { router_id: '10.2.2.2' },
      unused: ['wan_interface'],
    });
  });
});
