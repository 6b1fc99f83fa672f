import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under `root` (recursively) whose bytes contain one of `texts`, as UTF-8 or
 * UTF-16LE (SQLite and some loggers store text in either).
 */
export function filesContaining(root: string, texts: readonly string[]): string[] {
  const needles = texts.flatMap((text) => [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')]);
  const hits: string[] = [];
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) {
        const bytes = readFileSync(path);
        if (needles.some((needle) => bytes.includes(needle))) hits.push(path);
      }
    }
  };
  visit(root);
  return hits;
}
