import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DialectId } from '../../../shared/contract';
import { parseVersion } from '../../../shared/parsers';
import { drive } from '../testing/drive';
import { versionOutputs } from './versionOutputs';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/version/', import.meta.url));

const sources: Record<DialectId, { fixture: string; capturedHostname: string | null }> = {
  ios: { fixture: 'ios-iosv', capturedHostname: 'rtr-01' },
  maipu: { fixture: 'maipu-mp3840', capturedHostname: null },
  ruijie: { fixture: 'ruijie-s8607e', capturedHostname: null },
  vrp: { fixture: 'vrp-ar6280', capturedHostname: null },
  comware: { fixture: 'comware-s7510e', capturedHostname: null },
  junos: { fixture: 'junos-mx240', capturedHostname: 'lab' },
};

function fixture(name: string): { output: string; facts: Record<string, string | null> } {
  const text = readFileSync(`${FIXTURES}${name}.txt`, 'utf8');
  const output = text.slice(text.indexOf('\n# ---\n') + 7).replace(/\n+$/, '');
  const expected = JSON.parse(readFileSync(`${FIXTURES}${name}.expected.json`, 'utf8')) as { facts: Record<string, string | null> };
  return { output, facts: expected.facts };
}

describe.each(DialectId.options)('%s version output', (dialect) => {
  const source = sources[dialect];
  const { output, facts } = fixture(source.fixture);

  it('is the real output of the fixture, host name aside', () => {
    const captured = versionOutputs[dialect].replaceAll('{{hostname}}', source.capturedHostname ?? '{{hostname}}');
    // The Junos fixture ends with the chassis prompt line, which is not output.
    expect(output.replace(/\n\n\{master:0\}$/, '')).toBe(captured);
  });

  it('parses back to the fixture facts with the simulated host name', () => {
    const printed = drive(dialect, { pageLength: 0 }).lines(dialect === 'vrp' || dialect === 'comware' ? 'display version' : 'show version');
    const parsed = parseVersion(dialect, printed);
    expect({ ...parsed, hostname: null }).toEqual({ ...facts, hostname: null });
    if (source.capturedHostname !== null) expect(parsed.hostname).toBe('R1');
  });
});
