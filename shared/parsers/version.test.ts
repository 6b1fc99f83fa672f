import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DeviceFacts, DialectId } from '../contract/device';
import { detectDialect } from './detect';
import { goldenFixtures } from './testing/goldenFixtures';
import { parseVersion } from './version';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/version/', import.meta.url));

const golden = goldenFixtures({ list: () => readdirSync(FIXTURES), read: (name) => readFileSync(FIXTURES + name, 'utf8') });
const readFixture = golden.output;
const fixtures = golden.names.map((name) => {
  const expected = golden.expected(name) as { dialect: string; facts: unknown };
  return { name, dialect: DialectId.parse(expected.dialect), facts: DeviceFacts.omit({ dialect: true }).parse(expected.facts) };
});

describe('parseVersion on real outputs (test/fixtures/version)', () => {
  it('has fixtures for every dialect', () => {
    expect(new Set(fixtures.map((fixture) => fixture.dialect))).toEqual(new Set(DialectId.options));
  });

  it.each(fixtures)('$name', ({ name, dialect, facts }) => {
    const output = readFixture(name);
    expect(parseVersion(dialect, output)).toEqual(facts);
    // Devices send CRLF; the parser must not care.
    expect(parseVersion(dialect, output.replace(/\n/g, '\r\n'))).toEqual(facts);
  });

  it.each(fixtures)('detects the dialect of $name', ({ name, dialect }) => {
    expect(detectDialect(readFixture(name))).toBe(dialect);
  });
});

describe('parseVersion edge cases', () => {
  it('returns nulls, never throws, on unrelated text', () => {
    const empty = { hostname: null, vendor: null, model: null, serial: null, version: null, uptime: null };
    for (const dialect of DialectId.options) {
      expect(parseVersion(dialect, '% Unknown command: show version')).toEqual(empty);
      expect(parseVersion(dialect, '')).toEqual(empty);
    }
  });

  it('reads the Maipu switch layout (a) of NOC get_version (layout sample built from its regex, not a capture)', () => {
    const output = ['SM3220-28TF(E1) Device, Compiled on Jan 01 2016', '  Software Version V6.0.2', '  BootRom Version 1.0', '  Hardware Version 1.0', '  CPLD Version 1.0', 'Serial No.: 12345678'].join('\n');
    expect(parseVersion('maipu', output)).toMatchObject({ vendor: null, model: 'SM3220-28TF(E1)', version: '6.0.2', serial: '12345678' });
  });
});

describe('detectDialect from banners and prompts', () => {
  it.each([
    { text: '\r\nHello, this is FRRouting (version 8.4.4).\r\nCopyright 1996-2005 Kunihiro Ishiguro, et al.\r\n\r\nr1# ', dialect: 'ios' },
    { text: 'User Access Verification\r\n\r\nRouter>', dialect: 'ios' },
    { text: '\r\nr1(config-if)# ', dialect: 'ios' },
    { text: '\r\n<HUAWEI>', dialect: 'vrp' },
    { text: '\r\n[~CE6850-1]', dialect: 'vrp' },
    { text: '\r\n<H3C>', dialect: 'comware' },
    { text: 'Info: The max number of VTY users is 5\r\n<NJ-6520-2>', dialect: 'vrp' },
    { text: '--- JUNOS 19.4R3-S1.3 Kernel 64-bit\r\nlab@srx1> ', dialect: 'junos' },
    { text: '\r\n{master:0}\r\nlab@ex1> ', dialect: 'junos' },
    { text: '\r\n[edit]\r\nsrx1# ', dialect: 'junos' },
    { text: 'MyPower (R) Operating System Software MP3840 version 6.3.6(integrity)', dialect: 'maipu' },
    { text: 'Ruijie Router (RSR20-24) by Ruijie Networks Co., Ltd.', dialect: 'ruijie' },
  ])('$text → $dialect', ({ text, dialect }) => {
    expect(detectDialect(text)).toBe(dialect);
  });

  it('returns null when nothing is recognised', () => {
    expect(detectDialect('')).toBeNull();
    expect(detectDialect('Connection refused\r\n')).toBeNull();
  });
});
