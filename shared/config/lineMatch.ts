import type { ConfigSyntax } from './configSyntax';
import type { ConfigNode } from './types';

const OPAQUE = '<opaque>';
export const MASKED = '******';

/** Trimmed, with every whitespace run as one space: how lines are compared. */
export function normalizeLine(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** Replaces the opaque parts (every `secret*` group of every matching rule) with `replacement`. */
function replaceOpaque(syntax: ConfigSyntax, text: string, replacement: string): string | null {
  let result = text;
  let replaced = false;
  for (const rule of syntax.opaqueValues) {
    const match = rule.exec(result);
    const groups = match?.indices?.groups;
    if (!groups) continue;
    const spans = Object.entries(groups)
      .filter((entry): entry is [string, [number, number]] => entry[0].startsWith('secret') && entry[1] !== undefined)
      .map(([, span]) => span)
      .sort((left, right) => right[0] - left[0]);
    for (const [start, end] of spans) {
      result = result.slice(0, start) + replacement + result.slice(end);
      replaced = true;
    }
  }
  return replaced ? result : null;
}

/** The line with its opaque values masked, for display. Lines without one come back unchanged. */
export function maskOpaque(syntax: ConfigSyntax, text: string): string {
  const normalized = normalizeLine(text);
  const masked = replaceOpaque(syntax, normalized, MASKED);
  return masked === null ? text.trim() : masked;
}

/** Comparison key of a node: the normalised line, and for a block its body without delimiters. */
export function nodeKey(node: ConfigNode, syntax: ConfigSyntax): string {
  const line = normalizeLine(node.text);
  const start = syntax.blockStart?.exec(line);
  const delimiter = start?.groups?.delimiter;
  if (!start || !delimiter) return line;
  const head = line.slice(0, start.index + start[0].length - delimiter.length).trimEnd();
  const body = [line.slice(start[0].length), ...(node.block ?? [])].join('\n');
  const content = body.split(delimiter)[0] ?? '';
  const lines = content.split('\n').map(normalizeLine);
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  return [head, ...lines].join('\n');
}

function looseKey(syntax: ConfigSyntax, key: string): string | null {
  for (const token of syntax.deviceAddedTokens) {
    const added = token.exec(key)?.groups?.added;
    if (added) return key.replace(added, '');
  }
  return null;
}

/** The setting a single-valued line sets (`hostname`, `clock timezone`), or null. */
function settingOf(syntax: ConfigSyntax, key: string): string | null {
  for (const rule of syntax.singleValued) {
    const setting = rule.exec(key)?.groups?.setting;
    if (setting) return setting;
  }
  return null;
}

interface Entry {
  key: string;
  /** The key without device-added parts; null when it has none. */
  loose: string | null;
  node: ConfigNode;
}

/** The nodes of one level of the running configuration, indexed for matching desired lines. */
export class LevelIndex {
  private readonly exact = new Map<string, ConfigNode[]>();
  private readonly opaque = new Map<string, ConfigNode[]>();
  private readonly loose = new Map<string, ConfigNode[]>();
  /** Per single-valued setting, the line in effect: the last one shown. */
  private readonly effective = new Map<string, Entry>();
  readonly entries: readonly Entry[];

  constructor(
    private readonly syntax: ConfigSyntax,
    nodes: readonly ConfigNode[],
  ) {
    this.entries = nodes.map((node) => {
      const key = nodeKey(node, syntax);
      return { key, loose: looseKey(syntax, key), node };
    });
    for (const entry of this.entries) {
      const { key, loose, node } = entry;
      add(this.exact, key, node);
      const opaqueKey = replaceOpaque(syntax, key, OPAQUE);
      if (opaqueKey !== null) add(this.opaque, opaqueKey, node);
      if (loose !== null) add(this.loose, loose, node);
      const setting = settingOf(syntax, key);
      if (setting !== null) this.effective.set(setting, entry);
    }
  }

  /**
   * Running nodes equal to the desired line: exactly, outside opaque values, or but for
   * device-added parts. A single-valued line matches only the value in effect.
   */
  find(key: string, options: { opaque: boolean }): { nodes: ConfigNode[]; byOpaque: boolean } {
    const setting = settingOf(this.syntax, key);
    if (setting !== null) {
      const current = this.effective.get(setting);
      return { nodes: current?.key === key ? [current.node] : [], byOpaque: false };
    }
    const exact = this.exact.get(key);
    if (exact) return { nodes: exact, byOpaque: false };
    const opaqueKey = replaceOpaque(this.syntax, key, OPAQUE);
    if (opaqueKey !== null) {
      return { nodes: options.opaque ? (this.opaque.get(opaqueKey) ?? []) : [], byOpaque: true };
    }
    if (looseKey(this.syntax, key) === null) {
      const loose = this.loose.get(key);
      if (loose) return { nodes: loose, byOpaque: false };
    }
    return { nodes: [], byOpaque: false };
  }

  has(key: string): boolean {
    return this.exact.has(key);
  }

  /** The line in effect for the setting `key` sets, when it has another value; null otherwise. */
  replacedBy(key: string): ConfigNode | null {
    const setting = settingOf(this.syntax, key);
    const current = setting === null ? undefined : this.effective.get(setting);
    return current && current.key !== key ? current.node : null;
  }

  /**
   * Running nodes that a negation of `target` removes: the line itself or a longer one it begins;
   * or an entry the device numbered (`seq 5`) whose rest is exactly `target`. Such an entry is
   * removed only as a whole: FRR refuses `no ip prefix-list L permit 10.1.0.0/16` against
   * `ip prefix-list L seq 10 permit 10.1.0.0/16 le 24`.
   */
  startingWith(target: string): ConfigNode[] {
    const ignoreAdded = looseKey(this.syntax, target) === null;
    return this.entries
      .filter(({ key, loose }) => key === target || key.startsWith(target + ' ') || (ignoreAdded && loose === target))
      .map(({ node }) => node);
  }
}

function add(map: Map<string, ConfigNode[]>, key: string, node: ConfigNode): void {
  const list = map.get(key);
  if (list) list.push(node);
  else map.set(key, [node]);
}
