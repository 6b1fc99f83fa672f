/**
 * A configuration as devices keep it: an ordered tree of command lines, where a section command
 * (`interface X`, `aaa`, `line vty 0 4`) owns indented child lines. Operations mutate in place.
 */
export interface ConfigNode {
  line: string;
  children: ConfigNode[];
}

export function createRoot(): ConfigNode {
  return { line: '', children: [] };
}

export function cloneTree(node: ConfigNode): ConfigNode {
  return { line: node.line, children: node.children.map(cloneTree) };
}

/** Finds the child section `line`, creating it at the end when missing. */
export function ensureSection(parent: ConfigNode, line: string): ConfigNode {
  const existing = parent.children.find((child) => child.line === line);
  if (existing) return existing;
  const created: ConfigNode = { line, children: [] };
  parent.children.push(created);
  return created;
}

function startsWithWords(line: string, prefix: string): boolean {
  return line === prefix || line.startsWith(`${prefix} `);
}

/**
 * Adds a leaf line. When `replacing` is given, children starting with those words are replaced
 * in place (`hostname`, `description`, `ip address`: the device keeps one); an exact duplicate is
 * not added twice.
 */
export function setLeaf(parent: ConfigNode, line: string, replacing?: string): void {
  if (replacing !== undefined) {
    const index = parent.children.findIndex((child) => startsWithWords(child.line, replacing));
    if (index >= 0) {
      parent.children[index] = { line, children: [] };
      parent.children = parent.children.filter((child, position) => position === index || !startsWithWords(child.line, replacing));
      return;
    }
  }
  if (!parent.children.some((child) => child.line === line)) parent.children.push({ line, children: [] });
}

/** Removes the children equal to `prefix` or starting with its words (`no description`, `undo interface Tunnel0`). */
export function removeLines(parent: ConfigNode, prefix: string): number {
  const before = parent.children.length;
  parent.children = parent.children.filter((child) => !startsWithWords(child.line, prefix));
  return before - parent.children.length;
}

export function findLine(parent: ConfigNode, prefix: string): ConfigNode | undefined {
  return parent.children.find((child) => startsWithWords(child.line, prefix));
}

/**
 * Builds a tree from indented text: a line indented deeper than the one before is its child.
 * Lines matching `skip` (separators such as `!` or `#`) and blank lines are left out.
 */
export function parseIndented(text: string, skip: RegExp): ConfigNode {
  const root = createRoot();
  const stack: { node: ConfigNode; indent: number }[] = [{ node: root, indent: -1 }];
  for (const raw of text.split('\n')) {
    if (raw.trim() === '' || skip.test(raw.trim())) continue;
    const indent = raw.length - raw.trimStart().length;
    while (stack.length > 1 && (stack[stack.length - 1]?.indent ?? -1) >= indent) stack.pop();
    const parent = stack[stack.length - 1]?.node ?? root;
    const node: ConfigNode = { line: raw.trim(), children: [] };
    parent.children.push(node);
    stack.push({ node, indent });
  }
  return root;
}

/**
 * Adds the hardware sections `ports` (`interface GigabitEthernet0/0/1`, `voice-port 0/1/0`) that
 * `root` lacks, after the last section of the same kind; an interface gets `interfaceDefaults`
 * as children (what the vendor shows for an unused port).
 */
export function addPorts(root: ConfigNode, ports: readonly string[], interfaceDefaults: readonly string[]): void {
  for (const line of ports) {
    if (root.children.some((child) => child.line === line)) continue;
    const kind = line.split(' ')[0] ?? '';
    let last = -1;
    root.children.forEach((child, index) => {
      if (child.line.startsWith(`${kind} `) || child.line.startsWith('interface ')) last = index;
    });
    const defaults = kind === 'interface' ? interfaceDefaults : [];
    root.children.splice(last + 1, 0, { line, children: defaults.map((text) => ({ line: text, children: [] })) });
  }
}

/** Every line of the tree, children indented by `indent` per level (the root itself is not printed). */
export function renderLines(node: ConfigNode, indent: string, depth = 0): string[] {
  const lines: string[] = [];
  for (const child of node.children) {
    lines.push(indent.repeat(depth) + child.line);
    lines.push(...renderLines(child, indent, depth + 1));
  }
  return lines;
}
