import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maskSecrets, runVtysh } from './frrVtysh';
import { frrLayout, watchdogScript, writeFrrFiles, type FrrLayout } from './frrFiles';
import { startLoopbackListener } from './loopbackListener';
import { waitUntil } from './localPorts';
import { isAlive, killTrees, killTreesNow, spawnDetached, trackPid, type TrackedProcess } from './processTree';
import { assertFrrRequirements, frrDirectory, programs, type FrrDaemon } from './requirements';

export { attachFrr, parseFrrVersion, type FrrShell } from './frrVtysh';
export type { FrrDaemon } from './requirements';

export interface StartFrrOptions {
  /** Router hostname shown in prompts; default 'r1'. Letters, digits and '-'. */
  hostname?: string;
  /** The daemons' VTY `password` (no whitespace). */
  vtyPassword: string;
  /** The daemons' `enable password` (no whitespace). */
  enablePassword: string;
  /** Default zebra, staticd, bgpd, ospfd. zebra always runs: the others need it. */
  daemons?: FrrDaemon[];
  /** Default: a new folder under os.tmpdir(), removed by stop(). A given folder is kept, with what `write memory` saved. */
  stateDir?: string;
  /** When given, a telnetd on telnetdPort asks Username/Password, then runs vtysh. */
  login?: { username: string; password: string };
  /** Where bgpd accepts BGP sessions: 'loopback' (default) or 'all' the namespace's addresses, for peering over a link. */
  bgpListen?: 'loopback' | 'all';
}

/** Host-side 127.0.0.1 ports of each daemon's own Telnet VTY. */
export interface FrrPorts {
  zebra: number;
  staticd?: number;
  bgpd?: number;
  ospfd?: number;
}

export interface FrrPeer {
  hostname: string;
  stateDir: string;
  /** PID of the process anchoring the peer's private network namespace. */
  namespacePid: number;
  ports: FrrPorts;
  telnetdPort?: number;
  /** Runs `vtysh -c` for each command, in order, in one vtysh inside the namespace; resolves stdout. */
  vtysh(commands: string[] | string): Promise<string>;
  /** Kills everything this peer started (by PID, with children) and removes the namespace. Idempotent. */
  stop(): Promise<void>;
}

export const defaultDaemons: readonly FrrDaemon[] = ['zebra', 'staticd', 'bgpd', 'ospfd'];

/** VTY ports inside the namespace (FRR's defaults; the namespace is private, so they never collide). */
const innerVtyPorts: Record<FrrDaemon, number> = { zebra: 2601, staticd: 2616, bgpd: 2605, ospfd: 2604 };
const startTimeoutMilliseconds = 30_000;

const livePeers = new Set<() => void>();
/** Lets helpers started later (consoles) be stopped, and watched, with the peer. */
const adopters = new WeakMap<object, (tracked: TrackedProcess) => void>();

/** Registers a process to be killed by the peer's stop(); false when peer is not a live FrrPeer. */
export function adoptIntoPeer(peer: object, tracked: TrackedProcess): boolean {
  const adopt = adopters.get(peer);
  adopt?.(tracked);
  return adopt !== undefined;
}
process.on('exit', () => {
  for (const killNow of livePeers) killNow();
});

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Runs a command to completion with its output appended to logFile; resolves its exit code. */
function runLogged(command: string, args: string[], logFile: string): Promise<number> {
  const descriptor = openSync(logFile, 'a', 0o600);
  return new Promise<number>((resolve, reject) => {
    // Waits for 'exit', not 'close': a daemonising child keeps inherited descriptors open.
    const child = spawn(command, args, { stdio: ['ignore', descriptor, descriptor] });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  }).finally(() => closeSync(descriptor));
}

function validate(options: StartFrrOptions, hostname: string): void {
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(hostname)) throw new Error(`invalid FRR hostname: ${hostname}`);
  const words = [options.vtyPassword, options.enablePassword, options.login?.username, options.login?.password];
  if (words.some((word) => word !== undefined && !/^[\x21-\x7e]+$/.test(word))) {
    throw new Error('FRR passwords and the login username must be printable ASCII without spaces');
  }
}

/** Starts FRR in a private network namespace with its VTYs (and optionally a telnetd login) on 127.0.0.1. */
export async function startFrr(options: StartFrrOptions): Promise<FrrPeer> {
  const hostname = options.hostname ?? 'r1';
  const requested = options.daemons ?? defaultDaemons;
  const daemons = defaultDaemons.filter((daemon) => daemon === 'zebra' || requested.includes(daemon));
  validate(options, hostname);
  assertFrrRequirements(daemons, options.login !== undefined);

  const createdStateDir = options.stateDir === undefined;
  const layout = frrLayout(options.stateDir ?? mkdtempSync(join(tmpdir(), 'fieldkit-frr-')));
  const secrets = [options.vtyPassword, options.enablePassword, options.login?.password].filter(
    (secret): secret is string => secret !== undefined,
  );
  const processes: TrackedProcess[] = [];
  const record = (tracked: TrackedProcess): TrackedProcess => {
    processes.push(tracked);
    const lines = processes.map((entry) => `${entry.name} ${entry.pid} ${entry.startTime}\n`);
    writeFileSync(layout.processesFile, lines.join(''), { mode: 0o600 });
    return tracked;
  };
  const keepStateDir = !createdStateDir || process.env.FIELDKIT_KEEP_PEER_STATE === '1';
  const killNow = (): void => {
    rmSync(layout.processesFile, { force: true });
    killTreesNow([...processes].reverse());
    if (!keepStateDir) rmSync(layout.stateDir, { recursive: true, force: true });
  };
  livePeers.add(killNow);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      livePeers.delete(killNow);
      rmSync(layout.processesFile, { force: true }); // tells the watchdog to leave quietly
      await killTrees([...processes].reverse());
      if (!keepStateDir) rmSync(layout.stateDir, { recursive: true, force: true });
    })();
    return stopping;
  };

  try {
    const namespacePid = await startNamespace(layout, record);
    record(
      spawnDetached(
        'watchdog',
        programs.python3,
        [
          watchdogScript,
          String(process.pid),
          trackPid('owner', process.pid).startTime,
          layout.processesFile,
          ...(keepStateDir ? [] : [layout.stateDir]),
        ],
        layout.harnessLog,
      ),
    );
    writeFrrFiles(layout, { hostname, vtyPassword: options.vtyPassword, enablePassword: options.enablePassword, daemons, login: options.login }, namespacePid);
    const ports: Partial<FrrPorts> = {};
    for (const daemon of daemons) {
      await startDaemon(layout, namespacePid, daemon, record, options.bgpListen ?? 'loopback');
      ports[daemon] = await bridgeVty(layout, namespacePid, daemon, record);
    }
    let telnetdPort: number | undefined;
    if (options.login !== undefined) {
      const listener = await startLoopbackListener({
        name: 'telnetd',
        target: `EXEC:${programs.telnetd} -h -E ${layout.loginWrapper},nofork`,
        // inetutils telnetd opens with IAC WILL AUTHENTICATION before any text.
        accept: (received) => received[0] === 0xff,
        logFile: layout.harnessLog,
        timeoutMilliseconds: startTimeoutMilliseconds,
        describeFailure: () => `harness log:\n${tail(layout.harnessLog)}`,
      });
      record(listener.process);
      telnetdPort = listener.port;
    }
    if (ports.zebra === undefined) throw new Error('zebra did not start');
    const shell = { stateDir: layout.stateDir, secrets };
    const peer: FrrPeer = {
      hostname,
      stateDir: layout.stateDir,
      namespacePid,
      ports: { ...ports, zebra: ports.zebra },
      ...(telnetdPort === undefined ? {} : { telnetdPort }),
      vtysh: (commands) => runVtysh(shell, commands),
      stop,
    };
    adopters.set(peer, (tracked) => {
      if (stopping === undefined) record(tracked);
    });
    return peer;
  } catch (error) {
    await stop();
    // Log tails in the message may quote a config line: mask the secrets before it reaches any output.
    const failure = error instanceof Error ? error : new Error(String(error));
    const hint = keepStateDir ? '' : '\n(set FIELDKIT_KEEP_PEER_STATE=1 to keep the peer\'s logs)';
    failure.message = maskSecrets(failure.message + hint, secrets);
    if (failure.stack !== undefined) failure.stack = maskSecrets(failure.stack, secrets);
    throw failure;
  }
}

async function startNamespace(layout: FrrLayout, record: (tracked: TrackedProcess) => TrackedProcess): Promise<number> {
  // The anchor is a sleep in a new network namespace; the namespace lives as long as it does.
  const anchor = record(
    spawnDetached('netns-anchor', programs.unshare, ['--net', '--', 'sleep', 'infinity'], layout.harnessLog),
  );
  const ownNamespace = readlinkSync('/proc/self/ns/net');
  const namespaceOf = (pid: number): string | undefined => {
    try {
      return readlinkSync(`/proc/${pid}/ns/net`);
    } catch {
      return undefined;
    }
  };
  await waitUntil(
    () => !isAlive(anchor) || (namespaceOf(anchor.pid) ?? ownNamespace) !== ownNamespace,
    startTimeoutMilliseconds,
    `the network namespace anchor did not start; harness log:\n${tail(layout.harnessLog)}`,
  );
  if (!isAlive(anchor)) throw new Error(`unshare --net failed; harness log:\n${tail(layout.harnessLog)}`);
  const inside = [`--net=/proc/${anchor.pid}/ns/net`, '--', programs.ip];
  // Veth pairs give the router interfaces (this kernel may lack the dummy module); both ends stay inside.
  const steps = [
    ['link', 'set', 'lo', 'up'],
    ['link', 'add', 'eth1', 'type', 'veth', 'peer', 'name', 'eth2'],
    ['link', 'add', 'eth3', 'type', 'veth', 'peer', 'name', 'eth4'],
    ...['eth1', 'eth2', 'eth3', 'eth4'].map((device) => ['link', 'set', device, 'up']),
  ];
  for (const step of steps) {
    const code = await runLogged(programs.nsenter, [...inside, ...step], layout.harnessLog);
    if (code !== 0) throw new Error(`ip ${step.join(' ')} failed in the namespace; harness log:\n${tail(layout.harnessLog)}`);
  }
  return anchor.pid;
}

async function startDaemon(
  layout: FrrLayout,
  namespacePid: number,
  daemon: FrrDaemon,
  record: (tracked: TrackedProcess) => TrackedProcess,
  bgpListen: 'loopback' | 'all',
): Promise<void> {
  const pidFile = `${layout.runDir}/${daemon}.pid`;
  const daemonLog = `${layout.logDir}/${daemon}.log`;
  const outputLog = `${layout.logDir}/${daemon}.output`;
  const describe = (): string => `${daemon} log:\n${tail(daemonLog)}\n${daemon} output:\n${tail(outputLog)}`;
  const args = [
    `--net=/proc/${namespacePid}/ns/net`, '--', `${frrDirectory}/${daemon}`,
    '-d', '-A', '127.0.0.1', '-P', String(innerVtyPorts[daemon]),
    '-f', `${layout.configDir}/${daemon}.conf`, '-i', pidFile,
    '-z', `${layout.runDir}/zserv.api`, '--vty_socket', layout.runDir,
    '--log', `file:${daemonLog}`,
    // Even 'all' stays inside the private namespace; 'loopback' keeps a lone peer unreachable by neighbours.
    ...(daemon === 'bgpd' && bgpListen === 'loopback' ? ['-l', '127.0.0.1'] : []),
  ];
  const code = await runLogged(programs.nsenter, args, outputLog);
  if (code !== 0) throw new Error(`${daemon} exited with ${code} while starting\n${describe()}`);
  const pidOf = (): number => Number(existsSync(pidFile) ? readFileSync(pidFile, 'utf8').trim() : '');
  await waitUntil(
    () => pidOf() > 0 && existsSync(`${layout.runDir}/${daemon}.vty`),
    startTimeoutMilliseconds,
    `${daemon} wrote no PID file or vtysh socket within ${startTimeoutMilliseconds} ms\n${describe()}`,
  );
  record(trackPid(daemon, pidOf()));
}

/** Bridges the daemon's VTY (127.0.0.1 inside the namespace) to a random 127.0.0.1 port of the host. */
async function bridgeVty(
  layout: FrrLayout,
  namespacePid: number,
  daemon: FrrDaemon,
  record: (tracked: TrackedProcess) => TrackedProcess,
): Promise<number> {
  const socket = `${layout.bridgeDir}/${daemon}.sock`;
  const inner = record(
    spawnDetached(
      `${daemon}-bridge-inside`,
      programs.nsenter,
      [`--net=/proc/${namespacePid}/ns/net`, '--', programs.socat, `UNIX-LISTEN:${socket},fork,unlink-early`, `TCP4:127.0.0.1:${innerVtyPorts[daemon]}`],
      layout.harnessLog,
    ),
  );
  await waitUntil(
    () => !isAlive(inner) || existsSync(socket),
    startTimeoutMilliseconds,
    `${daemon}: bridge socket not created; harness log:\n${tail(layout.harnessLog)}`,
  );
  const listener = await startLoopbackListener({
    name: `${daemon}-bridge-host`,
    target: `UNIX-CONNECT:${socket}`,
    accept: (received) => received.includes('Password:'),
    logFile: layout.harnessLog,
    timeoutMilliseconds: startTimeoutMilliseconds,
    describeFailure: () => `${daemon} log:\n${tail(`${layout.logDir}/${daemon}.log`)}\nharness log:\n${tail(layout.harnessLog)}`,
  });
  record(listener.process);
  return listener.port;
}
