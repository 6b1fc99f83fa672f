import { CommandTable, splitWords, type CommandMatch } from './commandTable';
import { ensureSection, removeLines, setLeaf, type ConfigNode } from './configTree';
import type { ConnectionState } from './types';

/** A command that opens a sub-mode (`interface X` → `R1(config-if)#`, `[R1-GigabitEthernet0/0/1]`). */
export interface SectionSpec {
  shape: string;
  /** Table that applies inside the section. */
  table: string;
  /** What the prompt shows; computed from the command's words (keywords written out) and the enclosing label. */
  label: string | ((words: readonly string[], parentLabel: string | undefined) => string);
}

export interface ConfigTableSpec {
  commands: readonly string[];
  sections?: readonly SectionSpec[];
}

/** Configuration-mode recognition of one CLI: tables per sub-mode, keyed by name; `global` is the top. */
export interface HierarchySpec {
  tables: Readonly<Record<string, ConfigTableSpec>>;
  /** `no` (IOS-like) or `undo` (VRP-like). */
  negation: string;
  /** Leaves a device keeps once: a new value replaces the old (`hostname`, `description`, `ip address`). */
  singletons: readonly string[];
  /** Commands that act at once and are not kept in the configuration (`crypto key generate rsa`). */
  transient?: readonly string[];
  /**
   * Commands on by default and not shown while on (IOS `service pad`, `ip redirects`): `X` only
   * takes back a shown `no X`, and `no X` is shown.
   */
  hiddenDefaults?: readonly string[];
  /**
   * Commands whose off state the device lists as `no X` (IOS `no ip address`, `no aaa new-model`):
   * `no X …` leaves `no X` where X was. Any other negation only removes what it names: the device
   * shows nothing for a setting at its default.
   */
  shownNegated?: readonly string[];
  /**
   * Negations that name a setting without its value (VRP `undo acl inbound` removes
   * `acl 2001 inbound`): the typed words (after `undo`) and what they remove besides the lines
   * starting with them.
   */
  negationTargets?: readonly NegationTarget[];
  /** Expands abbreviated interface names as the device stores them (`gi0/1` → `GigabitEthernet0/1`). */
  interfaceNames: readonly string[];
}

export interface NegationTarget {
  typed: RegExp;
  removes(match: RegExpExecArray): RegExp;
}

export type ConfigOutcome =
  | { kind: 'applied'; line: string; negated: boolean }
  | { kind: 'rejected'; match: Exclude<CommandMatch, { kind: 'match' }> };

interface CompiledTable {
  table: CommandTable;
  sections: ReadonlyMap<string, SectionSpec>;
}

/** Compiled tables of one hierarchy; build once per persona. */
export class Hierarchy {
  private readonly compiled = new Map<string, CompiledTable>();

  constructor(readonly spec: HierarchySpec) {
    for (const [name, table] of Object.entries(spec.tables)) {
      const sections = new Map((table.sections ?? []).map((section) => [section.shape, section]));
      this.compiled.set(name, { table: new CommandTable([...table.commands, ...sections.keys()]), sections });
    }
  }

  /**
   * Applies one configuration line at the connection's current level: a leaf is stored, a section
   * opened, a negated line removed. A line the current sub-mode does not know is tried in the
   * enclosing levels, which the connection then returns to, as IOS and VRP do.
   */
  apply(root: ConfigNode, connection: ConnectionState, line: string): ConfigOutcome {
    const typed = splitWords(line);
    const negated = typed.length > 0 && this.spec.negation.startsWith(typed[0]?.toLowerCase() ?? '') && (typed[0]?.length ?? 0) >= 2;
    const words = negated ? typed.slice(1) : typed;
    let firstRejection: Exclude<CommandMatch, { kind: 'match' }> | undefined;
    for (let depth = connection.sections.length; depth >= 0; depth -= 1) {
      const tableName = depth === 0 ? 'global' : (connection.sections[depth - 1]?.table ?? 'global');
      const compiled = this.compiled.get(tableName);
      if (!compiled) continue;
      const match = compiled.table.match(words);
      const usable = match.kind === 'match' || (negated && match.kind === 'incomplete' && match.words.length > 0);
      if (!usable) {
        firstRejection ??= shiftRejection(match, negated);
        continue;
      }
      connection.sections = connection.sections.slice(0, depth);
      const parent = depth === 0 ? root : (connection.sections[depth - 1]?.node ?? root);
      const canonical = this.canonical(match.words);
      if (negated) {
        removeLines(parent, canonical);
        for (const target of this.spec.negationTargets ?? []) {
          const found = target.typed.exec(canonical);
          if (!found) continue;
          const removes = target.removes(found);
          parent.children = parent.children.filter((child) => !removes.test(child.line));
        }
        const shown = this.spec.hiddenDefaults?.includes(canonical) ? canonical : this.spec.shownNegated?.find((key) => startsWithWords(canonical, key));
        if (shown !== undefined) setLeaf(parent, `${this.spec.negation} ${shown}`);
        return { kind: 'applied', line: canonical, negated: true };
      }
      const section = match.kind === 'match' ? compiled.sections.get(match.shape.source) : undefined;
      if (section) {
        const node = ensureSection(parent, canonical);
        const label = typeof section.label === 'string' ? section.label : section.label(canonical.split(' '), connection.sections.at(-1)?.label);
        connection.sections.push({ node, label, table: section.table });
        return { kind: 'applied', line: canonical, negated: false };
      }
      if (match.kind === 'match' && this.spec.transient?.includes(match.shape.source)) return { kind: 'applied', line: canonical, negated: false };
      const singleton = this.spec.singletons.find((key) => startsWithWords(canonical, key));
      const negatedForm = this.spec.shownNegated?.find((key) => startsWithWords(canonical, key)) ?? singleton ?? canonical;
      removeLines(parent, `${this.spec.negation} ${negatedForm}`);
      if (!this.spec.hiddenDefaults?.includes(canonical)) setLeaf(parent, canonical, singleton);
      return { kind: 'applied', line: canonical, negated: false };
    }
    return { kind: 'rejected', match: firstRejection ?? { kind: 'invalid', wordIndex: 0 } };
  }

  private canonical(words: readonly string[]): string {
    const [keyword, name, ...rest] = words;
    if (keyword === 'interface' && name !== undefined) return ['interface', expandInterface(name, this.spec.interfaceNames), ...rest].join(' ');
    return words.join(' ');
  }
}

function startsWithWords(line: string, prefix: string): boolean {
  return line === prefix || line.startsWith(`${prefix} `);
}

/** The caret of a negated line points one word further (past `no`/`undo`). */
function shiftRejection(match: CommandMatch, negated: boolean): Exclude<CommandMatch, { kind: 'match' }> {
  if (match.kind === 'match') return { kind: 'invalid', wordIndex: 0 };
  if (!negated || match.kind === 'incomplete') return match;
  return { ...match, wordIndex: match.wordIndex + 1 };
}

/**
 * `gi0/1`, `gigabitethernet0/1` → `GigabitEthernet0/1`: the first of `names` whose start the
 * letters abbreviate. An entry `GE=GigabitEthernet` also takes the exact alias `GE` (VRP).
 */
export function expandInterface(name: string, names: readonly string[]): string {
  const split = /^([A-Za-z-]+)\s*(.*)$/.exec(name);
  if (!split?.[1]) return name;
  const letters = split[1].toLowerCase();
  for (const entry of names) {
    const separator = entry.indexOf('=');
    const alias = separator < 0 ? entry : entry.slice(0, separator);
    const full = separator < 0 ? entry : entry.slice(separator + 1);
    const matches = entry.includes('=') ? alias.toLowerCase() === letters : full.toLowerCase().startsWith(letters);
    if (matches) return `${full}${split[2] ?? ''}`;
  }
  return name;
}
