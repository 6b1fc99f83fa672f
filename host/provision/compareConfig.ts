import type { DialectId } from '../../shared/contract';
import { parseConfig, type ConfigNode } from '../../shared/config';

/**
 * Lines that change by themselves and say nothing about what was configured: IOS's NTP drift
 * (`ntp clock-period`), timestamps some devices print as configuration, FRR's version banner.
 */
const VOLATILE: readonly RegExp[] = [/^ntp clock-period /, /^frr version /, /^!?\s*Last configuration change/i, /^!?\s*NVRAM config last updated/i];

export interface ConfigDifferences {
  /** In the reference (backup) but not in the current configuration. */
  missing: string[];
  /** In the current configuration but not in the reference. */
  extra: string[];
}

function flatten(nodes: readonly ConfigNode[], path: string, out: Map<string, number>): void {
  for (const node of nodes) {
    const text = node.text.trim().replace(/\s+/g, ' ');
    if (VOLATILE.some((pattern) => pattern.test(text))) continue;
    const key = path === '' ? text : `${path} > ${text}`;
    const block = node.block ? `${key}\n${node.block.join('\n')}` : key;
    out.set(block, (out.get(block) ?? 0) + 1);
    flatten(node.children, key, out);
  }
}

/**
 * Compares two running configurations as parsed trees (hierarchy kept, order inside a section
 * ignored, volatile lines skipped). Lines are shown as `section > line`.
 */
export function compareConfigs(dialect: DialectId, reference: string, current: string): ConfigDifferences {
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  flatten(parseConfig(dialect, reference).nodes, '', before);
  flatten(parseConfig(dialect, current).nodes, '', after);
  const missing: string[] = [];
  const extra: string[] = [];
  for (const [line, count] of before) for (let left = count - (after.get(line) ?? 0); left > 0; left -= 1) missing.push(line);
  for (const [line, count] of after) for (let left = count - (before.get(line) ?? 0); left > 0; left -= 1) extra.push(line);
  return { missing, extra };
}
