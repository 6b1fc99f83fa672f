import type { ConfigNode } from '../configTree';

/**
 * Junos configurations are kept as `set` statements (one child of the root per statement, without
 * the `set`), and shown in Junos' curly-brace form. The brace form is rebuilt with a small grammar:
 * names that take a value (`unit 0`, `family inet`) stay on one line with it, the last word of
 * a statement that is a value goes with its keyword (`host-name R1;`). Good enough to read; exact
 * text is what `| display set` gives.
 */

const NAMED = new Set(['unit', 'family', 'group', 'neighbor', 'proposal', 'policy', 'gateway', 'vpn', 'user', 'class', 'area', 'interface', 'from-zone', 'to-zone', 'security-zone', 'term', 'filter', 'host', 'server', 'community', 'instance', 'file', 'address-book']);
const VALUED = new Set([
  'host-name', 'address', 'description', 'domain-name', 'time-zone', 'encrypted-password', 'pre-shared-key', 'authentication-method', 'dh-group',
  'encryption-algorithm', 'authentication-algorithm', 'lifetime-seconds', 'external-interface', 'ike-policy', 'proposals', 'bind-interface',
  'mode', 'version', 'uid', 'name-server', 'protocol-version', 'root-login', 'local-address', 'peer-as', 'local-as', 'router-id', 'type', 'protocol',
  'autonomous-system', 'next-hop', 'authentication-order', 'boot-server', 'location', 'contact', 'ascii-text', 'authentication-sha', 'privacy-aes128',
]);

interface BraceNode {
  name: string;
  children: BraceNode[];
  leaf: boolean;
}

function tokens(statement: string): string[] {
  const words = statement.match(/"[^"]*"|\S+/g) ?? [];
  const grouped: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] ?? '';
    const next = words[index + 1];
    const isLast = index + 2 === words.length;
    if (next !== undefined && (NAMED.has(word) || (isLast && VALUED.has(word)))) {
      grouped.push(`${word} ${next}`);
      index += 1;
    } else {
      grouped.push(word);
    }
  }
  return grouped;
}

export function renderBraces(root: ConfigNode, header: string[] = []): string {
  const top: BraceNode = { name: '', children: [], leaf: false };
  for (const child of root.children) {
    let node = top;
    const parts = tokens(child.line);
    parts.forEach((part, index) => {
      const leaf = index === parts.length - 1;
      // `family inet;` and `family inet { address …; }` are one statement: the block wins.
      let next = node.children.find((candidate) => candidate.name === part);
      if (!next) {
        next = { name: part, children: [], leaf };
        node.children.push(next);
      } else if (!leaf) {
        next.leaf = false;
      }
      node = next;
    });
  }
  const lines = [...header];
  const walk = (node: BraceNode, depth: number): void => {
    const indent = '    '.repeat(depth);
    if (node.leaf) {
      lines.push(`${indent}${node.name};`);
      return;
    }
    lines.push(`${indent}${node.name} {`);
    for (const child of node.children) walk(child, depth + 1);
    lines.push(`${indent}}`);
  };
  for (const child of top.children) walk(child, 0);
  return lines.join('\n') + '\n';
}

/** Statements that hold one value: a new `set` replaces the old one (`system host-name`). */
const SINGLE_VALUED = new Set(['host-name', 'description', 'domain-name', 'time-zone', 'protocol-version', 'root-login', 'router-id', 'autonomous-system', 'encrypted-password']);

/** The statement prefix a new `set` replaces, or undefined when statements accumulate. */
export function replacedPrefix(statement: string): string | undefined {
  const words = statement.split(' ');
  const keyword = words[words.length - 2];
  return keyword !== undefined && SINGLE_VALUED.has(keyword) ? words.slice(0, -1).join(' ') : undefined;
}

export function renderSetLines(root: ConfigNode, prefix = 'set'): string {
  return root.children.map((child) => `${prefix} ${child.line}`).join('\n') + '\n';
}

/** `show | compare`: statements removed and added, as Junos marks them with - and +. */
export function compareConfigs(committed: ConfigNode, candidate: ConfigNode): string {
  const before = new Set(committed.children.map((child) => child.line));
  const after = new Set(candidate.children.map((child) => child.line));
  const removed = [...before].filter((line) => !after.has(line)).map((line) => `- ${line}`);
  const added = [...after].filter((line) => !before.has(line)).map((line) => `+ ${line}`);
  const all = [...removed, ...added];
  return all.length === 0 ? '' : `[edit]\n${all.join('\n')}\n`;
}

export function sameStatements(first: ConfigNode, second: ConfigNode): boolean {
  const left = first.children.map((child) => child.line);
  const right = second.children.map((child) => child.line);
  return left.length === right.length && left.every((line, index) => line === right[index]);
}
