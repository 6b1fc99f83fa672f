import type { DialectId } from '../contract/device';
import { parseConfig } from '../config';
import type { ConfigNode } from '../config';

/** Whether the saved (startup) configuration holds what is running, and the lines that differ. */
export interface SavedComparison {
  equal: boolean;
  /**
   * `running only: <path> / <line>` for unsaved lines, `saved only: <path> / <line>` for lines the
   * next reload would bring back. Section headers are joined with ` / `. Running order.
   */
  differences: string[];
}

/**
 * Lines that change without anyone changing the configuration: IOS `ntp clock-period` (written by
 * the NTP process), IOS `show startup-config`'s `Using N out of M bytes` header. `!` comments
 * (`! Last configuration change at ...`, `! NVRAM config last updated ...`), `Building
 * configuration...` and `Current configuration : N bytes` are already skipped by `parseConfig`.
 */
const VOLATILE: readonly RegExp[] = [/^ntp clock-period \d+$/, /^Using \d+ out of \d+ bytes/];

function flatten(nodes: readonly ConfigNode[], path: readonly string[], out: string[]): void {
  for (const node of nodes) {
    const text = node.text.trim().replace(/\s+/g, ' ');
    if (VOLATILE.some((pattern) => pattern.test(text))) continue;
    const body = node.block ? [text, ...node.block.map((line) => line.trim())].join('\n') : text;
    out.push([...path, body].join(' / '));
    flatten(node.children, [...path, text], out);
  }
}

function keys(dialect: DialectId, text: string): string[] {
  const out: string[] = [];
  flatten(parseConfig(dialect, text).nodes, [], out);
  return out;
}

/**
 * Compares a saved configuration (IOS `show startup-config`, VRP/Comware `display
 * saved-configuration`) with the running one, line by line within sections; order inside a
 * section and whitespace runs do not count. Pure. Throws `UnsupportedConfigFormatError` for Junos
 * braces text (Junos saves on commit: there is nothing to compare).
 */
export function savedMatchesRunning(dialect: DialectId, startup: string, running: string): SavedComparison {
  const saved = keys(dialect, startup);
  const current = keys(dialect, running);
  const savedSet = new Set(saved);
  const currentSet = new Set(current);
  const differences = [
    ...current.filter((key) => !savedSet.has(key)).map((key) => `running only: ${key}`),
    ...saved.filter((key) => !currentSet.has(key)).map((key) => `saved only: ${key}`),
  ];
  return { equal: differences.length === 0, differences };
}
