import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DialectId } from '../contract/device';
import { BgpSummary, parseBgpSummary } from './bgp';
import { NtpStatus, parseNtpStatus } from './ntp';
import { OspfNeighbors, parseOspfNeighbors } from './ospf';
import { RouteLookup, parseRoutes } from './routes';
import { goldenFixtures } from './testing/goldenFixtures';
import { SipRegistration, parseSipRegistration } from './voice';
import { IkeSa, IpsecSa, parseIkeSa, parseIpsecSa } from './vpn';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

interface Reader {
  parse: (dialect: DialectId, output: string) => unknown;
  schema: z.ZodType;
}

const readers: Record<string, Reader> = {
  parseBgpSummary: { parse: parseBgpSummary, schema: BgpSummary.strict() },
  parseOspfNeighbors: { parse: parseOspfNeighbors, schema: OspfNeighbors },
  parseRoutes: { parse: parseRoutes, schema: RouteLookup.strict() },
  parseNtpStatus: { parse: parseNtpStatus, schema: NtpStatus.strict() },
  parseIkeSa: { parse: parseIkeSa, schema: IkeSa.strict().array() },
  parseIpsecSa: { parse: parseIpsecSa, schema: IpsecSa.strict().array() },
  parseSipRegistration: { parse: parseSipRegistration, schema: SipRegistration.strict().array() },
};

const folderParser: Record<string, string | null> = {
  bgp: 'parseBgpSummary',
  ospf: 'parseOspfNeighbors',
  routes: 'parseRoutes',
  ntp: 'parseNtpStatus',
  vpn: null,
  voice: 'parseSipRegistration',
};

/** Fixtures named `<folder>/<name>.txt`, relative to test/fixtures/. */
const golden = goldenFixtures({
  list: () => Object.keys(folderParser).flatMap((folder) => readdirSync(FIXTURES + folder).map((name) => `${folder}/${name}`)),
  read: (name) => readFileSync(FIXTURES + name, 'utf8'),
});

const fixtures = golden.names.map((name) => {
  const expected = golden.expected(name) as { dialect: string; parser?: string; result: unknown };
  const parser = expected.parser ?? folderParser[name.split('/')[0] ?? ''] ?? '';
  const reader = readers[parser];
  if (!reader) throw new Error(`${name}: unknown parser ${parser}`);
  return { name, parser, reader, dialect: DialectId.parse(expected.dialect), result: reader.schema.parse(expected.result) };
});

describe('check parsers on real outputs (test/fixtures/{bgp,ospf,routes,ntp,vpn,voice})', () => {
  it.each(fixtures)('$name', ({ name, reader, dialect, result }) => {
    const output = golden.output(name);
    expect(reader.parse(dialect, output)).toEqual(result);
    // Devices send CRLF; the parsers must not care.
    expect(reader.parse(dialect, output.replace(/\n/g, '\r\n'))).toEqual(result);
  });

  it('covers every check of every dialect that has a public output', () => {
    const covered = new Set(fixtures.map((fixture) => `${fixture.parser}:${fixture.dialect}`));
    const vendors: DialectId[] = ['ios', 'vrp', 'comware', 'junos'];
    for (const parser of ['parseBgpSummary', 'parseOspfNeighbors', 'parseRoutes', 'parseNtpStatus', 'parseIkeSa', 'parseIpsecSa']) {
      // Comware one-address route lookups: none found; its table layout is tested in routes.test.ts.
      for (const dialect of vendors.filter((vendor) => !(parser === 'parseRoutes' && vendor === 'comware'))) {
        expect(covered, `${parser} on ${dialect}`).toContain(`${parser}:${dialect}`);
      }
    }
    expect(covered).toContain('parseSipRegistration:ios');
    expect(covered).toContain('parseSipRegistration:comware');
  });
});
