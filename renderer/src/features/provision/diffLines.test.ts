import { describe, expect, it } from 'vitest';
import { parseDiff } from './diffLines';

describe('parseDiff', () => {
  it('reads the marker of each line and keeps the indentation after it', () => {
    expect(parseDiff('  interface eth3\n+  description management\n- ip route 10.0.0.0/8 192.0.2.1')).toEqual([
      { kind: 'context', text: 'interface eth3' },
      { kind: 'add', text: ' description management' },
      { kind: 'remove', text: 'ip route 10.0.0.0/8 192.0.2.1' },
    ]);
  });

  it('has no lines for an empty diff', () => {
    expect(parseDiff('')).toEqual([]);
  });
});
