import type { DialectId } from '../contract/device';
import { configSyntax, type ConfigSyntax } from './configSyntax';
import type { ConfigNode, ConfigTree } from './types';

/** The text is in a format this module does not read (Junos braces-style configuration). */
export class UnsupportedConfigFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedConfigFormatError';
  }
}

interface OpenNode {
  node: ConfigNode;
  indent: number;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * Reads the rest of a delimited block starting at `lines[start]`. Returns the block lines after
 * the header and the index of the last line consumed. A block never closed runs to the end.
 */
function readBlock(lines: readonly string[], start: number, header: string, delimiter: string, delimiterEnd: number): { block: string[]; last: number } {
  if (header.slice(delimiterEnd).includes(delimiter)) return { block: [], last: start };
  const block: string[] = [];
  for (let index = start + 1; index < lines.length; index += 1) {
    const raw = (lines[index] ?? '').trimEnd();
    block.push(raw);
    if (raw.includes(delimiter)) return { block, last: index };
  }
  return { block, last: lines.length - 1 };
}

/**
 * Closes the innermost open section at or left of `indent`: the nearest open node with children,
 * else the nearest node exactly at `indent` (FRR prints `interface eth4` / `exit` with no lines
 * between). A closer with nothing to close is ignored.
 */
function closeSection(stack: OpenNode[], indent: number, closer: { text: string; line: number }): void {
  let target = -1;
  for (let position = stack.length - 1; position >= 0 && target < 0; position -= 1) {
    const open = stack[position];
    if (open && open.node.children.length > 0 && open.indent <= indent) target = position;
  }
  for (let position = stack.length - 1; position >= 0 && target < 0; position -= 1) {
    if (stack[position]?.indent === indent) target = position;
  }
  if (target < 0) return;
  const closed = stack[target];
  if (closed) closed.node.closer = closer;
  stack.length = target;
}

/**
 * Builds the section tree of configuration lines. Hierarchy comes from indentation: a line is a
 * child of the nearest open line indented less. Separators and comments close the sections
 * indented at least as much as they are (VRP's top-level `#`, IOS's ` !` inside `router bgp`).
 * `stopAtTerminator` ends reading at a left-margin `end`/`return` (device output); for desired
 * lines the terminator is skipped instead, so a stray `end` does not hide the lines after it.
 */
export function parseLines(syntax: ConfigSyntax, lines: readonly string[], stopAtTerminator: boolean): ConfigNode[] {
  const roots: ConfigNode[] = [];
  const stack: OpenNode[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const raw = (lines[index] ?? '').replace(/\r$/, '').trimEnd();
    const text = raw.trim();
    if (text === '') continue;
    const indent = indentOf(raw);
    if (syntax.comment.test(text)) {
      while (stack.length > 0 && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
      continue;
    }
    if (syntax.headers.some((header) => header.test(text))) continue;
    if (syntax.terminator?.test(text) && indent === 0) {
      if (stopAtTerminator) break;
      stack.length = 0;
      continue;
    }
    if (syntax.closer?.test(text)) {
      closeSection(stack, indent, { text, line: index });
      continue;
    }
    if (syntax.family === 'junos' && (/[{};]$/.test(text) || text === '}')) {
      throw new UnsupportedConfigFormatError(
        `line ${index + 1} is Junos braces-style configuration; read it with \`show configuration | display set\``,
      );
    }
    const node: ConfigNode = { text, line: index, children: [] };
    const blockStart = syntax.blockStart?.exec(text);
    const delimiter = blockStart?.groups?.delimiter;
    if (blockStart && delimiter) {
      const { block, last } = readBlock(lines, index, text, delimiter, blockStart[0].length);
      if (block.length > 0) node.block = block;
      index = last;
    }
    while (stack.length > 0 && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
    const parent = stack.at(-1);
    (parent ? parent.node.children : roots).push(node);
    stack.push({ node, indent });
  }
  return roots;
}

/**
 * Parses a running configuration as the device prints it: IOS/FRR `show running-config`,
 * VRP/Comware `display current-configuration`, Junos `show configuration | display set`.
 * Junos braces-style text throws `UnsupportedConfigFormatError`.
 */
export function parseConfig(dialect: DialectId, text: string): ConfigTree {
  return { dialect, nodes: parseLines(configSyntax(dialect), text.split(/\r?\n/), true) };
}
