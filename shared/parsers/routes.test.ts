import { describe, expect, it } from 'vitest';
import { parseRoutes } from './routes';
import { OutputParseError } from './table';

describe('parseRoutes edge cases', () => {
  it('reads the Comware table layout (rows of networktocode/ntc-templates hp_comware_display_ip_routing-table.raw, commit 44cff7bc)', () => {
    const output = [
      'Destinations : 17604     Routes : 28601',
      '',
      'Destination/Mask    Proto  Pre  Cost         NextHop         Interface',
      '9.72.47.0/24        OSPF   150  1            172.16.43.2     Vlan1600',
      '                                             172.16.43.6     Vlan1601',
    ].join('\n');
    expect(parseRoutes('comware', output)).toEqual({
      found: true,
      prefix: '9.72.47.0/24',
      protocol: 'ospf',
      nextHops: [
        { address: '172.16.43.2', interface: 'Vlan1600' },
        { address: '172.16.43.6', interface: 'Vlan1601' },
      ],
    });
  });

  it('takes a table header without rows for "no route" (constructed from the VRP layout)', () => {
    const output = 'Route Flags: R - relay, D - download to fib\nRouting Table : Public\nSummary Count : 0\nDestination/Mask    Proto   Pre  Cost      Flags NextHop         Interface\n';
    expect(parseRoutes('vrp', output).found).toBe(false);
  });

  it('reads IOS "Subnet not in table" and a dotted-mask entry line (constructed from the IOS layout)', () => {
    expect(parseRoutes('ios', '% Subnet not in table').found).toBe(false);
    const output = 'Routing entry for 10.0.0.0 255.0.0.0\n  Known via "static", distance 1, metric 0\n  Routing Descriptor Blocks:\n  * 192.0.2.1\n';
    expect(parseRoutes('ios', output)).toMatchObject({ found: true, prefix: '10.0.0.0/8', protocol: 'static' });
  });

  it('takes empty Junos output for "no route" and picks the most specific of several prefixes (constructed)', () => {
    expect(parseRoutes('junos', '\n').found).toBe(false);
    const output = [
      'inet.0: 30 destinations, 30 routes (30 active, 0 holddown, 0 hidden)',
      '+ = Active Route, - = Last Active, * = Both',
      '',
      '0.0.0.0/0          *[Static/5] 1w0d 00:00:01',
      '                    >  to 192.0.2.1 via ge-0/0/0.0',
      '10.0.1.0/24        *[OSPF/10] 00:04:24, metric 101',
      '                    >  to 10.0.2.1 via ge-0/0/3.10',
    ].join('\n');
    expect(parseRoutes('junos', output)).toEqual({ found: true, prefix: '10.0.1.0/24', protocol: 'ospf', nextHops: [{ address: '10.0.2.1', interface: 'ge-0/0/3.10' }] });
  });

  it('throws OutputParseError for other text', () => {
    expect(() => parseRoutes('ios', "% Invalid input detected at '^' marker.")).toThrow(OutputParseError);
    expect(() => parseRoutes('vrp', 'Error: Wrong parameter found at \'^\' position.')).toThrow(/display ip routing-table/);
    expect(() => parseRoutes('junos', 'error: syntax error')).toThrow(/show route/);
  });
});
