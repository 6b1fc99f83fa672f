import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../cliError';
import type { CliIo } from '../io';
import { simCommand } from './simCommand';

function io(env: Record<string, string> = {}, untilInterrupted?: (printed: string) => Promise<void>): CliIo & { printed(): string } {
  let printed = '';
  return {
    out: (text) => {
      printed += text;
    },
    err: (text) => {
      printed += text;
    },
    env,
    untilInterrupted: () => untilInterrupted?.(printed) ?? Promise.resolve(),
    printed: () => printed,
  };
}

/** First text a device sends up to `until`, from a plain socket. */
function greeting(port: number, until: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (!until.test(received)) return;
      socket.destroy();
      resolve(received);
    });
    socket.once('error', reject);
  });
}

describe('fieldkit sim', () => {
  it.each([
    [['--telnet', '127.0.0.1:0']],
    [['--dialect', 'vrp']],
    [['--dialect', 'vrp', '--telnet', '127.0.0.1:0', '--pty', '/tmp/x']],
    [['--dialect', 'nokia', '--telnet', '127.0.0.1:0']],
    [['--dialect', 'vrp', '--telnet', '127.0.0.1:0', '--username', 'tech']],
    [['--dialect', 'vrp', '--telnet', '127.0.0.1:0', '--password-env', 'UNSET_VARIABLE']],
  ])('rejects %j as wrong usage', async (argv) => {
    await expect(simCommand(argv, io())).rejects.toBeInstanceOf(UsageError);
  });

  it('serves the dialect on the loopback port until interrupted, with the password from the environment', async () => {
    const console = io({ SIM_PASSWORD: 'pw-from-env' }, async (printed) => {
      const port = Number(/telnet 127\.0\.0\.1:(\d+)/.exec(printed)?.[1]);
      expect(await greeting(port, /Username:$/)).toContain('Login authentication');
    });
    const exitCode = await simCommand(['--dialect', 'vrp', '--telnet', '127.0.0.1:0', '--hostname', 'LAB', '--username', 'tech', '--password-env', 'SIM_PASSWORD'], console);
    expect(exitCode).toBe(0);
    expect(console.printed()).toContain('vrp device "LAB"');
    expect(console.printed()).not.toContain('pw-from-env');
  });
});
