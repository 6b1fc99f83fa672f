import { FieldKitError } from '../../shared/contract';
import { EXIT_FAILURE, EXIT_USAGE, UsageError } from './cliError';
import { factsCommand, runCommand } from './commands/deviceCommands';
import { parseCommand } from './commands/parseCommand';
import { CHECK_USAGE, checkCommand } from './commands/checkCommand';
import { portsCommand } from './commands/portsCommand';
import { applyCommand, planCommand, PROVISION_USAGE } from './commands/provisionCommands';
import { PROFILES_USAGE, profilesCommand } from './commands/profilesCommand';
import { serveCommand } from './commands/serveCommand';
import { SIM_USAGE, simCommand } from './commands/simCommand';
import type { CliIo } from './io';
import { askSecret } from './askSecret';

/** A command's own usage text, without its "Usage:" heading, indented to sit in the list. */
function usageBody(text: string): string {
  return text.replace(/^Usage:\n/, '').trimEnd().replace(/^ {2}/, '');
}

const USAGE = `FieldKit — field provisioning toolkit

Usage:
  fieldkit facts TARGET [--username U] [--password-env VAR] [--enable-env VAR]
                 [--dialect auto|ios|maipu|ruijie|vrp|comware|junos] [--timeout SECONDS]
                 [--charset utf-8|gbk|gb18030] [--line-ending cr|lf|crlf] [--json]
  fieldkit run   TARGET [same options] -- "show running-config" ["another command"...]
  ${PROVISION_USAGE}
  ${usageBody(CHECK_USAGE)}
  fieldkit ports [--json]       serial ports and USB console adapters
  fieldkit parse version|interfaces|ping [--dialect auto|D] < output.txt
                                read a saved device output, print its facts as JSON
  ${usageBody(PROFILES_USAGE)}
  fieldkit serve [--port N]     web mode: the UI on http://127.0.0.1 with a per-run token
  ${SIM_USAGE}
                                a simulated device for training and tests

TARGET is one of:
  --telnet HOST[:PORT]          Telnet (port 23)
  --ssh HOST[:PORT]             SSH (port 22); --key FILE [--passphrase-env VAR];
                                --accept-host-key SHA256:... after a confirmed key change
  --serial PATH [--baud N|auto] console cable (9600 8N1 by default; auto finds the speed)

Secrets are never taken as arguments: name an environment variable (--password-env P) or type
them when asked on a terminal.
Exit codes: 0 done, 1 the device or the connection failed (reason on stderr), 2 wrong usage.
`;

type Command = (argv: string[], io: CliIo) => Promise<number>;
const commands: Record<string, Command> = {
  facts: factsCommand,
  run: runCommand,
  ports: portsCommand,
  parse: (argv, io) => parseCommand(argv, { ...io, stdin: io.stdin ?? (async () => '') }),
  serve: serveCommand,
  sim: simCommand,
  profiles: profilesCommand,
  plan: planCommand,
  apply: applyCommand,
  check: checkCommand,
};

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`fieldkit: unknown command "${name}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`fieldkit ${name}: ${(error as Error).message}\nRun "fieldkit --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (error instanceof FieldKitError) {
      io.err(`fieldkit: ${error.code}: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    io.err(`fieldkit: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS');
}

function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    ...(process.stdin.isTTY ? { askSecret } : {}),
    stdin: readStdin,
    untilInterrupted: () =>
      new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
  };
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => (data += chunk));
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}
