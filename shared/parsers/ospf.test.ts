import { describe, expect, it } from 'vitest';
import { parseOspfNeighbors } from './ospf';
import { OutputParseError } from './table';

describe('parseOspfNeighbors edge cases', () => {
  it('throws OutputParseError naming the missing header', () => {
    expect(() => parseOspfNeighbors('ios', '% OSPF: No router process 1')).toThrow(OutputParseError);
    expect(() => parseOspfNeighbors('vrp', 'Info: OSPF is not running')).toThrow(/display ospf peer brief/);
    expect(() => parseOspfNeighbors('junos', '')).toThrow(/show ospf neighbor/);
  });

  it('gives no neighbours for a header without rows (FRR 8.4.4 right after OSPF was configured)', () => {
    const output = '\nNeighbor ID     Pri State           Up Time         Dead Time Address         Interface                        RXmtL RqstL DBsmL\n\n';
    expect(parseOspfNeighbors('ios', output)).toEqual([]);
  });

  it('reads Comware 5 with Interface before State (layout of a Comware 5 capture quoted in the code index)', () => {
    const output = [
      ' Area: 0.0.0.0',
      ' Router ID       Address         Pri Dead-Time Interface       State',
      ' 10.122.114.196  10.98.138.149   1   37        Vlan3           Full/BDR',
    ].join('\n');
    expect(parseOspfNeighbors('comware', output)).toEqual([
      { neighborId: '10.122.114.196', priority: 1, state: 'Full', role: 'BDR', address: '10.98.138.149', interface: 'Vlan3' },
    ]);
  });

  it('names IOS states the RFC way and keeps unknown words (constructed rows)', () => {
    const output = [
      'Neighbor ID     Pri   State           Dead Time   Address         Interface',
      '192.0.2.7         1   2WAY/DROTHER    00:00:31    10.0.0.7        GigabitEthernet0/1',
      '192.0.2.8         1   INIT/  -        00:00:35    10.0.0.8        GigabitEthernet0/2',
      '192.0.2.9         1   WEIRD/DR        00:00:35    10.0.0.9        GigabitEthernet0/3',
    ].join('\n');
    expect(parseOspfNeighbors('ios', output).map(({ state, role }) => [state, role])).toEqual([
      ['2-Way', 'DROther'],
      ['Init', null],
      ['WEIRD', 'DR'],
    ]);
  });
});
