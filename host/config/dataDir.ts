import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where FieldKit keeps its records: `FIELDKIT_DATA_DIR` if set, else the platform's per-user
 * data folder. The Electron shell passes `app.getPath('userData')` explicitly.
 */
export function resolveDataDir(explicit?: string): string {
  const fromEnv = process.env['FIELDKIT_DATA_DIR'];
  const chosen = explicit ?? (fromEnv && fromEnv.length > 0 ? fromEnv : defaultDataDir());
  const dir = resolve(chosen);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

function defaultDataDir(): string {
  if (process.platform === 'win32') return join(process.env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'FieldKit');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'FieldKit');
  return join(process.env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'fieldkit');
}

export function subDir(dataDir: string, name: 'transcripts' | 'logs' | 'runs'): string {
  const dir = join(dataDir, name);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
