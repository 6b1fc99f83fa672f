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

/** `line` is `prefix` or begins with its words. */
function beginsWith(line: string, prefix: string): boolean {
  return line === prefix || line.startsWith(prefix + ' ');
}

const escapePattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Patterns of the shown lines a negation of `target` removes by the dialect's short forms. */
function shortFormTargets(syntax: ConfigSyntax, target: string): RegExp[] {
  return syntax.negationForms.flatMap(({ written, shown }) => {
    const match = written.exec(target);
    if (!match) return [];
    const groups = match.groups ?? {};
    return [new RegExp(shown.replace(/\$<(\w+)>/g, (_whole, name: string) => escapePattern(groups[name] ?? '')))];
  });
}

interface Entry {
  key: string;
  /** The first line of the key: a delimited block's head without delimiter (`banner login`), else the key. */
  head: string;
  /** The key without device-added parts; null when it has none. */
  loose: string | null;
  /** The key with its opaque values replaced; null when it has none. */
  opaque: string | null;
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
      return { key, head: key.split('\n')[0] ?? key, loose: looseKey(syntax, key), opaque: replaceOpaque(syntax, key, OPAQUE), node };
    });
    for (const entry of this.entries) {
      const { key, loose, opaque, node } = entry;
      add(this.exact, key, node);
      if (opaque !== null) add(this.opaque, opaque, node);
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
   * Running nodes that a negation of `target` removes:
   * - the line itself or a longer one it begins; a delimited block by its head (`no banner login`
   *   removes the shown `banner login ^C` block);
   * - the same outside opaque values, as positive lines match (`no crypto isakmp key KEY address
   *   HUB` removes the shown `crypto isakmp key ****** address HUB`), whatever `sendOpaqueValues`;
   * - an entry the device numbered (`seq 5`) whose rest is exactly `target`. Such an entry is
   *   removed only as a whole: FRR refuses `no ip prefix-list L permit 10.1.0.0/16` against
   *   `ip prefix-list L seq 10 permit 10.1.0.0/16 le 24`;
   * - a line of the dialect's short negation forms (VRP `undo acl inbound` → `acl 2001 inbound`).
   */
  removedBy(target: string): ConfigNode[] {
    const ignoreAdded = looseKey(this.syntax, target) === null;
    const opaqueTarget = replaceOpaque(this.syntax, target, OPAQUE);
    const shortForms = shortFormTargets(this.syntax, target);
    return this.entries
      .filter(
        ({ head, loose, opaque }) =>
          beginsWith(head, target) ||
          (opaqueTarget !== null && opaque !== null && beginsWith(opaque, opaqueTarget)) ||
          (ignoreAdded && loose === target) ||
          shortForms.some((form) => form.test(head)),
      )
      .map(({ node }) => node);
  }
}

function add(map: Map<string, ConfigNode[]>, key: string, node: ConfigNode): void {
  const list = map.get(key);
  if (list) list.push(node);
  else map.set(key, [node]);
}
