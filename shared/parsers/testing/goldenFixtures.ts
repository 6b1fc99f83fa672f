/**
 * Fixture files of the parser and config tests (test/fixtures/<check>/, shared/config/fixtures/)
 * start with `#` lines naming their source, closed by `# ---`; the device output follows. A golden
 * fixture `name.txt` has `name.expected.json` beside it: what the parser must return. File access
 * is passed in, as shared/ holds no Node code.
 */

const SOURCE_END = '\n# ---\n';

/** The device output of a fixture file's text, its source header removed; throws when the header is missing. */
export function fixtureOutput(name: string, text: string): string {
  const marker = text.indexOf(SOURCE_END);
  if (!text.startsWith('#') || marker < 0) throw new Error(`${name} lacks its source header`);
  return text.slice(marker + SOURCE_END.length);
}

export interface FixtureFiles {
  /** The names in the fixture folder. */
  list: () => string[];
  /** A file's text, by the name `list` gave or by its `.expected.json` sibling's. */
  read: (name: string) => string;
}

export interface GoldenFixtures {
  /** The `.txt` fixtures, in the order `list` gave them. */
  names: string[];
  /** The device output of a fixture, as {@link fixtureOutput} reads it. */
  output: (name: string) => string;
  /** The parsed `.expected.json` of a fixture, for the test's schema to check. */
  expected: (name: string) => unknown;
}

export function goldenFixtures(files: FixtureFiles): GoldenFixtures {
  return {
    names: files.list().filter((name) => name.endsWith('.txt')),
    output: (name) => fixtureOutput(name, files.read(name)),
    expected: (name) => JSON.parse(files.read(name.replace(/\.txt$/, '.expected.json'))) as unknown,
  };
}
