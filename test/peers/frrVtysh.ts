import { execFile } from 'node:child_process';
import { frrLayout } from './frrFiles';

/** What a test worker needs to run vtysh against a peer started in another process. */
export interface FrrShellFacts {
  stateDir: string;
  /** Masked as *** in error messages. */
  secrets?: string[];
}

export interface FrrShell {
  /** Runs `vtysh -c` for each command, in order, in one vtysh; resolves its stdout. */
  vtysh(commands: string[] | string): Promise<string>;
}

const vtyshTimeoutMilliseconds = 60_000;

/** Replaces every occurrence of each secret with ***. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce((masked, secret) => masked.split(secret).join('***'), text);
}

/**
 * vtysh inside the peer's namespace. Rejects when vtysh exits non-zero (FRR does so when a
 * command fails), with its output, secrets masked, in the message.
 */
export function runVtysh(facts: FrrShellFacts, commands: string[] | string): Promise<string> {
  const list = typeof commands === 'string' ? [commands] : commands;
  const args = list.flatMap((command) => ['-c', command]);
  const secrets = facts.secrets ?? [];
  return new Promise((resolve, reject) => {
    execFile(
      frrLayout(facts.stateDir).vtyshWrapper,
      args,
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: vtyshTimeoutMilliseconds },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve(stdout);
          return;
        }
        const output = `${stdout}${stderr}`.trimEnd();
        reject(new Error(maskSecrets(`vtysh ${list.map((command) => `-c '${command}'`).join(' ')} failed (${error.message.split('\n')[0]}):\n${output}`, secrets)));
      },
    );
  });
}

/** A vtysh runner for a peer whose FrrPeer object lives in another process (vitest globalSetup). */
export function attachFrr(facts: FrrShellFacts): FrrShell {
  return { vtysh: (commands) => runVtysh(facts, commands) };
}

/** The version from `show version` output ("FRRouting 8.4.4 (r1) on Linux(...)." gives "8.4.4"). */
export function parseFrrVersion(showVersion: string): string {
  const match = /FRRouting (\S+) \(/.exec(showVersion);
  if (match?.[1] === undefined) throw new Error(`no FRR version in: ${showVersion.split('\n')[0] ?? ''}`);
  return match[1];
}
