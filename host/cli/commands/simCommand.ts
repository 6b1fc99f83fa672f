import { parseArgs } from 'node:util';
import { DialectId } from '../../../shared/contract';
import { startSimulatorPty } from '../../simulator/ptyBridge';
import { startSimulator } from '../../simulator/telnetServer';
import { EXIT_OK, UsageError } from '../cliError';
import type { CliIo } from '../io';

export const SIM_USAGE = `fieldkit sim --dialect ios|maipu|ruijie|vrp|comware|junos (--telnet HOST:PORT | --pty PATH)
              [--hostname H] [--username U] [--password-env VAR] [--enable-env VAR] [--page-length N]
              [--allow-remote]   (serve other computers too; loopback only otherwise)`;

/** `HOST:PORT`; port 0 asks for any free port (printed once listening). */
function listenAddress(value: string): { host: string; port: number } {
  const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(value.trim());
  const port = Number(match?.[2]);
  if (!match?.[1] || !Number.isInteger(port) || port > 65535) throw new UsageError(`--telnet takes HOST:PORT (PORT 0 = any free port), got "${value}"`);
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}

function secretFromEnv(io: CliIo, variable: string | undefined): string | undefined {
  if (variable === undefined) return undefined;
  const value = io.env[variable];
  if (value === undefined) throw new UsageError(`environment variable ${variable} is not set`);
  return value;
}

/**
 * Training mode: a simulated device of one dialect on a Telnet port (loopback only) or a
 * pseudo-terminal (needs socat), until Ctrl-C. Secrets come from environment variables only.
 */
export async function simCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      dialect: { type: 'string' },
      telnet: { type: 'string' },
      pty: { type: 'string' },
      hostname: { type: 'string' },
      username: { type: 'string' },
      'password-env': { type: 'string' },
      'enable-env': { type: 'string' },
      'page-length': { type: 'string' },
      'allow-remote': { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError(`sim takes no positional arguments (got "${positionals.join(' ')}")\n${SIM_USAGE}`);
  const dialect = DialectId.safeParse(values.dialect);
  if (!dialect.success) throw new UsageError(`say which device to simulate: --dialect ${DialectId.options.join('|')}`);
  if ((values.telnet === undefined) === (values.pty === undefined)) throw new UsageError(`give exactly one of --telnet HOST:PORT or --pty PATH\n${SIM_USAGE}`);
  if (values.hostname !== undefined && !/^[\w.-]{1,63}$/.test(values.hostname)) throw new UsageError(`--hostname takes letters, digits, ".", "-" and "_" (got "${values.hostname}")`);
  const password = secretFromEnv(io, values['password-env']);
  if (values.username !== undefined && password === undefined) throw new UsageError('--username needs --password-env VAR (the password the device will ask for)');
  const enableSecret = secretFromEnv(io, values['enable-env']);
  let pageLength: number | undefined;
  if (values['page-length'] !== undefined) {
    pageLength = Number(values['page-length']);
    if (!Number.isInteger(pageLength) || pageLength < 0 || pageLength > 512) throw new UsageError(`--page-length takes 0-512 lines, got "${values['page-length']}"`);
  }
  const common = {
    dialect: dialect.data,
    ...(values.hostname !== undefined ? { hostname: values.hostname } : {}),
    ...(values.username !== undefined ? { username: values.username } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(enableSecret !== undefined ? { enableSecret } : {}),
    ...(pageLength !== undefined ? { pageLength } : {}),
  };
  let stop: () => Promise<void>;
  if (values.telnet !== undefined) {
    const { host, port } = listenAddress(values.telnet);
    const simulator = await startSimulator({ ...common, host, port, allowNonLoopback: values['allow-remote'] });
    stop = simulator.stop;
    io.out(`FieldKit simulator: ${dialect.data} device "${simulator.device.hostname}" on telnet ${simulator.host}:${simulator.port}\n`);
  } else {
    const simulator = await startSimulatorPty({ ...common, path: values.pty ?? '' });
    stop = simulator.stop;
    io.out(`FieldKit simulator: ${dialect.data} device "${simulator.device.hostname}" on console ${simulator.path}\n`);
  }
  io.out('Press Ctrl-C to stop.\n');
  try {
    await (io.untilInterrupted?.() ?? new Promise<void>(() => undefined));
  } finally {
    await stop();
  }
  return EXIT_OK;
}
