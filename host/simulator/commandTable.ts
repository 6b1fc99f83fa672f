/**
 * Recognition of command lines against a table of accepted command shapes, as a device parser
 * does: keywords may be abbreviated to any unambiguous prefix (`conf t`, `sh run`, `int g0/0`),
 * arguments are not checked. A shape is written as keywords, optionally ending in `*` (one or
 * more arguments required) or `...` (any number of arguments, possibly none); a `*` before other
 * keywords stands for exactly one argument: `show version`, `ip address *`, `logging ...`,
 * `screen-length * temporary`.
 */

export interface CommandShape {
  readonly keywords: readonly string[];
  readonly args: 'none' | 'required' | 'optional';
  readonly source: string;
}

export type CommandMatch =
  /** `words` are the typed words with every keyword written out in full. */
  | { kind: 'match'; shape: CommandShape; words: string[] }
  | { kind: 'incomplete'; words: string[] }
  /** `wordIndex`: the first word the device would put its caret under. */
  | { kind: 'ambiguous'; wordIndex: number }
  | { kind: 'invalid'; wordIndex: number };

export function parseShape(source: string): CommandShape {
  const parts = source.trim().split(/\s+/);
  const last = parts[parts.length - 1];
  if (last === '*') return { keywords: parts.slice(0, -1), args: 'required', source };
  if (last === '...') return { keywords: parts.slice(0, -1), args: 'optional', source };
  return { keywords: parts, args: 'none', source };
}

/** A table of shapes, parsed once. */
export class CommandTable {
  readonly shapes: readonly CommandShape[];

  constructor(sources: readonly string[]) {
    this.shapes = sources.map(parseShape);
  }

  match(words: readonly string[]): CommandMatch {
    return matchWords(this.shapes, words);
  }
}

/** Splits a typed line into words (runs of blanks separate them). */
export function splitWords(line: string): string[] {
  const trimmed = line.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

export function matchWords(shapes: readonly CommandShape[], words: readonly string[]): CommandMatch {
  let candidates = shapes;
  const expanded: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const typed = (words[index] ?? '').toLowerCase();
    const withKeyword = candidates.filter((shape) => shape.keywords.length > index);
    const takingArguments = candidates.filter((shape) => shape.keywords.length === index && shape.args !== 'none');
    const literal = withKeyword.filter((shape) => shape.keywords[index] !== '*');
    const exact = literal.filter((shape) => shape.keywords[index] === typed);
    const prefixed = exact.length > 0 ? exact : literal.filter((shape) => shape.keywords[index]?.startsWith(typed));
    const placeholders = withKeyword.filter((shape) => shape.keywords[index] === '*');
    if (prefixed.length === 0 && placeholders.length > 0) {
      expanded.push(words[index] ?? typed);
      candidates = placeholders;
      continue;
    }
    if (prefixed.length > 0) {
      const distinct = new Set(prefixed.map((shape) => shape.keywords[index]));
      if (distinct.size > 1) return { kind: 'ambiguous', wordIndex: index };
      expanded.push([...distinct][0] ?? typed);
      candidates = prefixed;
      continue;
    }
    const taker = takingArguments[0];
    if (taker) return { kind: 'match', shape: taker, words: [...expanded, ...words.slice(index)] };
    return { kind: 'invalid', wordIndex: index };
  }
  const complete = candidates.find((shape) => shape.keywords.length === words.length && shape.args !== 'required');
  if (complete && words.length > 0) return { kind: 'match', shape: complete, words: expanded };
  return { kind: 'incomplete', words: expanded };
}

/** Column (0-based) where word `wordIndex` starts in `line`; the end of the line when past the last word. */
export function wordColumn(line: string, wordIndex: number): number {
  const pattern = /\S+/g;
  let found = 0;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    if (found === wordIndex) return match.index;
    found += 1;
  }
  return line.trimEnd().length + 1;
}
