import { configSyntax } from './configSyntax';
import type { ConfigNode, ConfigTree } from './types';

function writeNode(node: ConfigNode, depth: number, out: string[]): void {
  const indent = ' '.repeat(depth);
  out.push(indent + node.text);
  if (node.block) out.push(...node.block);
  for (const child of node.children) writeNode(child, depth + 1, out);
  if (node.closer) out.push(indent + node.closer.text);
}

/**
 * Writes a tree back as configuration text in the dialect's canonical layout: one space of
 * indentation per level, a separator (IOS `!`, VRP `#`) around each top-level section, the
 * closers the source had, and the terminator (`end`, `return`). Comments and output headers are
 * not kept, so the text re-parses to the same tree but is not byte-identical to the device output.
 */
export function serializeConfig(tree: ConfigTree): string {
  const syntax = configSyntax(tree.dialect);
  const out: string[] = [];
  const separator = syntax.family === 'ios-like' ? '!' : syntax.family === 'vrp-like' ? '#' : null;
  for (const node of tree.nodes) {
    const section = node.children.length > 0 || node.block !== undefined || node.closer !== undefined;
    if (separator && section && out.at(-1) !== separator) out.push(separator);
    writeNode(node, 0, out);
    if (separator && section) out.push(separator);
  }
  if (syntax.family === 'ios-like') out.push('end');
  if (syntax.family === 'vrp-like') out.push('return');
  return out.join('\n') + '\n';
}
