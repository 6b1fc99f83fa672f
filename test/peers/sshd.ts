import { execFileSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeLoopbackPort, ownsLoopbackListener, waitForGreeting } from './localPorts';
import { isAlive, killTrees, killTreesNow, spawnDetached, type TrackedProcess } from './processTree';

/**
 * A real OpenSSH server (Debian's /usr/sbin/sshd, package openssh-server) on 127.0.0.1, for
 * the SSH transport's tests. It runs as root in the foreground with a generated config in a
 * fresh temp folder: its own ed25519 host key, PID file and log. Every login is the dedicated
 * test user `fktest` (created with `useradd -m -s /bin/bash` when missing; its password is
 * set with `chpasswd` on each start), and every session runs `shellCommand` (ForceCommand)
 * on a pty. PAM is on, because keyboard-interactive in OpenSSH on Linux goes through PAM.
 */

export type SshAuthMethod = 'password' | 'keyboard-interactive' | 'publickey';

export interface StartSshdOptions {
  /** The program and arguments every session runs, whatever the client asks for. */
  shellCommand: string[];
  /** Becomes fktest's password. Printable, no ':' (chpasswd's separator). */
  password: string;
  /** One OpenSSH public key line (`ssh-ed25519 AAAA... comment`) accepted for fktest. */
  authorizedKey?: string;
  /** Offer only these methods (sshd's AuthenticationMethods); default: all three. */
  authenticationMethods?: SshAuthMethod[];
  /** Supplementary groups fktest joins, e.g. `frr` and `frrvty` so that vtysh reaches FRR's sockets. */
  groups?: string[];
  /** Listen on this 127.0.0.1 port (a restart "at the same address"); default a free random port. */
  port?: number;
}

export interface SshdPeer {
  port: number;
  username: string;
  /** As `ssh-keygen -lf` prints it: `SHA256:` and unpadded base64. A new key on every start. */
  hostKeyFingerprint: string;
  /** sshd's own log (stderr, `-e`), for failure messages. */
  logFile: string;
  /** Kills sshd and every session it started (by PID), removes the temp folder. Idempotent. */
  stop(): Promise<void>;
}

export const testUser = 'fktest';

const programs = { sshd: '/usr/sbin/sshd', sshKeygen: '/usr/bin/ssh-keygen' } as const;
/** sshd's privilege-separation folder; Debian's init script normally creates it. */
const privilegeSeparationDir = '/run/sshd';
const startTimeoutMilliseconds = 20_000;
const portAttempts = 3;

const livePeers = new Set<() => void>();
process.on('exit', () => {
  for (const killNow of livePeers) killNow();
});

function assertRequirements(): void {
  if (process.getuid?.() !== 0) throw new Error('The sshd test peer must run as root (sshd, useradd and chpasswd need it).');
  const missing = Object.values(programs).filter((path) => {
    try {
      accessSync(path, constants.X_OK);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    throw new Error(`The sshd test peer cannot start: missing ${missing.join(', ')}.\nInstall with: apt-get install -y openssh-server`);
  }
}

function run(command: string, args: string[], input?: string): string {
  return execFileSync(command, args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}

function userExists(name: string): boolean {
  try {
    run('id', ['-u', name]);
    return true;
  } catch {
    return false;
  }
}

/** Creates fktest if missing, adds the groups it lacks, and sets its password. */
function prepareUser(password: string, groups: readonly string[]): void {
  if (!/^[\x20-\x7e]+$/.test(password) || password.includes(':')) {
    throw new Error('the sshd test password must be printable ASCII without ":"');
  }
  if (!userExists(testUser)) run('useradd', ['-m', '-s', '/bin/bash', testUser]);
  const current = new Set(run('id', ['-nG', testUser]).trim().split(/\s+/));
  const missing = groups.filter((group) => !current.has(group));
  if (missing.length > 0) run('usermod', ['-aG', missing.join(','), testUser]);
  run('chpasswd', [], `${testUser}:${password}\n`);
}

function shellQuote(word: string): string {
  return `'${word.split("'").join(`'\\''`)}'`;
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

interface SshdFiles {
  dir: string;
  config: string;
  hostKey: string;
  logFile: string;
}

/** Writes host key, authorized keys, the session script and sshd_config into a fresh folder. */
function writeFiles(options: StartSshdOptions): SshdFiles {
  const dir = mkdtempSync(join(tmpdir(), 'fieldkit-sshd-'));
  // fktest reads the session script and authorized_keys; nothing in here is writable by others.
  chmodSync(dir, 0o711);
  const hostKey = join(dir, 'ssh_host_ed25519_key');
  run(programs.sshKeygen, ['-q', '-t', 'ed25519', '-N', '', '-C', 'fieldkit-test-peer', '-f', hostKey]);
  const authorizedKeys = join(dir, 'authorized_keys');
  writeFileSync(authorizedKeys, options.authorizedKey === undefined ? '' : `${options.authorizedKey.trim()}\n`, { mode: 0o644 });
  const session = join(dir, 'session');
  writeFileSync(session, `#!/bin/sh\nexec ${options.shellCommand.map(shellQuote).join(' ')}\n`, { mode: 0o755 });
  const methods = options.authenticationMethods ?? ['password', 'keyboard-interactive', 'publickey'];
  const config = join(dir, 'sshd_config');
  const lines = [
    `ListenAddress 127.0.0.1`,
    `HostKey ${hostKey}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    'UsePAM yes',
    `PasswordAuthentication ${methods.includes('password') ? 'yes' : 'no'}`,
    `KbdInteractiveAuthentication ${methods.includes('keyboard-interactive') ? 'yes' : 'no'}`,
    `PubkeyAuthentication ${methods.includes('publickey') ? 'yes' : 'no'}`,
    `AuthenticationMethods ${methods.join(',') === '' ? 'any' : methods.join(' ')}`,
    `AuthorizedKeysFile ${authorizedKeys}`,
    // The key file lives under /tmp (mode 1777), which StrictModes would reject.
    'StrictModes no',
    `AllowUsers ${testUser}`,
    'PermitRootLogin no',
    `ForceCommand ${session}`,
    'PermitTTY yes',
    'AllowTcpForwarding no',
    'AllowAgentForwarding no',
    'AllowStreamLocalForwarding no',
    'X11Forwarding no',
    'PermitTunnel no',
    'PrintMotd no',
    'PrintLastLog no',
    'MaxAuthTries 6',
    'LoginGraceTime 30',
    'LogLevel VERBOSE',
    '',
  ];
  writeFileSync(config, lines.join('\n'), { mode: 0o600 });
  return { dir, config, hostKey, logFile: join(dir, 'sshd.log') };
}

function fingerprintOf(hostKey: string): string {
  // "256 SHA256:abc... fieldkit-test-peer (ED25519)"
  const fingerprint = run(programs.sshKeygen, ['-l', '-E', 'sha256', '-f', `${hostKey}.pub`]).split(' ')[1];
  if (fingerprint === undefined || !fingerprint.startsWith('SHA256:')) throw new Error(`ssh-keygen printed no fingerprint for ${hostKey}`);
  return fingerprint;
}

async function listen(files: SshdFiles, port: number): Promise<TrackedProcess> {
  const sshd = spawnDetached('sshd', programs.sshd, ['-D', '-e', '-f', files.config, '-p', String(port)], files.logFile);
  try {
    await waitForGreeting({
      port,
      accept: (received) => received.toString('latin1').startsWith('SSH-2.0-OpenSSH'),
      timeoutMilliseconds: startTimeoutMilliseconds,
      giveUp: () => (isAlive(sshd) ? undefined : `sshd exited while starting; its log:\n${tail(files.logFile)}`),
    });
    // Another process may have won the race for the port and greeted in our place.
    if (!ownsLoopbackListener(sshd.pid, port)) throw new Error(`127.0.0.1:${port} is held by another process`);
  } catch (error) {
    await killTrees([sshd]);
    throw error;
  }
  return sshd;
}

/** Starts sshd on 127.0.0.1 and resolves once it greets with its SSH version line. */
export async function startSshd(options: StartSshdOptions): Promise<SshdPeer> {
  assertRequirements();
  if (options.shellCommand.length === 0) throw new Error('shellCommand is empty');
  prepareUser(options.password, options.groups ?? []);
  mkdirSync(privilegeSeparationDir, { recursive: true, mode: 0o755 });
  const files = writeFiles(options);
  try {
    run(programs.sshd, ['-t', '-f', files.config]);
  } catch (error) {
    rmSync(files.dir, { recursive: true, force: true });
    const detail = error instanceof Error && 'stderr' in error ? String(error.stderr) : String(error);
    throw new Error(`sshd rejected the generated sshd_config:\n${detail}`, { cause: error });
  }
  let sshd: TrackedProcess | undefined;
  let port = options.port ?? 0;
  for (let attempt = 1; sshd === undefined; attempt += 1) {
    if (options.port === undefined) port = await freeLoopbackPort();
    try {
      sshd = await listen(files, port);
    } catch (error) {
      if (options.port !== undefined || attempt >= portAttempts) {
        rmSync(files.dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const server = sshd;
  const keepFiles = process.env.FIELDKIT_KEEP_PEER_STATE === '1';
  const killNow = (): void => {
    killTreesNow([server]);
    rmSync(files.dir, { recursive: true, force: true });
  };
  livePeers.add(killNow);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      livePeers.delete(killNow);
      await killTrees([server]);
      if (!keepFiles) rmSync(files.dir, { recursive: true, force: true });
    })();
    return stopping;
  };
  return { port, username: testUser, hostKeyFingerprint: fingerprintOf(files.hostKey), logFile: files.logFile, stop };
}
