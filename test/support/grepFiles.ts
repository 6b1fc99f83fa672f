import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `root` (recursively) whose bytes contain any of `needles`. */
export function filesContaining(root: string, needles: readonly string[]): string[] {
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else if (info.isFile()) {
        const content = readFileSync(path);
        if (needles.some((needle) => needle.length > 0 && content.includes(needle))) hits.push(path);
      }
    }
  };
  walk(root);
  return hits;
}
