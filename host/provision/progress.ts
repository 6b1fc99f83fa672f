/** One progress reading: line `index` of `total`, the bytes typed so far and a time estimate. */
export interface ProgressReading {
  index: number;
  total: number;
  bytesSent: number;
  elapsedMs: number;
  /** Time still needed at the rate so far, by bytes (long lines take longer); null before the first line. */
  estimateMs: number | null;
}

/**
 * Measures an apply as lines are acknowledged. Bytes are the UTF-8 length of each line plus one
 * line ending; the estimate assumes the remaining bytes go at the rate measured so far.
 */
export function createProgressMeter(lines: readonly string[], clock: () => number = () => performance.now()) {
  const sizes = lines.map((line) => Buffer.byteLength(line, 'utf8') + 1);
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  const started = clock();
  let index = 0;
  let bytesSent = 0;
  return {
    advance(count = 1): ProgressReading {
      for (let step = 0; step < count && index < sizes.length; step += 1) {
        bytesSent += sizes[index] ?? 0;
        index += 1;
      }
      const elapsedMs = Math.max(0, Math.round(clock() - started));
      const estimateMs = bytesSent === 0 ? null : Math.round((elapsedMs * (totalBytes - bytesSent)) / bytesSent);
      return { index, total: sizes.length, bytesSent, elapsedMs, estimateMs };
    },
  };
}
