import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface WebHost {
  /** `http://127.0.0.1:PORT/#token=...` as printed by `fieldkit serve`. */
  url: string;
  /** SIGTERM, then SIGKILL if it has not exited within the grace period. Idempotent. */
  stop(): Promise<void>;
}

const URL_LINE = /^FieldKit web mode: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/m;
const START_TIMEOUT_MILLISECONDS = 60_000;
const STOP_GRACE_MILLISECONDS = 5_000;

/**
 * Runs `node bin/fieldkit.js serve --port 0` from the repository root and waits for the line
 * with its address. Everything the host prints goes to `logFile`, which lies inside the
 * artifacts the leak scan reads.
 */
export function startWebHost(options: { repositoryRoot: string; dataDir: string; logFile: string }): Promise<WebHost> {
  const child = spawn(process.execPath, ['bin/fieldkit.js', 'serve', '--port', '0'], {
    cwd: options.repositoryRoot,
    env: { ...process.env, FIELDKIT_DATA_DIR: options.dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(options.logFile, { mode: 0o600 });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MILLISECONDS);
        await exited;
        clearTimeout(timer);
      }
      await new Promise<void>((resolve) => log.end(() => resolve()));
    })();
    return stopping;
  };

  return new Promise<WebHost>((resolve, reject) => {
    let printed = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`fieldkit serve: ${reason}; its output:\n${printed.slice(-2000)}`)));
    };
    const timer = setTimeout(() => fail(`no address within ${START_TIMEOUT_MILLISECONDS} ms`), START_TIMEOUT_MILLISECONDS);
    const collect = (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      const match = URL_LINE.exec(printed);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.stdout.off('data', collect);
      child.stderr.off('data', collect);
      child.off('exit', onEarlyExit);
      resolve({ url: match[1], stop });
    };
    const onEarlyExit = (code: number | null) => fail(`exited with ${code ?? 'a signal'} before printing its address`);
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', onEarlyExit);
    child.once('error', (error) => fail(error.message));
  });
}
