import { describe, expect, it } from 'vitest';
import { getCompiledDialect } from '../../shared/dialects';
import { echoLineCount, extractOutput, findFailure, toLines } from './commandOutput';

describe('toLines', () => {
  it('handles CR LF, CR CR LF, NUL and CR-redrawn lines', () => {
    expect(toLines('a\r\nb\r\r\nc\0\n')).toEqual(['a', 'b', 'c', '']);
    expect(toLines('             \rgigabitethernet0/1 up')).toEqual(['gigabitethernet0/1 up']);
    expect(toLines('text\r')).toEqual(['text']);
  });
});

describe('echo removal (DOMAIN.md §1 #2: do not depend on exact echo)', () => {
  it.each([
    { name: 'exact echo', lines: ['show version', 'FRRouting 8.4.4'], command: 'show version', count: 1 },
    { name: 'echo after a redrawn prompt', lines: ['r1#show version', 'FRRouting 8.4.4'], command: 'show version', count: 1 },
    { name: 'characters lost on a slow serial line', lines: ['sh vrsion', 'Cisco IOS Software'], command: 'show version', count: 1 },
    { name: 'a long command wrapped over lines', lines: ['ip prefix-list PL-DEMO seq 5 perm', 'it 10.1.0.0/16 le 24', 'x'], command: 'ip prefix-list PL-DEMO seq 5 permit 10.1.0.0/16 le 24', count: 2 },
    { name: 'no echo at all', lines: ['FRRouting 8.4.4 (r1)'], command: 'show version', count: 0 },
    { name: 'empty command', lines: ['', 'x'], command: '', count: 1 },
  ])('$name', ({ lines, command, count }) => {
    expect(echoLineCount(lines, command)).toBe(count);
  });

  it('trims blank lines around the output and trailing spaces of lines', () => {
    expect(extractOutput('show interface brief\n\nlo   up   default   \n\n', 'show interface brief')).toBe('lo   up   default');
  });
});

describe('findFailure', () => {
  const ios = getCompiledDialect('ios').failures;
  it('returns the error from its line to the end, blank lines collapsed', () => {
    const output = 'ip prefix-list X seq 10 permit 10.0.0.0/24 ge 8\n% Configuration failed.\n\nError type: validation\nError description: bad';
    expect(findFailure(output, ios)).toBe('% Configuration failed.\nError type: validation\nError description: bad');
  });

  it('keeps the caret line out and the IOS marker text in', () => {
    expect(findFailure("         ^\n% Invalid input detected at '^' marker.", ios)).toBe("% Invalid input detected at '^' marker.");
  });

  it('returns null for clean output', () => {
    expect(findFailure('Building configuration...\n[OK]', ios)).toBeNull();
  });
});
