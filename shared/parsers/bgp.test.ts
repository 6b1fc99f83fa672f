import { describe, expect, it } from 'vitest';
import { parseBgpSummary } from './bgp';
import { OutputParseError } from './table';

describe('parseBgpSummary edge cases', () => {
  it('throws OutputParseError naming the missing table', () => {
    expect(() => parseBgpSummary('ios', '% BGP not active')).toThrow(OutputParseError);
    expect(() => parseBgpSummary('vrp', 'Error: Unrecognized command found at \'^\' position.')).toThrow(/display bgp peer/);
    expect(() => parseBgpSummary('junos', 'error: the routing subsystem is not running')).toThrow(/show bgp summary/);
  });

  // Constructed samples, labelled: layouts documented for IOS, not taken from a captured device.
  it('joins an IOS row wrapped after a long address and reads asdot AS numbers (constructed sample)', () => {
    const output = [
      'BGP router identifier 192.0.2.1, local AS number 1.10',
      'Neighbor        V           AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd',
      '2001:DB8:0:1::1',
      '                4        65001      26      27        9    0    0 00:20:06        7',
    ].join('\n');
    expect(parseBgpSummary('ios', output)).toEqual({
      routerId: '192.0.2.1',
      localAs: 65546,
      neighbors: [{ address: '2001:DB8:0:1::1', remoteAs: 65001, state: 'Established', prefixesReceived: 7, upDown: '00:20:06' }],
    });
  });

  it('takes FRR (Policy) for Established without a prefix count (constructed from the FRR 8.4 layout)', () => {
    const output = [
      'BGP router identifier 1.1.1.1, local AS number 65001 vrf-id 0',
      'Neighbor        V         AS   MsgRcvd   MsgSent   TblVer  InQ OutQ  Up/Down State/PfxRcd   PfxSnt Desc',
      '10.0.12.2       4      65002        12        11        0    0    0 00:03:01     (Policy) (Policy) N/A',
    ].join('\n');
    expect(parseBgpSummary('ios', output).neighbors[0]).toMatchObject({ state: 'Established', prefixesReceived: null });
  });

  it('reads Junos inline counts and non-established states (constructed from the documented layout)', () => {
    const output = [
      'Peer                     AS      InPkt     OutPkt    OutQ   Flaps Last Up/Dwn State|#Active/Received/Accepted/Damped...',
      '10.0.0.2              65002         15         17       0       0        5:21 1/2/2/0              0/0/0/0',
      '10.0.0.3              65003          0          0       0       3       43:12 Active',
    ].join('\n');
    expect(parseBgpSummary('junos', output).neighbors).toEqual([
      { address: '10.0.0.2', remoteAs: 65002, state: 'Established', prefixesReceived: 2, upDown: '5:21' },
      { address: '10.0.0.3', remoteAs: 65003, state: 'Active', prefixesReceived: null, upDown: '43:12' },
    ]);
  });

  it('gives an empty neighbour list for a table header without rows', () => {
    expect(parseBgpSummary('comware', ' BGP local router ID: 1.1.1.1\n Local AS number: 100\n  Peer AS  MsgRcvd  MsgSent OutQ PrefRcv Up/Down  State\n')).toEqual({
      routerId: '1.1.1.1',
      localAs: 100,
      neighbors: [],
    });
  });
});
