import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { FieldKitError } from '../../../shared/contract';
import type { HostKeyIdentity } from './hostKey';

/** One remembered device key. */
export interface KnownHostEntry extends HostKeyIdentity {
  /** ISO time the key was first stored (or stored again after a confirmed change). */
  addedAt: string;
}

/**
 * The devices' SSH host keys FieldKit has seen, keyed by `host:port` (`[v6addr]:port`). A device
 * answering on several addresses or ports is several entries, as in OpenSSH.
 */
export interface KnownHostsStore {
  lookup(host: string, port: number): Promise<KnownHostEntry | undefined>;
  /** Stores (or replaces) the key for host:port. */
  remember(host: string, port: number, key: HostKeyIdentity): Promise<void>;
  forget(host: string, port: number): Promise<void>;
}

const Entry = z.object({
  fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]+$/),
  algorithm: z.string().min(1),
  addedAt: z.string(),
});
const StoreFile = z.object({
  version: z.literal(1),
  hosts: z.record(z.string(), Entry),
});
type StoreFile = z.infer<typeof StoreFile>;

/** The store's key for an endpoint: host names are case-insensitive; IPv6 addresses get brackets. */
export function endpointKey(host: string, port: number): string {
  const name = host.trim().toLowerCase();
  return name.includes(':') ? `[${name}]:${port}` : `${name}:${port}`;
}

/**
 * A JSON file, readable by the owner only (0600), in the host's data folder. Every operation
 * reads the file afresh (another FieldKit process may have written it) and every change is
 * written to a temporary file and renamed over it, so a crash never leaves half a file.
 * Changes from this process are applied one after another.
 *
 * A damaged file is an error, never an empty store: silently forgetting every key would turn
 * the next changed key into a "first use".
 */
export class JsonKnownHostsStore implements KnownHostsStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async lookup(host: string, port: number): Promise<KnownHostEntry | undefined> {
    await this.queue.catch(() => undefined);
    const file = await this.read();
    return file.hosts[endpointKey(host, port)];
  }

  remember(host: string, port: number, key: HostKeyIdentity): Promise<void> {
    return this.change((file) => {
      file.hosts[endpointKey(host, port)] = { fingerprint: key.fingerprint, algorithm: key.algorithm, addedAt: this.now().toISOString() };
    });
  }

  forget(host: string, port: number): Promise<void> {
    return this.change((file) => {
      delete file.hosts[endpointKey(host, port)];
    });
  }

  private change(edit: (file: StoreFile) => void): Promise<void> {
    const next = this.queue.catch(() => undefined).then(async () => {
      const file = await this.read();
      edit(file);
      await this.write(file);
    });
    this.queue = next;
    return next;
  }

  private async read(): Promise<StoreFile> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (isMissing(error)) return { version: 1, hosts: {} };
      throw new FieldKitError('Internal', `cannot read the known SSH host keys file ${this.path} (${describe(error)})`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw this.damaged(describe(error));
    }
    const result = StoreFile.safeParse(parsed);
    if (!result.success) throw this.damaged(result.error.issues[0]?.message ?? 'unexpected content');
    return result.data;
  }

  private async write(file: StoreFile): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const temporary = `${this.path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
      // The mode given to writeFile is filtered by the umask; the store must stay owner-only.
      await chmod(temporary, 0o600);
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new FieldKitError('Internal', `cannot write the known SSH host keys file ${this.path} (${describe(error)})`);
    }
  }

  private damaged(reason: string): FieldKitError {
    return new FieldKitError(
      'Internal',
      `the known SSH host keys file ${this.path} is damaged (${reason}). Repair it, or delete it to forget every device's key.`,
    );
  }
}

export function createKnownHostsStore(path: string): KnownHostsStore {
  return new JsonKnownHostsStore(path);
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
