import { removeLines, type ConfigNode } from '../configTree';
import type { Question, Reply } from '../types';

/** A command that opens a delimited text block (IOS `banner login ^`, VRP `header login %`). */
export interface TextBlockSpec {
  /** Groups: 1 the command, 2 the delimiter character, 3 the text after it on the same line. */
  start: RegExp;
  /** Printed when the block opens and the device starts reading it. */
  intro(delimiter: string): string;
  /** How the running configuration shows the delimiter (IOS `^C`); undefined: as typed. */
  shownDelimiter?: string;
}

/** IOS, Maipu, Ruijie: `banner login ^` … `^`, shown with `^C` (DOMAIN.md §3.1 "Banner"). */
export const iosBanner: TextBlockSpec = {
  start: /^(banner (?:motd|login|exec|incoming)) (\S)(.*)$/,
  intro: (delimiter) => `Enter TEXT message.  End with the character '${delimiter}'.`,
  shownDelimiter: '^C',
};

/** VRP and Comware: `header login information %` / `header login %` … `%` (unverified, as the profile). */
export const vrpHeader: TextBlockSpec = {
  start: /^(header (?:login|shell|motd|incoming|legal)(?: information)?) ([^\sA-Za-z0-9])(.*)$/,
  intro: (delimiter) => `Please input banner content, and quit with the character '${delimiter}'.`,
};

/**
 * Reads a delimited block as the devices do: the lines that follow come without a prompt until
 * one holds the delimiter. The block then replaces the command's earlier one in `root`, kept as
 * one node whose line holds every row as the running configuration prints them. Null when
 * `line` opens no block.
 */
export function readTextBlock(root: ConfigNode, line: string, spec: TextBlockSpec): Reply | null {
  const found = spec.start.exec(line.trim());
  if (!found) return null;
  const command = found[1] ?? '';
  const delimiter = found[2] ?? '';
  const shown = spec.shownDelimiter ?? delimiter;
  const rows: string[] = [];
  const finish = (): Reply => {
    removeLines(root, command);
    root.children.push({ line: rows.join('\n'), children: [] });
    return { output: '' };
  };
  const take = (text: string): boolean => {
    const end = text.indexOf(delimiter);
    if (end < 0) {
      rows.push(text);
      return false;
    }
    const before = text.slice(0, end);
    if (rows.length === 0) rows.push(`${command} ${shown}${before}${shown}`);
    else rows.push(`${before}${shown}`);
    return true;
  };
  const rest = found[3] ?? '';
  const closed = rest.indexOf(delimiter);
  if (closed >= 0) {
    rows.push(`${command} ${shown}${rest.slice(0, closed)}${shown}`);
    return finish();
  }
  rows.push(`${command} ${shown}${rest}`);
  const question: Question = { prompt: '', answer: (typed) => (take(typed) ? finish() : { output: '', question }) };
  return { output: spec.intro(delimiter), question };
}
