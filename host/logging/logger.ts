import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretMasker } from '../../shared/secrets/types';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * JSON-lines log file. Every line passes through the masker, so a secret registered with it
 * can never reach the log, whatever field it hides in. Synchronous appends: a crash loses at
 * most the line being written.
 */
export function createFileLogger(logDir: string, masker: SecretMasker, options: { echo?: (line: string) => void } = {}): Logger {
  const file = join(logDir, 'host.log');
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    const line = masker.mask(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
    try {
      appendFileSync(file, line + '\n', { mode: 0o600 });
    } catch {
      // Logging must never take the host down (disk full, folder removed).
    }
    options.echo?.(line);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
