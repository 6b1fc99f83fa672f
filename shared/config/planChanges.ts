import type { DialectId } from '../contract/device';
import { configSyntax, type ConfigSyntax } from './configSyntax';
import { LevelIndex, maskOpaque, nodeKey } from './lineMatch';
import { parseConfig, parseLines } from './parseConfig';
import type { ConfigNode, ConfigTree, DiffLine, Plan, PlanOptions, PlannedLine } from './types';

interface Context {
  syntax: ConfigSyntax;
  options: PlanOptions;
}

interface LevelResult {
  toSend: PlannedLine[];
  alreadyPresent: string[];
  diff: DiffLine[];
}

function display(context: Context, text: string): string {
  const masked = maskOpaque(context.syntax, text);
  return context.options.mask ? context.options.mask(masked) : masked;
}

/** The desired line and its block lines, each with its index in the desired lines. */
function lineAndBlock(node: ConfigNode, path: string[]): PlannedLine[] {
  const lines: PlannedLine[] = [{ text: node.text, sourceIndex: node.line, path }];
  (node.block ?? []).forEach((text, offset) => lines.push({ text, sourceIndex: node.line + 1 + offset, path }));
  return lines;
}

function removedLines(context: Context, nodes: readonly ConfigNode[], path: string[]): DiffLine[] {
  return nodes.flatMap((node) => [
    { kind: 'remove' as const, text: display(context, node.text), path },
    ...(node.block ?? []).map((text) => ({ kind: 'remove' as const, text: display(context, text), path })),
    ...removedLines(context, node.children, [...path, node.text]),
  ]);
}

/**
 * `no X`: present when the running level shows `no X` itself, or (X not being a hidden default)
 * shows no line the negation removes (`LevelIndex.removedBy`: X or a line beginning with it, also
 * outside opaque values, or a shown form of a short negation). Returns the lines it removes.
 */
function negationStatus(context: Context, key: string, index: LevelIndex): { present: boolean; removes: ConfigNode[] } | null {
  const { prefix, positivePrefix } = context.syntax.negation;
  if (!key.startsWith(prefix)) return null;
  const positive = key.slice(prefix.length);
  const removes = index.removedBy(positivePrefix + positive);
  if (index.has(key)) return { present: true, removes: [] };
  const hidden = context.syntax.hiddenDefaults.includes(positive);
  return { present: !hidden && removes.length === 0, removes };
}

/** A positive line that is a hidden default is present unless its negation is shown. */
function hiddenDefaultPresent(context: Context, key: string, index: LevelIndex): boolean {
  return context.syntax.hiddenDefaults.includes(key) && !index.has(context.syntax.negation.prefix + key);
}

function planLevel(context: Context, desired: readonly ConfigNode[], running: readonly ConfigNode[] | null, path: string[]): LevelResult {
  const result: LevelResult = { toSend: [], alreadyPresent: [], diff: [] };
  // `null`: the section is new on the device; every line of it is sent, negations included,
  // since the state of a section that does not exist yet cannot be read.
  const index = running ? new LevelIndex(context.syntax, running) : null;
  for (const node of desired) {
    const key = nodeKey(node, context.syntax);
    const shown = display(context, node.text);
    const blockShown = (node.block ?? []).map((text) => display(context, text));
    const markPresent = (): void => {
      result.alreadyPresent.push(shown);
      result.diff.push({ kind: 'context', text: shown, path }, ...blockShown.map((text) => ({ kind: 'context' as const, text, path })));
    };
    const markAdd = (): void => {
      result.toSend.push(...lineAndBlock(node, path));
      result.diff.push({ kind: 'add', text: shown, path }, ...blockShown.map((text) => ({ kind: 'add' as const, text, path })));
    };

    const negation = index && node.children.length === 0 ? negationStatus(context, key, index) : null;
    if (negation) {
      if (negation.present) {
        markPresent();
      } else {
        result.toSend.push(...lineAndBlock(node, path));
        result.diff.push(...(negation.removes.length > 0 ? removedLines(context, negation.removes, path) : [{ kind: 'add' as const, text: shown, path }]));
      }
      continue;
    }

    const found = index ? index.find(key, { opaque: context.options.sendOpaqueValues !== true }) : { nodes: [], byOpaque: false };
    if (node.children.length === 0) {
      if (found.nodes.length > 0 || (index && hiddenDefaultPresent(context, key, index))) {
        markPresent();
        continue;
      }
      const replaced = index?.replacedBy(key);
      if (replaced) result.diff.push(...removedLines(context, [replaced], path));
      markAdd();
      continue;
    }

    const sectionPath = [...path, node.text];
    const inner = planLevel(context, node.children, found.nodes.length > 0 ? found.nodes.flatMap((match) => match.children) : null, sectionPath);
    if (inner.toSend.length === 0) {
      markPresent();
      result.alreadyPresent.push(...inner.alreadyPresent);
      result.diff.push(...inner.diff);
      continue;
    }
    result.toSend.push({ text: node.text, sourceIndex: node.line, path }, ...inner.toSend);
    const exit = node.closer?.text ?? context.syntax.exitCommand;
    if (exit !== null) result.toSend.push({ text: exit, sourceIndex: node.closer?.line ?? null, path: sectionPath });
    result.alreadyPresent.push(...inner.alreadyPresent);
    result.diff.push({ kind: found.nodes.length > 0 ? 'context' : 'add', text: shown, path }, ...inner.diff);
  }
  return result;
}

/**
 * Plans what to send so that the running configuration contains the desired lines.
 *
 * `desired` are rendered lines whose indentation is their hierarchy (one more space per
 * sub-mode). A line already present under the same section path is not sent; a section whose
 * lines are all present is not entered; an entered section is left with the exit the desired
 * lines wrote (`exit-address-family`) or the dialect's (`exit`, `quit`). See README.md beside this
 * file for the matching rules (whitespace, opaque values, negations, hidden defaults).
 */
export function planChanges(dialect: DialectId, running: ConfigTree | string, desired: readonly string[], options: PlanOptions = {}): Plan {
  const syntax = configSyntax(dialect);
  const runningNodes = typeof running === 'string' ? parseConfig(dialect, running).nodes : running.nodes;
  const desiredNodes = parseLines(syntax, desired, false);
  return planLevel({ syntax, options }, desiredNodes, runningNodes, []);
}
