import { describe, expect, it } from 'vitest';
import { parseFrrInterfaces } from './frrInterfaces';
import { OutputParseError } from './table';

describe('parseFrrInterfaces edge cases (real outputs are in test/fixtures/interfaces)', () => {
  it('leaves the link state unknown when FRR has link detection disabled (header form of zebra`s if_dump_vty)', () => {
    const rows = parseFrrInterfaces('Interface dummy0 is up, line protocol detection is disabled\n  vrf: default\n');
    expect(rows).toMatchObject([{ name: 'dummy0', adminUp: true, operUp: null }]);
  });

  it('keeps a block`s detail lines in raw and takes the first IPv4 address only', () => {
    const output = ['Interface eth1 is up, line protocol is up', '  inet6 fe80::1/64', '  inet 192.0.2.1/30', '  inet 198.51.100.1/24', 'r1#'].join('\r\n');
    const [row] = parseFrrInterfaces(output);
    expect(row?.address).toBe('192.0.2.1/30');
    expect(row?.raw.split('\n')).toEqual(['Interface eth1 is up, line protocol is up', '  inet6 fe80::1/64', '  inet 192.0.2.1/30', '  inet 198.51.100.1/24']);
  });

  it('throws OutputParseError for a refused command, a brief table or nothing', () => {
    expect(() => parseFrrInterfaces('% Unknown command: show interface eth1 x')).toThrow(OutputParseError);
    expect(() => parseFrrInterfaces('Interface       Status  VRF             Addresses\neth1            up      default')).toThrow(/Can't find interface/);
    expect(() => parseFrrInterfaces('')).toThrow(OutputParseError);
  });
});
