import { describe, expect, it } from 'vitest';
import { parseIkeSa, parseIpsecSa } from './vpn';
import { OutputParseError } from './table';

describe('parseIkeSa / parseIpsecSa edge cases', () => {
  it('takes an IOS SA still negotiating for not established (constructed row, IOS layout)', () => {
    const output = 'IPv4 Crypto ISAKMP SA\ndst             src             state          conn-id status\n192.0.2.2       192.0.2.1       MM_NO_STATE       1001 ACTIVE';
    expect(parseIkeSa('ios', output)).toEqual([{ peer: '192.0.2.2', local: '192.0.2.1', state: 'MM_NO_STATE', established: false }]);
  });

  it('takes a Comware 5 IKE row without RD for not established (constructed from the Comware 5 layout)', () => {
    const output = '    total phase-1 SAs:  1\n    connection-id  peer            flag        phase   doi\n  ----------------------------------------------------------\n      1            202.38.0.2      --          1       IPSEC\n';
    expect(parseIkeSa('comware', output)).toEqual([{ peer: '202.38.0.2', local: null, state: '--', established: false }]);
  });

  it('gives an empty list for an IKE header without rows', () => {
    expect(parseIkeSa('junos', 'Index   State  Initiator cookie  Responder cookie  Mode           Remote Address\n')).toEqual([]);
  });

  it('throws OutputParseError when no SA table is found', () => {
    expect(() => parseIkeSa('ios', '')).toThrow(OutputParseError);
    expect(() => parseIpsecSa('ios', 'Building configuration...')).toThrow(/current_peer/);
    expect(() => parseIpsecSa('vrp', 'Error: Unrecognized command')).toThrow(OutputParseError);
  });

  it('reads an empty answer, or Junos "Total active tunnels: 0", as no IPSec SA', () => {
    expect(parseIpsecSa('ios', '')).toEqual([]);
    expect(parseIpsecSa('vrp', '\r\n')).toEqual([]);
    expect(parseIpsecSa('junos', '  Total active tunnels: 0\n')).toEqual([]);
  });
});
