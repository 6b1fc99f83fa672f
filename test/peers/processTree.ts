import { spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync, readdirSync } from 'node:fs';

/**
 * A process started by a peer harness, identified by PID plus its kernel start time so that a
 * reused PID is never killed by mistake.
 */
export interface TrackedProcess {
  name: string;
  pid: number;
  startTime: string;
}

interface ProcessStat {
  parentPid: number;
  state: string;
  startTime: string;
}

/** Parses /proc/PID/stat; undefined when the process is gone. The command name may hold spaces and parentheses. */
function readStat(pid: number): ProcessStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // After the command: state(3) ppid(4) ... starttime(22), so index = field number - 3.
  const state = fields[0];
  const parentPid = Number(fields[1]);
  const startTime = fields[19];
  if (state === undefined || startTime === undefined || Number.isNaN(parentPid)) return undefined;
  return { parentPid, state, startTime };
}

/** Tracks a PID that this harness caused to exist (for example a daemon's PID file). */
export function trackPid(name: string, pid: number): TrackedProcess {
  const stat = readStat(pid);
  if (stat === undefined) throw new Error(`${name} (pid ${pid}) is not running`);
  return { name, pid, startTime: stat.startTime };
}

/** True while the tracked process exists, is not a zombie and is still the same process. */
export function isAlive(process: TrackedProcess): boolean {
  const stat = readStat(process.pid);
  return stat !== undefined && stat.state !== 'Z' && stat.startTime === process.startTime;
}

/** All descendants of pid, deepest first (children of forking listeners, per-connection shells). */
export function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const childPid = Number(entry);
    if (!Number.isInteger(childPid)) continue;
    const stat = readStat(childPid);
    if (stat === undefined) continue;
    const siblings = children.get(stat.parentPid) ?? [];
    siblings.push(childPid);
    children.set(stat.parentPid, siblings);
  }
  const result: number[] = [];
  const walk = (parent: number): void => {
    for (const child of children.get(parent) ?? []) {
      walk(child);
      result.push(child);
    }
  };
  walk(pid);
  return result;
}

function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

function victimsOf(processes: TrackedProcess[]): number[] {
  const victims: number[] = [];
  for (const tracked of processes) {
    if (!isAlive(tracked)) continue;
    victims.push(...descendantsOf(tracked.pid), tracked.pid);
  }
  return victims;
}

function pidAlive(pid: number): boolean {
  const stat = readStat(pid);
  return stat !== undefined && stat.state !== 'Z';
}

/**
 * Stops the given processes and all their descendants: SIGTERM, then SIGKILL for whatever is
 * still alive after graceMilliseconds. Processes are handled in the order given.
 */
export async function killTrees(processes: TrackedProcess[], graceMilliseconds = 3000): Promise<void> {
  const victims = victimsOf(processes);
  signalAll(victims, 'SIGTERM');
  const deadline = Date.now() + graceMilliseconds;
  while (victims.some(pidAlive) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  signalAll(victims.filter(pidAlive), 'SIGKILL');
}

/** Synchronous variant for process 'exit' hooks, where nothing asynchronous runs any more. */
export function killTreesNow(processes: TrackedProcess[]): void {
  signalAll(victimsOf(processes), 'SIGKILL');
}

/**
 * Starts a long-running helper in its own session (so a terminal's Ctrl-C does not reach it
 * before the harness can stop it in order), with output appended to logFile.
 */
export function spawnDetached(name: string, command: string, args: string[], logFile: string): TrackedProcess {
  const logDescriptor = openSync(logFile, 'a', 0o600);
  try {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', logDescriptor, logDescriptor] });
    child.on('error', () => {
      // Reported through the readiness checks and the log file.
    });
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start ${name}: ${command}`);
    return trackPid(name, child.pid);
  } finally {
    closeSync(logDescriptor);
  }
}
