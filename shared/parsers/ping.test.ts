import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DialectId } from '../contract/device';
import { PingResult, parsePing } from './ping';
import { OutputParseError } from './table';
import { goldenFixtures } from './testing/goldenFixtures';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/ping/', import.meta.url));

const golden = goldenFixtures({ list: () => readdirSync(FIXTURES), read: (name) => readFileSync(FIXTURES + name, 'utf8') });
const readFixture = golden.output;
const fixtures = golden.names.map((name) => {
  const expected = golden.expected(name) as { dialect: string; ping: unknown };
  return { name, dialect: DialectId.parse(expected.dialect), ping: PingResult.strict().parse(expected.ping) };
});

describe('parsePing on real outputs (test/fixtures/ping)', () => {
  it('has fixtures for every dialect but Maipu, whose ping output no public source shows', () => {
    expect(new Set(fixtures.map((fixture) => fixture.dialect))).toEqual(new Set(DialectId.options.filter((dialect) => dialect !== 'maipu')));
  });

  it.each(fixtures)('$name', ({ name, dialect, ping }) => {
    const output = readFixture(name);
    expect(parsePing(dialect, output)).toEqual(ping);
    // Devices send CRLF; the parser must not care.
    expect(parsePing(dialect, output.replace(/\n/g, '\r\n'))).toEqual(ping);
  });
});

describe('parsePing edge cases', () => {
  it('reads the Comware 5 / VRP layout, one figure a line, for Comware too', () => {
    expect(parsePing('comware', readFixture('vrp-ce.txt'))).toEqual(parsePing('vrp', readFixture('vrp-ce.txt')));
  });

  it('reads IOS 0 percent without a round-trip line (layout of IOS lab captures in the code index)', () => {
    const output = 'Type escape sequence to abort.\nSending 5, 100-byte ICMP Echos to 33.33.33.33, timeout is 2 seconds:\n.....\nSuccess rate is 0 percent (0/5)\nR2#';
    expect(parsePing('ios', output)).toEqual({ sent: 5, received: 0, lossPercent: 100, rttMinMs: null, rttAvgMs: null, rttMaxMs: null });
  });

  it('derives a Cisco loss figure from the counts, to two decimals', () => {
    expect(parsePing('ios', 'Success rate is 66 percent (2/3), round-trip min/avg/max = 1/1/1 ms').lossPercent).toBe(33.33);
  });

  it('throws OutputParseError naming what was missing', () => {
    expect(() => parsePing('ios', "% Invalid input detected at '^' marker.")).toThrow(OutputParseError);
    expect(() => parsePing('ios', '')).toThrow(/Success rate is/);
    expect(() => parsePing('vrp', 'Error: Wrong parameter found at \'^\' position.')).toThrow(/packets transmitted/);
    // A ping cut off before its summary: the replies alone are not a result.
    expect(() => parsePing('junos', 'PING 10.0.0.1 (10.0.0.1): 56 data bytes\n64 bytes from 10.0.0.1: icmp_seq=0 ttl=64 time=1.0 ms')).toThrow(/not a ping summary/);
  });

  it('names the missing loss figure of a truncated summary (genieparser junos golden_output_5 ends mid-word)', () => {
    expect(() => parsePing('junos', '--- 10.198.152.9 ping statistics ---\n10 packets transmitted, 10 packets received, 0% packet los')).toThrow(/% packet loss/);
    expect(() => parsePing('junos', '--- 10.198.152.9 ping statistics ---\n10 packets transmitted')).toThrow(/"received"/);
  });

  it('does not take a Cisco summary for another dialect', () => {
    expect(() => parsePing('vrp', readFixture('ios-success.txt'))).toThrow(OutputParseError);
  });
});
