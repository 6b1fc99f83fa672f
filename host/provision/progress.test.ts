import { describe, expect, it } from 'vitest';
import { createProgressMeter } from './progress';

describe('progress meter', () => {
  it('counts lines and bytes and estimates the rest at the rate so far', () => {
    let now = 0;
    const meter = createProgressMeter(['abc', 'defghi', 'jk'], () => now);
    now = 400;
    expect(meter.advance()).toEqual({ index: 1, total: 3, bytesSent: 4, elapsedMs: 400, estimateMs: 1000 });
    now = 1100;
    expect(meter.advance(2)).toEqual({ index: 3, total: 3, bytesSent: 14, elapsedMs: 1100, estimateMs: 0 });
  });
});
