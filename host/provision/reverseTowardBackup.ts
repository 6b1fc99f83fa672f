import type { DialectId } from '../../shared/contract';
import { configSyntax, parseConfig, planChanges, type ConfigNode } from '../../shared/config';
import type { DesiredConfig } from './desiredConfig';

export interface ReverseTowardBackup {
  /** The reverse lines to plan against the running configuration (numbers and profiles kept). */
  kept: DesiredConfig;
  /** Reverse lines left out, as `section > line`, masked. */
  dropped: string[];
}

/**
 * Keeps only the reverse lines that agree with the backup. A reverse line the planner would still
 * send against the backup would create something the backup did not have, or remove something it
 * had (`ip http server` where the backup shows HTTP off: the apply sent nothing for it, so undoing
 * it would turn HTTP on). Such a line moves the device away from the backup and is dropped; a
 * section header stays while any of its lines stay, and its closer with it.
 *
 * One exception: the planner sends every line of a section the backup lacks, negations included
 * (it cannot read the state of a section that does not exist). A negation there removes nothing
 * the backup had: it empties what the apply created (`sip-ua > no registrar`), so it is kept.
 *
 * Both sides are compared masked (`mask`), since the backup holds secrets masked. Lines outside
 * the parsed tree (comments, a stray terminator and whatever follows it) are kept as they are.
 */
export function reverseTowardBackup(dialect: DialectId, backup: string, reverse: DesiredConfig, mask: (text: string) => string): ReverseTowardBackup {
  // One rendered line per entry: a line holding a newline would shift the parsed indices.
  if (reverse.lines.some((line) => line.includes('\n'))) return { kept: reverse, dropped: [] };
  const masked = reverse.lines.map(mask);
  const againstBackup = planChanges(dialect, backup, masked);
  const sentAgainstBackup = new Set(againstBackup.toSend.flatMap((line) => (line.sourceIndex === null ? [] : [line.sourceIndex])));
  const tree = parseConfig(dialect, reverse.lines.join('\n')).nodes;
  const negationPrefix = configSyntax(dialect).negation.prefix;
  // A section path is absent from the backup when the planner would send its innermost header.
  const absentFromBackup = (sections: readonly ConfigNode[]): boolean =>
    sections.length > 0 && planChanges(dialect, backup, sections.map((section, depth) => ' '.repeat(depth) + (masked[section.line] ?? '').trim())).toSend.length > 0;

  const droppedIndices = new Set<number>();
  const dropped: string[] = [];
  const dropNode = (node: ConfigNode): void => {
    droppedIndices.add(node.line);
    (node.block ?? []).forEach((_, offset) => droppedIndices.add(node.line + 1 + offset));
    if (node.closer) droppedIndices.add(node.closer.line);
  };
  /** Returns whether anything of `node` is kept. */
  const visit = (node: ConfigNode, sections: ConfigNode[]): boolean => {
    if (node.children.length === 0) {
      if (!sentAgainstBackup.has(node.line)) return true;
      if (node.text.startsWith(negationPrefix) && absentFromBackup(sections)) return true;
      dropNode(node);
      dropped.push([...sections, node].map((section) => mask(section.text)).join(' > '));
      return false;
    }
    const sectionPath = [...sections, node];
    const keptChildren = node.children.map((child) => visit(child, sectionPath)).filter(Boolean).length;
    if (keptChildren > 0) return true;
    dropNode(node);
    return false;
  };
  tree.forEach((node) => visit(node, []));
  if (droppedIndices.size === 0) return { kept: reverse, dropped };

  const keep = (_: unknown, index: number): boolean => !droppedIndices.has(index);
  return {
    kept: {
      ...reverse,
      lines: reverse.lines.filter(keep),
      numbers: reverse.numbers.filter(keep),
      profileIds: reverse.profileIds.filter(keep),
    },
    dropped,
  };
}
