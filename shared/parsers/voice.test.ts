import { describe, expect, it } from 'vitest';
import { parseSipRegistration } from './voice';
import { OutputParseError } from './table';

describe('parseSipRegistration edge cases', () => {
  it('reads the newer IOS layout with reg./survival columns (constructed from the IOS 15 layout)', () => {
    const output = [
      'Line                             peer       expires(sec) reg. survival P-Associated-URI',
      '================================ ========== ============ ==== ======== ================',
      '2001                             40001      2720         yes  normal',
      '2002                             40002      -1           no   normal',
    ].join('\n');
    expect(parseSipRegistration('ios', output)).toEqual([
      { line: '2001', registered: true, expires: 2720 },
      { line: '2002', registered: false, expires: null },
    ]);
  });

  // No public Maipu or Ruijie output exists: this constructed sample only documents that both are
  // read as IOS. It verifies nothing about the devices.
  it('reads Maipu and Ruijie as IOS (CONSTRUCTED sample, unverified on devices)', () => {
    const constructed = 'Line peer expires(sec) registered\n8001 1     300         yes\n';
    expect(parseSipRegistration('maipu', constructed)).toEqual([{ line: '8001', registered: true, expires: 300 }]);
    expect(parseSipRegistration('ruijie', constructed)).toEqual([{ line: '8001', registered: true, expires: 300 }]);
  });

  it('refuses VRP, whose voice output is unverified, and Junos, which has no voice', () => {
    expect(() => parseSipRegistration('vrp', 'anything')).toThrow(/not verified/);
    expect(() => parseSipRegistration('junos', '')).toThrow(OutputParseError);
  });

  it('throws OutputParseError naming the missing header', () => {
    expect(() => parseSipRegistration('ios', '')).toThrow(/Line peer expires/);
    expect(() => parseSipRegistration('comware', '')).toThrow(/Number Entity Registrar Server/);
  });
});
