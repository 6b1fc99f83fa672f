import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunId, type EventOf } from '../../shared/contract';
import type { DeviceLine, LineCallOptions } from './deviceLine';
import type { ProfileLookup } from './desiredConfig';

/** Everything a provisioning operation needs besides its request. */
export interface ProvisionContext {
  line: DeviceLine;
  sessionId: string;
  /** The transport's description (`telnet 127.0.0.1:2601`), for the journal. */
  target: string;
  /** Where journals and backups go; null keeps neither (dry runs and tests only). */
  runsDir: string | null;
  /** Masks known secrets (the session's and the profiles' secret values) and secret patterns. */
  mask(text: string): string;
  lookup: ProfileLookup;
  /** Registers the secret parameter values of rendered profiles, before any line is sent. */
  addSecrets?(secrets: readonly string[]): void;
  progress?(event: EventOf<'provision.progress'>): void;
  call?: LineCallOptions;
}

/** `20250301T102107-1a2b3c4d5e6f`: sortable by time, unique by its random part. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return RunId.parse(`${stamp}-${randomBytes(6).toString('hex')}`);
}

export function backupPath(runsDir: string, runId: string): string {
  return join(runsDir, `${RunId.parse(runId)}.backup.txt`);
}

/** Writes the (masked) running configuration taken before a run; owner-only, as the data folder. */
export function writeBackup(runsDir: string, runId: string, text: string): string {
  mkdirSync(runsDir, { recursive: true, mode: 0o700 });
  const path = backupPath(runsDir, runId);
  writeFileSync(path, text.endsWith('\n') ? text : text + '\n', { mode: 0o600, flag: 'wx' });
  return path;
}

export function readBackup(runsDir: string, runId: string): string | null {
  try {
    return readFileSync(backupPath(runsDir, runId), 'utf8');
  } catch {
    return null;
  }
}
