import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../../../shared/contract';
import { pickedProfileChecks, profileSelections } from './profileSelections';

const profile = (id: string, parameters: ProfileSummary['parameters']): ProfileSummary => ({ id, kind: 'vpn', name: { 'zh-CN': id, en: id }, dialects: ['ios'], parameters, reversible: [] });
const lab = profile('lab', [
  { name: 'mgmt_gateway', type: 'ipv4', required: true, secret: false },
  { name: 'mgmt_interface', type: 'interface', required: false, secret: false },
]);
const ipsec = profile('ipsec', [{ name: 'psk', type: 'secret', required: true, secret: true }]);

describe('profileSelections', () => {
  it('gives every profile the declared values: trimmed, blanks out, secrets exact, strays dropped', () => {
    const values = { mgmt_gateway: ' 192.168.100.1 ', mgmt_interface: '  ', psk: ' a b ', stray: 'x' };
    expect(profileSelections([lab, ipsec], ['lab', 'ipsec'], values)).toEqual([
      { id: 'lab', values: { mgmt_gateway: '192.168.100.1', psk: ' a b ' } },
      { id: 'ipsec', values: { mgmt_gateway: '192.168.100.1', psk: ' a b ' } },
    ]);
  });

  it('sends only the ids when the wizard has no values yet', () => {
    expect(profileSelections([lab], ['lab'], {})).toEqual([{ id: 'lab', values: {} }]);
  });
});

describe('pickedProfileChecks', () => {
  it('groups profile rows by profile as the ids the profile declares, leaving out ad-hoc rows and whole profiles', () => {
    const rows = [
      { id: 'lab.gateway', profileId: 'lab' },
      { id: 'ping-127.0.0.1', profileId: null },
      { id: 'ipsec.tunnel-up', profileId: 'ipsec' },
      { id: 'lab.interface-up', profileId: 'lab' },
      { id: 'vpn.sa-up', profileId: 'vpn' },
    ];
    expect([...pickedProfileChecks(rows, ['vpn'])]).toEqual([
      ['lab', ['gateway', 'interface-up']],
      ['ipsec', ['tunnel-up']],
    ]);
  });
});
