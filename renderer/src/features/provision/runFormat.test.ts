import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, percentDone } from './runFormat';

describe('run figures', () => {
  it('formats bytes', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(3482)).toBe('3.4 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });

  it('formats durations', () => {
    expect(formatDuration(420)).toBe('0.4 s');
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(-5)).toBe('0.0 s');
  });

  it('counts whole percent and treats an empty run as complete', () => {
    expect(percentDone(4, 7)).toBe(57);
    expect(percentDone(7, 7)).toBe(100);
    expect(percentDone(0, 0)).toBe(100);
  });
});
