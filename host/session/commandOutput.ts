/**
 * Turning what a device sent between a command and its next prompt into the command's output.
 * Pure functions; the channel has already removed ANSI sequences, pagers and backspaces.
 */

/** Lines of received text, tolerant of CR LF, CR CR LF, NUL and CR-redrawn lines. */
export function toLines(text: string): string[] {
  return text
    .replace(/\0/g, '')
    .replace(/\r+\n/g, '\n')
    .split('\n')
    .map((line) => {
      // A CR inside a line means the device redrew it: the screen shows what follows the last CR.
      const redrawn = line.lastIndexOf('\r');
      if (redrawn < 0) return line;
      const shown = line.slice(redrawn + 1);
      return shown.length > 0 ? shown : line.slice(0, redrawn).replace(/\r/g, '');
    });
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** True when every character of `part` appears in `whole`, in order. */
function isSubsequence(part: string, whole: string): boolean {
  let position = 0;
  for (const character of part) {
    position = whole.indexOf(character, position);
    if (position < 0) return false;
    position += 1;
  }
  return true;
}

/**
 * How many leading lines are the device's echo of `command`. The echo is expected but not
 * trusted: over a slow serial line characters of it may be lost (DOMAIN.md §1 #2), a long command
 * may wrap over several lines, and a redrawn prompt may precede it. A first line counts as echo
 * when it contains the command or its characters are a subsequence of it; following lines count
 * only while they continue an exact, still incomplete prefix (wrapping).
 */
export function echoLineCount(lines: readonly string[], command: string): number {
  const wanted = compact(command);
  const first = lines[0];
  if (first === undefined) return 0;
  const firstCompact = compact(first);
  if (wanted === '') return firstCompact === '' ? 1 : 0;
  if (firstCompact === '') return 0;
  if (!firstCompact.includes(wanted) && !isSubsequence(firstCompact, wanted)) return 0;
  let count = 1;
  let echoed = firstCompact;
  while (wanted.startsWith(echoed) && echoed.length < wanted.length) {
    const next = lines[count];
    if (next === undefined) break;
    const joined = echoed + compact(next);
    if (compact(next) === '' || !wanted.startsWith(joined)) break;
    echoed = joined;
    count += 1;
  }
  return count;
}

/** The output of `command`: echo removed, surrounding blank lines and trailing spaces trimmed. */
export function extractOutput(before: string, command: string): string {
  const lines = toLines(before);
  const rest = lines.slice(echoLineCount(lines, command)).map((line) => line.replace(/[ \t]+$/, ''));
  while (rest.length > 0 && rest[0] === '') rest.shift();
  while (rest.length > 0 && rest[rest.length - 1] === '') rest.pop();
  return rest.join('\n');
}

/** Most lines of device error text kept in a failure message. */
const FAILURE_LINES = 20;

/**
 * The device's error text if `output` matches one of the dialect's failure patterns: from the
 * start of the first matching line to the end of the output (FRR's `% Configuration failed.` is
 * followed by its `Error type:` / `Error description:` lines), at most `FAILURE_LINES` lines.
 */
export function findFailure(output: string, failures: readonly RegExp[]): string | null {
  let earliest = -1;
  for (const failure of failures) {
    const pattern = new RegExp(failure.source, failure.flags.replace(/[gy]/g, ''));
    const match = pattern.exec(output);
    if (match && (earliest < 0 || match.index < earliest)) earliest = match.index;
  }
  if (earliest < 0) return null;
  const lineStart = output.lastIndexOf('\n', earliest - 1) + 1;
  const message = output.slice(lineStart).split('\n').slice(0, FAILURE_LINES).join('\n').trim();
  return message.replace(/\n{2,}/g, '\n');
}
