import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DialectId } from '../contract/device';
import { parseFrrInterfaces } from './frrInterfaces';
import { InterfaceState, parseInterfaces } from './interfaces';
import { OutputParseError } from './table';
import { goldenFixtures } from './testing/goldenFixtures';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/interfaces/', import.meta.url));

const Expected = InterfaceState.omit({ raw: true });
/** An expected file may name its parser; the default is the summary-table one. */
const readers: Record<string, (dialect: DialectId, output: string) => InterfaceState[]> = {
  parseInterfaces,
  parseFrrInterfaces: (_dialect, output) => parseFrrInterfaces(output),
};
const golden = goldenFixtures({ list: () => readdirSync(FIXTURES), read: (name) => readFileSync(FIXTURES + name, 'utf8') });
const readFixture = golden.output;
const fixtures = golden.names.map((name) => {
  const expected = golden.expected(name) as { dialect: string; parser?: string; interfaces: unknown[] };
  const parse = readers[expected.parser ?? 'parseInterfaces'];
  if (!parse) throw new Error(`${name}: unknown parser ${String(expected.parser)}`);
  return { name, dialect: DialectId.parse(expected.dialect), parse, interfaces: expected.interfaces.map((row) => Expected.strict().parse(row)) };
});

describe('interface parsers on real outputs (test/fixtures/interfaces)', () => {
  it('has fixtures for every dialect but Maipu, whose table no public source shows', () => {
    expect(new Set(fixtures.map((fixture) => fixture.dialect))).toEqual(new Set(DialectId.options.filter((dialect) => dialect !== 'maipu')));
  });

  it.each(fixtures)('$name', ({ name, dialect, parse, interfaces }) => {
    const output = readFixture(name);
    const parsed = parse(dialect, output);
    expect(parsed.map(({ raw: _raw, ...row }) => row)).toEqual(interfaces);
    // `raw` is the row as printed: its first line is a line of the output and names the interface.
    const lines = new Set(output.split('\n').map((line) => line.trimEnd()));
    for (const row of parsed) {
      const first = row.raw.split('\n')[0] ?? '';
      expect(lines.has(first), first).toBe(true);
      expect(first).toContain(row.name);
    }
    // Devices send CRLF; the parser must not care.
    expect(parse(dialect, output.replace(/\n/g, '\r\n'))).toEqual(parsed);
    expect(InterfaceState.array().parse(parsed)).toEqual(parsed);
  });
});

describe('parseInterfaces edge cases', () => {
  it('throws OutputParseError naming the table it looked for', () => {
    expect(() => parseInterfaces('ios', "% Invalid input detected at '^' marker.")).toThrow(OutputParseError);
    expect(() => parseInterfaces('vrp', 'Error: Unrecognized command found at \'^\' position.')).toThrow(/display interface brief/);
    expect(() => parseInterfaces('junos', '')).toThrow(/show interfaces terse/);
    // A table of another vendor is not this dialect's table.
    expect(() => parseInterfaces('comware', readFixture('vrp-ce-display-interface-brief.txt'))).toThrow(OutputParseError);
  });

  it('returns no rows for a header with no rows', () => {
    expect(parseInterfaces('ios', 'Interface                  IP-Address      OK? Method Status                Protocol\nR1#')).toEqual([]);
  });

  it('keeps Ruijie secondary addresses in raw, not as interfaces', () => {
    const rows = parseInterfaces('ruijie', readFixture('ruijie-switch-show-ip-interface-brief.txt'));
    const row = rows.find((candidate) => candidate.name === 'GigabitEthernet 0/39');
    expect(row?.raw.split('\n')).toHaveLength(2);
    expect(row?.raw).toMatch(/192\.168\.91\.29\/30$/);
  });

  it('keeps Junos families and further addresses of a logical unit in raw', () => {
    const rows = parseInterfaces('junos', readFixture('junos-vmx-show-interfaces-terse.txt'));
    expect(rows.find((row) => row.name === 'em1.0')?.raw.split('\n')).toHaveLength(6);
  });

  it('reads an administratively down Junos port (layout from the Junos terse format, not a capture)', () => {
    const output = ['Interface               Admin Link Proto    Local                 Remote', 'ge-0/0/3                down  down', 'ge-0/0/3.0              down  down inet6    2001:db8::1/64'].join('\n');
    expect(parseInterfaces('junos', output)).toMatchObject([
      { name: 'ge-0/0/3', adminUp: false, operUp: false, address: null },
      { name: 'ge-0/0/3.0', adminUp: false, operUp: false, address: '2001:db8::1/64' },
    ]);
  });

  it('reads FRR 10 further addresses on their own lines (layout of FRR 10.3 lab notes in the code index)', () => {
    const output = [
      'Interface       Status  VRF             Addresses',
      '---------       ------  ---             ---------',
      'enp0s3          up      default         10.0.2.15/24',
      '                                        fe80::57:f2ff:fee3:2527/64',
      'lo              up      default',
    ].join('\n');
    const rows = parseInterfaces('ios', output);
    expect(rows.map((row) => [row.name, row.address])).toEqual([
      ['enp0s3', '10.0.2.15/24'],
      ['lo', null],
    ]);
    expect(rows[0]?.raw.split('\n')).toHaveLength(2);
  });

  it('reads the IOS table for Maipu, whose CLI is IOS-like (DOMAIN.md §2.1)', () => {
    const output = readFixture('ios-ntc-show-ip-interface-brief.txt');
    expect(parseInterfaces('maipu', output)).toEqual(parseInterfaces('ios', output));
  });
});
