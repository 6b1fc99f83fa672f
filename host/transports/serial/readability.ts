/**
 * How much a burst of console output looks like text a CLI printed, from 0 (nothing, or line
 * noise) to 1 (clean text ending in a prompt). At a wrong baud rate a UART turns each character
 * into framing garbage: NULs, bytes above 0x7f that are not UTF-8, stray control characters.
 * At the right one, a console answers a CR with text and a prompt such as `R1>`, `<H3C>`,
 * `[~HUAWEI]`, `r1#`, `Username:` or `Password:`.
 */
export function scoreReadability(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  const counts = classify(bytes);
  const readableRatio = counts.readable / bytes.length;
  if (counts.visible === 0) return round(0.1 * readableRatio);
  // CLI text is mostly letters, digits and spaces; misread bytes that happen to be printable are
  // rich in punctuation. Only a strong punctuation excess lowers the score.
  const wordRatio = counts.wordy / (counts.printable + counts.multibyte);
  const wordFactor = Math.min(1, wordRatio / 0.6);
  const promptBonus = endsLikePrompt(bytes) ? 0.25 : 0;
  // A character or two is weak evidence: one misread byte can look like a letter. `R1>` is enough.
  const lengthFactor = Math.min(1, counts.visible / 3);
  return round((readableRatio * readableRatio * wordFactor * 0.75 + promptBonus * readableRatio) * lengthFactor);
}

/** A score at or above this is a clean answer with a prompt: no need to try other speeds. */
export const confidentReadability = 0.9;
/** Below this no speed produced text a technician could read. */
export const minimumReadability = 0.5;

interface Counts {
  /** Bytes that belong to text: printable ASCII, whitespace, line-editing controls, escape sequences, UTF-8. */
  readable: number;
  /** Printable ASCII including the space. */
  printable: number;
  /** Letters, digits and spaces (ASCII), plus multi-byte characters. */
  wordy: number;
  /** Characters other than whitespace. */
  visible: number;
  multibyte: number;
}

const ESC = 0x1b;

function classify(bytes: Uint8Array): Counts {
  const counts: Counts = { readable: 0, printable: 0, wordy: 0, visible: 0, multibyte: 0 };
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    if (byte >= 0x20 && byte <= 0x7e) {
      counts.readable += 1;
      counts.printable += 1;
      if (isWordy(byte)) counts.wordy += 1;
      if (byte !== 0x20) counts.visible += 1;
      index += 1;
      continue;
    }
    if (byte === 0x0d || byte === 0x0a || byte === 0x09 || byte === 0x08 || byte === 0x07) {
      // CR, LF, TAB, BS (line editing) and BEL are what a CLI sends between its words.
      counts.readable += 1;
      index += 1;
      continue;
    }
    const escape = byte === ESC ? escapeSequenceLength(bytes, index) : 0;
    if (escape > 0) {
      counts.readable += escape;
      index += escape;
      continue;
    }
    const character = byte >= 0xc2 ? utf8SequenceLength(bytes, index) : 0;
    if (character > 0) {
      counts.readable += character;
      counts.multibyte += 1;
      counts.wordy += 1;
      counts.visible += 1;
      index += character;
      continue;
    }
    index += 1;
  }
  return counts;
}

function isWordy(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

/** Length of an ANSI CSI sequence (`ESC [ params final`) at `start`, or 0 when it is not one. */
function escapeSequenceLength(bytes: Uint8Array, start: number): number {
  if (bytes[start + 1] !== 0x5b) return 0;
  for (let index = start + 2; index < bytes.length && index < start + 16; index += 1) {
    const byte = bytes[index] ?? 0;
    if (byte >= 0x40 && byte <= 0x7e) return index - start + 1;
    if (byte < 0x20 || byte > 0x3f) return 0;
  }
  return 0;
}

/** Length of a well-formed UTF-8 sequence (2 to 4 bytes) at `start`, or 0. */
function utf8SequenceLength(bytes: Uint8Array, start: number): number {
  const lead = bytes[start] ?? 0;
  const length = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 0;
  if (length === 0 || lead > 0xf4) return 0;
  for (let offset = 1; offset < length; offset += 1) {
    const next = bytes[start + offset];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/**
 * The last line is short, has a letter or digit, and ends in a prompt character: `>` `#` `]`
 * `$` `%` (CLIs and shells), `:` (`Username:`, `Password:`) or `?` (`[Y/N]?`).
 */
function endsLikePrompt(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes).toString('latin1').replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '');
  const lines = text.split(/[\r\n]+/).map((line) => line.trimEnd()).filter((line) => line !== '');
  const last = lines.at(-1);
  return last !== undefined && last.length <= 80 && /[A-Za-z0-9]/.test(last) && /[>#\]$%:?]$/.test(last);
}

function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}
