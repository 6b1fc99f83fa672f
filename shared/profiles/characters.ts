/**
 * Character checks shared by every parameter type. A value that reaches a device CLI must not be
 * able to end a line, move the cursor, reorder text or hide characters: any of those could turn
 * one parameter into a second command.
 */

export type ForbiddenKind = 'control' | 'line-separator' | 'bidi' | 'invisible' | 'private-use' | 'surrogate';

export interface FoundCharacter {
  /** Position in code points, 1-based, as a person counts. */
  position: number;
  codePoint: number;
}

export interface ForbiddenCharacter extends FoundCharacter {
  kind: ForbiddenKind;
}

const NAMES: Record<number, string> = {
  0x00: 'NUL', 0x07: 'BEL', 0x08: 'BS', 0x09: 'TAB', 0x0a: 'LF', 0x0d: 'CR', 0x1b: 'ESC', 0x7f: 'DEL', 0x85: 'NEL',
  0x2028: 'LINE SEPARATOR', 0x2029: 'PARAGRAPH SEPARATOR', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const INVISIBLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xfffe, 0xffff]);

export function classifyCharacter(codePoint: number): ForbiddenKind | null {
  if (codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f)) return 'control';
  if (codePoint === 0x2028 || codePoint === 0x2029) return 'line-separator';
  if (BIDI.has(codePoint)) return 'bidi';
  if (INVISIBLE.has(codePoint)) return 'invisible';
  if (codePoint >= 0xe000 && codePoint <= 0xf8ff) return 'private-use';
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'surrogate';
  return null;
}

/** The first character no parameter value may contain, or null. */
export function findForbiddenCharacter(value: string): ForbiddenCharacter | null {
  let position = 0;
  for (const character of value) {
    position += 1;
    const codePoint = character.codePointAt(0) ?? 0;
    const kind = classifyCharacter(codePoint);
    if (kind) return { position, codePoint, kind };
  }
  return null;
}

/** `U+000D (CR)`, `U+0430`. */
export function describeCodePoint(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[codePoint];
  return name ? `${hex} (${name})` : hex;
}

/**
 * Letters from other scripts that render like ASCII. Hostnames, addresses and interface names
 * are ASCII on every dialect, so one of these is a typing or copy-paste accident (or an attack).
 */
const CONFUSABLES: Record<number, string> = {
  0x0430: 'a', 0x0435: 'e', 0x043e: 'o', 0x0440: 'p', 0x0441: 'c', 0x0443: 'y', 0x0445: 'x', 0x0455: 's', 0x0456: 'i',
  0x0458: 'j', 0x04bb: 'h', 0x0501: 'd', 0x04cf: 'l', 0x0410: 'A', 0x0412: 'B', 0x0415: 'E', 0x041a: 'K', 0x041c: 'M',
  0x041d: 'H', 0x041e: 'O', 0x0420: 'P', 0x0421: 'C', 0x0422: 'T', 0x0425: 'X', 0x0406: 'I', 0x0408: 'J', 0x0405: 'S',
  0x03bf: 'o', 0x03b1: 'a', 0x03bd: 'v', 0x0391: 'A', 0x0392: 'B', 0x0395: 'E', 0x0396: 'Z', 0x0397: 'H', 0x0399: 'I',
  0x039a: 'K', 0x039c: 'M', 0x039d: 'N', 0x039f: 'O', 0x03a1: 'P', 0x03a4: 'T', 0x03a5: 'Y', 0x03a7: 'X',
  0x3002: '.', 0x2010: '-', 0x2011: '-', 0x2012: '-', 0x2013: '-', 0x2212: '-', 0x00a0: ' ', 0x3000: ' ',
};

/** The ASCII character `codePoint` imitates, if it is a known look-alike (fullwidth forms included). */
export function asciiLookAlike(codePoint: number): string | null {
  if (codePoint >= 0xff01 && codePoint <= 0xff5e) return String.fromCodePoint(codePoint - 0xfee0);
  return CONFUSABLES[codePoint] ?? null;
}

/** The first character outside printable ASCII (0x20-0x7E), or null. */
export function findNonAscii(value: string): FoundCharacter | null {
  let position = 0;
  for (const character of value) {
    position += 1;
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint < 0x20 || codePoint > 0x7e) return { position, codePoint };
  }
  return null;
}

/** Length in code points: a Chinese character counts once, as the user sees it. */
export function characterLength(value: string): number {
  let length = 0;
  for (const _character of value) length += 1;
  return length;
}
