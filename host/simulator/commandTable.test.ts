import { describe, expect, it } from 'vitest';
import { CommandTable, wordColumn } from './commandTable';

const table = new CommandTable(['show version', 'show running-config ...', 'show startup-config', 'ip address *', 'ip access-group *', 'screen-length * temporary', 'terminal length *', 'configure terminal']);

describe('CommandTable', () => {
  it.each([
    [['show', 'version'], 'show version', ['show', 'version']],
    [['sh', 'ver'], 'show version', ['show', 'version']],
    [['sh', 'run', 'brief'], 'show running-config ...', ['show', 'running-config', 'brief']],
    [['conf', 't'], 'configure terminal', ['configure', 'terminal']],
    [['ip', 'address', '10.0.0.1', '255.0.0.0'], 'ip address *', ['ip', 'address', '10.0.0.1', '255.0.0.0']],
    [['screen-length', '0', 'temporary'], 'screen-length * temporary', ['screen-length', '0', 'temporary']],
  ])('matches %j as %s', (words, shape, expanded) => {
    const match = table.match(words);
    expect(match.kind).toBe('match');
    if (match.kind === 'match') {
      expect(match.shape.source).toBe(shape);
      expect(match.words).toEqual(expanded);
    }
  });

  it('reports the first word nothing accepts', () => {
    expect(table.match(['show', 'bogus'])).toEqual({ kind: 'invalid', wordIndex: 1 });
    expect(table.match(['show', 'version', 'now'])).toEqual({ kind: 'invalid', wordIndex: 2 });
  });

  it('reports a missing argument or keyword as incomplete', () => {
    expect(table.match(['ip', 'address']).kind).toBe('incomplete');
    expect(table.match(['show']).kind).toBe('incomplete');
  });

  it('reports an abbreviation of two keywords as ambiguous', () => {
    expect(table.match(['ip', 'a'])).toEqual({ kind: 'ambiguous', wordIndex: 1 });
    expect(table.match(['s'])).toEqual({ kind: 'ambiguous', wordIndex: 0 });
  });

  it('finds the column of a word as typed', () => {
    expect(wordColumn('  show   bogus', 1)).toBe(9);
    expect(wordColumn('show', 3)).toBe(5);
  });
});
