import { z } from 'zod';

/** Dialects FieldKit knows. `auto` asks the host to identify the device. */
export const DialectId = z.enum(['ios', 'maipu', 'ruijie', 'vrp', 'comware', 'junos']);
export type DialectId = z.infer<typeof DialectId>;
export const DialectChoice = z.union([z.literal('auto'), DialectId]);
export type DialectChoice = z.infer<typeof DialectChoice>;

/** Printable text only: a value that reaches a device must never carry CR, LF or other controls. */
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/u;
export const SafeText = (max: number) =>
  z.string().max(max).regex(NO_CONTROL, { message: 'must not contain control characters (CR, LF, ESC, NUL...)' });

export const Hostname = SafeText(253).min(1);
export const Port = z.number().int().min(1).max(65535);

export const TelnetTarget = z.object({
  kind: z.literal('telnet'),
  host: Hostname,
  port: Port.default(23),
});
export type TelnetTarget = z.infer<typeof TelnetTarget>;

export const Target = z.discriminatedUnion('kind', [TelnetTarget]);
export type Target = z.infer<typeof Target>;

export const Credentials = z.object({
  username: SafeText(64).optional(),
  password: SafeText(128).optional(),
  enableSecret: SafeText(128).optional(),
});
export type Credentials = z.infer<typeof Credentials>;

export const Timeouts = z.object({
  /** TCP connect / port open. */
  connectMs: z.number().int().positive().max(120_000).default(10_000),
  /** From open to the first usable prompt, login dialogue included. */
  loginMs: z.number().int().positive().max(300_000).default(20_000),
  /** One command, from the line sent to the next prompt. */
  commandMs: z.number().int().positive().max(600_000).default(30_000),
});
export type Timeouts = z.infer<typeof Timeouts>;

export const DeviceFacts = z.object({
  hostname: z.string().nullable(),
  vendor: z.string().nullable(),
  model: z.string().nullable(),
  serial: z.string().nullable(),
  version: z.string().nullable(),
  uptime: z.string().nullable(),
  dialect: DialectId,
});
export type DeviceFacts = z.infer<typeof DeviceFacts>;

/** Outcome of one command on a device. A device-side error is `failed: true`, not a rejection. */
export const CommandResult = z.object({
  command: z.string(),
  output: z.string(),
  prompt: z.string(),
  startedAt: z.string(),
  elapsedMs: z.number(),
  failed: z.boolean(),
  /** The device's error text that matched one of the dialect's failure patterns. */
  failureMessage: z.string().nullable(),
});
export type CommandResult = z.infer<typeof CommandResult>;

export const SessionState = z.enum(['connecting', 'ready', 'busy', 'closed']);
export type SessionState = z.infer<typeof SessionState>;
