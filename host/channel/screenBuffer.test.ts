import { describe, expect, it } from 'vitest';
import { ScreenBuffer } from './screenBuffer';

const limits = { maxBufferedChars: 1 << 20, lookbackChars: 4096 };

function cleaned(...chunks: string[]): string {
  const screen = new ScreenBuffer(limits);
  for (const chunk of chunks) screen.push(chunk);
  return screen.takeAll();
}

/** Every way of cutting `text` in two, to catch state lost at a chunk boundary. */
function everySplit(text: string): string[][] {
  return Array.from({ length: text.length + 1 }, (_, split) => [text.slice(0, split), text.slice(split)]);
}

describe('ScreenBuffer cleaning', () => {
  it.each([
    ['CSI colour and cursor sequences', 'r1\x1b[0;32m#\x1b[0m \x1b[?25h\x1b[H\x1b[2J', 'r1# '],
    ['OSC window title ended by BEL and by ST', '\x1b]0;r1: admin\x07ok \x1b]2;t\x1b\\done', 'ok done'],
    ['two- and three-character escapes', '\x1b=\x1b(Bplain\x1b7\x1b8', 'plain'],
    ['CR LF and CR CR LF', 'one\r\ntwo\r\r\nthree\n', 'one\ntwo\nthree\n'],
    ['telnet CR NUL and BEL', 'a\r\0\nb\x07c\0', 'a\nbc'],
    ['backspace after a character', 'shw\bow', 'show'],
    ['erase sequence BS SP BS', 'shx\b \bow ver', 'show ver'],
    ['backspaces never reach into the previous line', 'line\nab\b\b\b\bc', 'line\nc'],
    ["Maipu's rogue blanks and CR", 'output\r\n             \rRouter#', 'output\nRouter#'],
    ['a progress counter redrawn with CR', 'copy 10%\rcopy 55%\rcopy 100%\r\ndone', 'copy 100%\ndone'],
    ['cursor left deletes like backspaces (VRP pager eraser)', 'abc\x1b[42D          \x1b[42Dnext', 'next'],
    ['erase whole line', 'garbage\x1b[2Kclean', 'clean'],
  ])('%s', (_name, input, expected) => {
    expect(cleaned(input)).toBe(expected);
    for (const chunks of everySplit(input)) expect(cleaned(...chunks)).toBe(expected);
  });

  it('keeps a prompt at the end matchable when CR LF was split from its CR', () => {
    const screen = new ScreenBuffer(limits);
    screen.push('show version\r');
    screen.push('\nr1# ');
    expect(screen.search([/r1# $/], true)?.before).toBe('show version\n');
  });
});

describe('ScreenBuffer search', () => {
  it('returns the earliest match, consuming through it, and keeps the rest', () => {
    const screen = new ScreenBuffer(limits);
    screen.push('Username: x\nPassword: ');
    const found = screen.search([/Password: $/, /Username: /], true);
    expect(found?.patternIndex).toBe(1);
    expect(found?.before).toBe('');
    expect(screen.takeAll()).toBe('x\nPassword: ');
  });

  it('finds a pattern split across pushes within the look-back window', () => {
    const screen = new ScreenBuffer({ maxBufferedChars: 1 << 20, lookbackChars: 16 });
    screen.push('x'.repeat(5000) + '\nr1(con');
    expect(screen.search([/r1\(config\)# $/], true)).toBeUndefined();
    screen.push('fig)# ');
    const found = screen.search([/r1\(config\)# $/], false);
    expect(found?.match[0]).toBe('r1(config)# ');
    expect(found?.before.length).toBe(5001);
  });

  it('drops the oldest text beyond the cap and says so', () => {
    const screen = new ScreenBuffer({ maxBufferedChars: 100, lookbackChars: 16 });
    for (let line = 0; line < 50; line++) screen.push(`line ${line}\n`);
    expect(screen.length).toBeLessThanOrEqual(100);
    screen.push('r1# ');
    const found = screen.search([/r1# $/], true);
    expect(found?.truncated).toBe(true);
    expect(found?.before.endsWith('line 49\n')).toBe(true);
    screen.push('r1# ');
    expect(screen.search([/r1# $/], true)?.truncated).toBe(false);
  });
});

describe('ScreenBuffer pagers', () => {
  const more = [{ pattern: /--More--/, answer: ' ' }];

  it('removes a pager at the end of the line, with the blanks around it', () => {
    const screen = new ScreenBuffer(limits);
    screen.push('line 1\n --More-- ');
    expect(screen.takePager(more)?.text).toBe('--More--');
    screen.push('\b\b\b\b\b\b\b\b        \b\b\b\b\b\b\b\bline 2\n');
    expect(screen.takeAll()).toBe('line 1\nline 2\n');
  });

  it('ignores pager text that is not at the end', () => {
    const screen = new ScreenBuffer(limits);
    screen.push('--More-- is a word here');
    expect(screen.takePager(more)).toBeUndefined();
  });
});
