/**
 * Output modifiers after `|`: IOS/VRP/Comware `include`, `exclude`, `begin`, IOS `section`,
 * Junos `match`, `except`, `count`, `no-more`. Filters are regular expressions as on the devices.
 */

export interface PipedCommand {
  command: string;
  filters: string[];
}

export function splitPipe(line: string): PipedCommand {
  const [command = '', ...filters] = line.split('|');
  return { command: command.trimEnd(), filters: filters.map((filter) => filter.trim()) };
}

/** Keywords each family accepts after `|`. */
export const FILTER_KEYWORDS = {
  iosLike: ['include', 'exclude', 'begin', 'section'],
  vrpLike: ['include', 'exclude', 'begin'],
  junos: ['match', 'except', 'count', 'no-more', 'display'],
} as const;

function regex(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}

/**
 * The output seen through the filters; null when a filter is unknown (the device reports a
 * syntax error). `display set` is left to the caller (Junos renders it differently).
 */
export function applyFilters(output: string, filters: readonly string[], allowed: readonly string[]): string | null {
  let lines = output.replace(/\n$/, '').split('\n');
  for (const filter of filters) {
    const [keyword = '', ...rest] = filter.split(/\s+/);
    const name = allowed.find((candidate) => candidate.startsWith(keyword.toLowerCase()) && keyword.length > 0);
    if (!name) return null;
    const argument = rest.join(' ');
    if (name === 'no-more' || name === 'display') continue;
    if (name === 'count') {
      lines = [`Count: ${lines.filter((line) => line !== '').length} lines`];
      continue;
    }
    const pattern = regex(argument);
    if (!pattern || argument === '') return null;
    if (name === 'include' || name === 'match') lines = lines.filter((line) => pattern.test(line));
    else if (name === 'exclude' || name === 'except') lines = lines.filter((line) => !pattern.test(line));
    else if (name === 'begin') {
      const start = lines.findIndex((line) => pattern.test(line));
      lines = start < 0 ? [] : lines.slice(start);
    } else if (name === 'section') lines = sections(lines, pattern);
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** IOS `| section`: each top-level line that matches, with its indented lines. */
function sections(lines: readonly string[], pattern: RegExp): string[] {
  const kept: string[] = [];
  let keeping = false;
  for (const line of lines) {
    const topLevel = !/^\s/.test(line);
    if (topLevel) keeping = pattern.test(line);
    if (keeping || (!topLevel && pattern.test(line))) kept.push(line);
  }
  return kept;
}
