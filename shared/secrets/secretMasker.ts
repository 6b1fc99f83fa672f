import { configSecretPatterns } from './configSecretPatterns';
import { MASK, type SecretMasker } from './types';

/** Values shorter than this are ignored: masking "ab" would mask half of every output. */
export const MIN_SECRET_LENGTH = 3;

/**
 * An incomplete line longer than this is treated as complete by the stream (a device that never
 * sends a line break must not make the stream hold text back forever).
 */
const MAX_PENDING_LINE = 8192;

export interface SecretMaskerOptions {
  /**
   * Patterns whose capture group 1 is a secret inside a line (see `configSecretPatterns` for the
   * contract). Defaults to `configSecretPatterns`; pass `[]` to mask known values only.
   */
  patterns?: readonly RegExp[];
}

type Range = [start: number, end: number];

/**
 * Masks known secret values and secrets found by line patterns. Known values win over patterns
 * (they are replaced first); where occurrences overlap, the union of them is masked, so no
 * character of any occurrence survives.
 */
export function createSecretMasker(options: SecretMaskerOptions = {}): SecretMasker {
  const secrets = new Set<string>();
  const patterns = (options.patterns ?? configSecretPatterns).map(toScanner);

  const maskValues = (text: string): string => replaceRanges(text, valueRanges(text, secrets), 0, text.length);
  const maskPatterns = (text: string): string => replaceRanges(text, patternRanges(text, patterns), 0, text.length);

  return {
    add(value: string): void {
      if (value.length >= MIN_SECRET_LENGTH) secrets.add(value);
    },
    mask(text: string): string {
      return maskPatterns(maskValues(text));
    },
    stream() {
      const values = new ValueStage(secrets);
      const lines = new LineStage(patterns);
      return {
        push: (chunk: string): string => lines.push(values.push(chunk)),
        flush: (): string => lines.push(values.flush()) + lines.flush(),
      };
    },
  };
}

/** Known values across chunk boundaries: holds back the longest tail that starts a secret. */
class ValueStage {
  private held = '';

  constructor(private readonly secrets: ReadonlySet<string>) {}

  push(chunk: string): string {
    const text = this.held + chunk;
    if (this.secrets.size === 0) {
      this.held = '';
      return text;
    }
    const ranges = valueRanges(text, this.secrets);
    let cut = text.length - this.heldTailLength(text);
    // An occurrence that crosses the cut is held whole, so it is masked as one.
    for (const [start, end] of ranges) {
      if (start < cut && end > cut) cut = start;
    }
    this.held = text.slice(cut);
    return replaceRanges(text, ranges, 0, cut);
  }

  flush(): string {
    const text = this.held;
    this.held = '';
    return replaceRanges(text, valueRanges(text, this.secrets), 0, text.length);
  }

  /** Length of the longest tail of `text` that is a proper prefix of some secret. */
  private heldTailLength(text: string): number {
    let longestSecret = 0;
    for (const secret of this.secrets) longestSecret = Math.max(longestSecret, secret.length);
    for (let position = Math.max(0, text.length - longestSecret + 1); position < text.length; position++) {
      const tailLength = text.length - position;
      const first = text.charCodeAt(position);
      for (const secret of this.secrets) {
        if (tailLength < secret.length && secret.charCodeAt(0) === first && secret.startsWith(text.slice(position))) return tailLength;
      }
    }
    return 0;
  }
}

/**
 * Pattern secrets line by line. A complete line is masked whole. Of the incomplete last line,
 * text is released up to the start of a secret that only blanks follow (it may still grow);
 * what was released stays released, and when the line completes only the rest is emitted,
 * masked against the whole line.
 */
class LineStage {
  private line = '';
  private emitted = 0;

  constructor(private readonly patterns: readonly RegExp[]) {}

  push(text: string): string {
    if (text === '') return '';
    if (this.patterns.length === 0) return text;
    let out = '';
    const lastBreak = text.lastIndexOf('\n');
    if (lastBreak >= 0) {
      const complete = this.line + text.slice(0, lastBreak + 1);
      out += replaceRanges(complete, patternRanges(complete, this.patterns), this.emitted, complete.length);
      this.line = text.slice(lastBreak + 1);
      this.emitted = 0;
    } else {
      this.line += text;
    }
    return out + this.releaseIncomplete();
  }

  flush(): string {
    const line = this.line;
    const out = replaceRanges(line, patternRanges(line, this.patterns), this.emitted, line.length);
    this.line = '';
    this.emitted = 0;
    return out;
  }

  private releaseIncomplete(): string {
    const line = this.line;
    if (line.length > MAX_PENDING_LINE) return this.flush();
    if (line.length === this.emitted) return '';
    const ranges = patternRanges(line, this.patterns);
    let holdFrom = line.length;
    // A secret followed only by blanks may still grow, or be re-read once the line goes on
    // (`secret 5 ` is group "5" until the hash arrives): hold it back.
    for (const [start, end] of ranges) {
      if (isBlank(line, end)) holdFrom = Math.min(holdFrom, start);
    }
    holdFrom = Math.max(holdFrom, this.emitted);
    const out = replaceRanges(line, ranges, this.emitted, holdFrom);
    this.emitted = holdFrom;
    return out;
  }
}

function isBlank(text: string, from: number): boolean {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0d) return false;
  }
  return true;
}

/** A global, multiline, index-reporting copy of a pattern, so group 1 can be located. */
function toScanner(pattern: RegExp): RegExp {
  const flags = new Set(pattern.flags.replace(/[y]/g, ''));
  for (const flag of 'gmd') flags.add(flag);
  return new RegExp(pattern.source, [...flags].join(''));
}

function valueRanges(text: string, secrets: ReadonlySet<string>): Range[] {
  const ranges: Range[] = [];
  for (const secret of secrets) {
    for (let index = text.indexOf(secret); index >= 0; index = text.indexOf(secret, index + 1)) {
      ranges.push([index, index + secret.length]);
    }
  }
  return mergeRanges(ranges);
}

function patternRanges(text: string, scanners: readonly RegExp[]): Range[] {
  const ranges: Range[] = [];
  for (const scanner of scanners) {
    scanner.lastIndex = 0;
    for (let match = scanner.exec(text); match; match = scanner.exec(text)) {
      const group = match.indices?.[1];
      if (group && group[1] > group[0]) ranges.push([group[0], group[1]]);
      if (match[0].length === 0) scanner.lastIndex++;
    }
  }
  return mergeRanges(ranges);
}

function mergeRanges(ranges: Range[]): Range[] {
  if (ranges.length < 2) return ranges;
  ranges.sort((left, right) => left[0] - right[0]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] < last[1]) {
      last[1] = Math.max(last[1], range[1]);
    } else {
      merged.push([range[0], range[1]]);
    }
  }
  return merged;
}

/** `text[from, to)` with every part that lies inside a (sorted, disjoint) range replaced by one MASK. */
function replaceRanges(text: string, ranges: readonly Range[], from: number, to: number): string {
  if (ranges.length === 0) return text.slice(from, to);
  let out = '';
  let position = from;
  for (const [start, end] of ranges) {
    if (end <= position) continue;
    if (start >= to) break;
    const maskFrom = Math.max(start, position);
    out += text.slice(position, maskFrom) + MASK;
    position = Math.min(end, to);
  }
  return out + text.slice(position, to);
}
