import type { Credentials, DialectChoice, RequestOf, Target } from '../../shared/contract';
import { Charset, DialectChoice as DialectChoiceSchema, DialectId, LineEndingName } from '../../shared/contract';
import { UsageError } from './cliError';
import type { CliIo } from './io';

/** Options shared by every command that talks to a device. */
export const connectionOptions = {
  telnet: { type: 'string' },
  ssh: { type: 'string' },
  serial: { type: 'string' },
  baud: { type: 'string' },
  key: { type: 'string' },
  'passphrase-env': { type: 'string' },
  'accept-host-key': { type: 'string' },
  charset: { type: 'string' },
  'line-ending': { type: 'string' },
  username: { type: 'string' },
  'password-env': { type: 'string' },
  'enable-env': { type: 'string' },
  dialect: { type: 'string', default: 'auto' },
  timeout: { type: 'string' },
  label: { type: 'string' },
} as const;

export interface ConnectionValues {
  telnet?: string | undefined;
  ssh?: string | undefined;
  serial?: string | undefined;
  baud?: string | undefined;
  key?: string | undefined;
  'passphrase-env'?: string | undefined;
  'accept-host-key'?: string | undefined;
  charset?: string | undefined;
  'line-ending'?: string | undefined;
  username?: string | undefined;
  'password-env'?: string | undefined;
  'enable-env'?: string | undefined;
  dialect?: string | undefined;
  timeout?: string | undefined;
  label?: string | undefined;
}

export function parseHostPort(value: string, defaultPort: number): { host: string; port: number } {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(value.trim());
  if (!match?.[1]) throw new UsageError(`"${value}" is not HOST or HOST:PORT`);
  const port = match[2] === undefined ? defaultPort : Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`port ${match[2]} is out of range (1-65535)`);
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}

/**
 * Secrets never come from argv (it shows in the process list): only from a named environment
 * variable, or typed at a TTY prompt when no variable is named.
 */
async function secretFrom(io: CliIo, variable: string | undefined, prompt: string): Promise<string | undefined> {
  if (variable !== undefined) {
    const value = io.env[variable];
    if (value === undefined) throw new UsageError(`environment variable ${variable} is not set`);
    return value;
  }
  if (io.askSecret) {
    const typed = await io.askSecret(prompt);
    return typed.length > 0 ? typed : undefined;
  }
  return undefined;
}

function targetFrom(values: ConnectionValues): Target {
  const given = [values.telnet, values.ssh, values.serial].filter((value) => value !== undefined);
  if (given.length === 0) throw new UsageError('say how to reach the device: --telnet HOST[:PORT], --ssh HOST[:PORT] or --serial PATH');
  if (given.length > 1) throw new UsageError('give only one of --telnet, --ssh and --serial');
  if (values.baud !== undefined && values.serial === undefined) throw new UsageError('--baud goes with --serial');
  if (values.telnet !== undefined) return { kind: 'telnet', ...parseHostPort(values.telnet, 23) };
  if (values.ssh !== undefined) {
    const target: Target = { kind: 'ssh', ...parseHostPort(values.ssh, 22) };
    if (values['accept-host-key'] !== undefined) target.acceptHostKey = values['accept-host-key'];
    return target;
  }
  const baud = values.baud ?? '9600';
  const baudRate = baud === 'auto' ? 'auto' : Number(baud);
  if (baudRate !== 'auto' && (!Number.isInteger(baudRate) || baudRate < 300)) throw new UsageError(`--baud takes a speed such as 9600 or "auto", got "${baud}"`);
  return { kind: 'serial', path: values.serial ?? '', baudRate, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' };
}

export async function buildConnectRequest(values: ConnectionValues, io: CliIo): Promise<RequestOf<'session.connect'>> {
  const target = targetFrom(values);
  const dialect = DialectChoiceSchema.safeParse(values.dialect ?? 'auto');
  if (!dialect.success) throw new UsageError(`unknown dialect "${values.dialect}"; use one of: auto|${DialectId.options.join('|')}`);
  const charset = Charset.safeParse(values.charset ?? 'utf-8');
  if (!charset.success) throw new UsageError(`unknown charset "${values.charset}"; use one of: ${Charset.options.join('|')}`);
  const lineEnding = values['line-ending'] === undefined ? undefined : LineEndingName.safeParse(values['line-ending']);
  if (lineEnding && !lineEnding.success) throw new UsageError(`unknown line ending "${values['line-ending']}"; use one of: ${LineEndingName.options.join('|')}`);
  const credentials: Credentials = {};
  if (values.username !== undefined) credentials.username = values.username;
  if (values.key !== undefined) credentials.privateKeyPath = values.key;
  const password = await secretFrom(io, values['password-env'], 'Password (Enter for none): ');
  if (password !== undefined) credentials.password = password;
  const enableSecret = await secretFrom(io, values['enable-env'], 'Enable secret (Enter for none): ');
  if (enableSecret !== undefined) credentials.enableSecret = enableSecret;
  if (values['passphrase-env'] !== undefined) credentials.passphrase = await secretFrom(io, values['passphrase-env'], '');
  const request: RequestOf<'session.connect'> = {
    target,
    credentials,
    dialect: dialect.data satisfies DialectChoice,
    terminal: { charset: charset.data, ...(lineEnding?.success ? { lineEnding: lineEnding.data } : {}) },
  };
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout takes seconds, got "${values.timeout}"`);
    const ms = Math.round(seconds * 1000);
    request.timeouts = { connectMs: ms, loginMs: ms, commandMs: ms };
  }
  if (values.label !== undefined) request.label = values.label;
  return request;
}
