/** One row of the benchmark's table: a way of applying the lines, measured `seconds.length` times. */
export interface BenchRow {
  run: string;
  lines: number;
  /** Seconds of each repetition. */
  seconds: number[];
  /** What the ratio divides by (seconds); null when the row is itself a floor. */
  floorSeconds: number | null;
  floorName: string;
  bytesBack: number | null;
  /** Mean host time per line over the repetitions (ms). */
  hostMs: number | null;
  lost: string;
  error: string;
}

export const best = (values: readonly number[]): number => Math.min(...values);

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const ratio = (seconds: number, floor: number | null): string => (floor === null ? '-' : `${(seconds / floor).toFixed(3)}x`);

export function printTable(rows: readonly BenchRow[]): void {
  const header = ['run', 'lines', 'runs', 'best s', 'median s', 'lines/s', 'bytes back', 'floor s', 'ratio best', 'ratio median', 'floor is', 'host ms/line', 'lost characters', 'error line'];
  const cells = rows.map((row) => [
    row.run,
    String(row.lines),
    String(row.seconds.length),
    best(row.seconds).toFixed(2),
    median(row.seconds).toFixed(2),
    (row.lines / median(row.seconds)).toFixed(1),
    row.bytesBack === null ? '-' : String(row.bytesBack),
    row.floorSeconds === null ? '-' : row.floorSeconds.toFixed(2),
    ratio(best(row.seconds), row.floorSeconds),
    ratio(median(row.seconds), row.floorSeconds),
    row.floorName,
    row.hostMs === null ? '-' : row.hostMs.toFixed(2),
    row.lost,
    row.error,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => (cell[column] ?? '').length)));
  const format = (cell: readonly string[]): string => cell.map((value, column) => value.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  console.log('\n' + format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cell of cells) console.log(format(cell));
}
