import type { DialectId } from '../contract/device';

/** The text is not the output this parser reads (an error message, another command's output...). */
export class OutputParseError extends Error {
  override readonly name = 'OutputParseError';
}

/** The output's lines, whatever line ends the device sent (CRLF, CR CR LF, CR), trailing blanks removed. */
export function normalizeLines(output: string): string[] {
  return output
    .replace(/\r+\n/g, '\n')
    .replace(/\r/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''));
}

/**
 * How a parser reads one dialect's output. `read` gives null when the output is not what it
 * knows; `expected` names what it looked for, for the error that says so.
 */
export interface DialectReader<Input, Result> {
  read: (input: Input) => Result | null;
  expected: string;
}

/** Throws {@link OutputParseError} `no <expected> found in the output` when the dialect's reader gives null. */
export function readByDialect<Input, Result>(dialect: DialectId, input: Input, readers: Record<DialectId, DialectReader<Input, Result>>): Result {
  const reader = readers[dialect];
  const result = reader.read(input);
  if (result === null) throw new OutputParseError(`no ${reader.expected} found in the output`);
  return result;
}

/** A table header's column names, lower-cased, one a whitespace-separated word. */
export function headerColumns(header: string): string[] {
  return header.trim().split(/\s+/).map((name) => name.toLowerCase());
}

/**
 * Reads a row by the names of its table's columns: the value of the first column named one of
 * `names`, undefined when there is none. Null when the row has not one token a column (a wrapped
 * or foreign line), which the caller skips.
 */
export function rowReader(columns: readonly string[], tokens: readonly string[]): ((...names: string[]) => string | undefined) | null {
  if (tokens.length !== columns.length) return null;
  return (...names) => {
    const index = columns.findIndex((column) => names.includes(column));
    return index < 0 ? undefined : tokens[index];
  };
}
