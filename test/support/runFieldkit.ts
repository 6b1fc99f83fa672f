import { spawn, type ChildProcess } from 'node:child_process';

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

export interface RunningFieldkit {
  child: ChildProcess;
  /** Resolves once stdout has matched. */
  stdoutMatches(pattern: RegExp): Promise<void>;
  done: Promise<Outcome>;
}

/** Start `bin/fieldkit.js` exactly as `npx fieldkit` runs it. */
export function startFieldkit(args: string[], env: Record<string, string> = {}): RunningFieldkit {
  const started = Date.now();
  const child = spawn(process.execPath, ['bin/fieldkit.js', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const watchers = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const watcher of [...watchers]) watcher();
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Outcome>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, elapsedMs: Date.now() - started })));
  return {
    child,
    done,
    stdoutMatches: (pattern) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(stdout)) return;
          watchers.delete(check);
          resolve();
        };
        watchers.add(check);
        void done.then(() => reject(new Error(`fieldkit exited before printing ${String(pattern)}; stderr: ${stderr}`)));
        check();
      }),
  };
}

export function runFieldkit(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  return startFieldkit(args, env).done;
}
