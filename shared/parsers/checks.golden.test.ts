import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DialectId } from '../contract/device';
import { BgpSummary, parseBgpSummary } from './bgp';
import { NtpStatus, parseNtpStatus } from './ntp';
import { OspfNeighbors, parseOspfNeighbors } from './ospf';
import { RouteLookup, parseRoutes } from './routes';
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

/** A fixture starts with `#` lines naming its source, closed by `# ---`; the device output follows. */
function readFixture(path: string): string {
  const text = readFileSync(path, 'utf8');
  const marker = text.indexOf('\n# ---\n');
  if (!text.startsWith('#') || marker < 0) throw new Error(`${path} lacks its source header`);
  return text.slice(marker + '\n# ---\n'.length);
}

const fixtures = Object.entries(folderParser).flatMap(([folder, parserName]) =>
  readdirSync(FIXTURES + folder)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => {
      const expected = JSON.parse(readFileSync(`${FIXTURES}${folder}/${name.replace(/\.txt$/, '.expected.json')}`, 'utf8')) as {
        dialect: string;
        parser?: string;
        result: unknown;
      };
      const parser = expected.parser ?? parserName ?? '';
      const reader = readers[parser];
      if (!reader) throw new Error(`${folder}/${name}: unknown parser ${parser}`);
      return { name: `${folder}/${name}`, path: `${FIXTURES}${folder}/${name}`, parser, reader, dialect: DialectId.parse(expected.dialect), result: reader.schema.parse(expected.result) };
    }),
);

describe('check parsers on real outputs (test/fixtures/{bgp,ospf,routes,ntp,vpn,voice})', () => {
  it.each(fixtures)('$name', ({ path, reader, dialect, result }) => {
    const output = readFixture(path);
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
