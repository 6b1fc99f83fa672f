import type { Credentials, DialectChoice, RequestOf } from '../../shared/contract';
import { DialectChoice as DialectChoiceSchema, DialectId } from '../../shared/contract';
import { UsageError } from './cliError';
import type { CliIo } from './io';

/** Options shared by every command that talks to a device. */
export const connectionOptions = {
  telnet: { type: 'string' },
  username: { type: 'string' },
  'password-env': { type: 'string' },
  'enable-env': { type: 'string' },
  dialect: { type: 'string', default: 'auto' },
  timeout: { type: 'string' },
  label: { type: 'string' },
} as const;

export interface ConnectionValues {
  telnet?: string | undefined;
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

export async function buildConnectRequest(values: ConnectionValues, io: CliIo): Promise<RequestOf<'session.connect'>> {
  if (!values.telnet) throw new UsageError('say how to reach the device: --telnet HOST:PORT');
  const dialect = DialectChoiceSchema.safeParse(values.dialect ?? 'auto');
  if (!dialect.success) throw new UsageError(`unknown dialect "${values.dialect}"; use one of: auto|${DialectId.options.join('|')}`);
  const credentials: Credentials = {};
  if (values.username !== undefined) credentials.username = values.username;
  const password = await secretFrom(io, values['password-env'], 'Password (Enter for none): ');
  if (password !== undefined) credentials.password = password;
  const enableSecret = await secretFrom(io, values['enable-env'], 'Enable secret (Enter for none): ');
  if (enableSecret !== undefined) credentials.enableSecret = enableSecret;
  const { host, port } = parseHostPort(values.telnet, 23);
  const request: RequestOf<'session.connect'> = {
    target: { kind: 'telnet', host, port },
    credentials,
    dialect: dialect.data satisfies DialectChoice,
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
