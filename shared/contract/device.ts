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

export const SshTarget = z.object({
  kind: z.literal('ssh'),
  host: Hostname,
  port: Port.default(22),
  /**
   * SHA256 fingerprint (`SHA256:...`) the technician confirmed for a device whose key changed.
   * Without it a changed key is refused (trust on first use).
   */
  acceptHostKey: SafeText(128).optional(),
});
export type SshTarget = z.infer<typeof SshTarget>;

export const Parity = z.enum(['none', 'even', 'odd', 'mark', 'space']);
export const FlowControl = z.enum(['none', 'rtscts', 'xonxoff']);
export const SerialTarget = z.object({
  kind: z.literal('serial'),
  /** `/dev/ttyUSB0`, `COM3`, or a pseudo-terminal path. */
  path: SafeText(256).min(1),
  /** A number, or 'auto' to find the console's speed. 9600 8N1 is the console default. */
  baudRate: z.union([z.number().int().min(300).max(4_000_000), z.literal('auto')]).default(9600),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
  parity: Parity.default('none'),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
  flowControl: FlowControl.default('none'),
});
export type SerialTarget = z.infer<typeof SerialTarget>;

export const Target = z.discriminatedUnion('kind', [TelnetTarget, SshTarget, SerialTarget]);
export type Target = z.infer<typeof Target>;

export const Credentials = z.object({
  username: SafeText(64).optional(),
  password: SafeText(128).optional(),
  enableSecret: SafeText(128).optional(),
  /** SSH private key file on the technician's computer, and its passphrase. */
  privateKeyPath: SafeText(1024).optional(),
  passphrase: SafeText(256).optional(),
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

export const LineEndingName = z.enum(['cr', 'lf', 'crlf']);
export type LineEndingName = z.infer<typeof LineEndingName>;
export const Charset = z.enum(['utf-8', 'gbk', 'gb18030']);
export type Charset = z.infer<typeof Charset>;
export const TerminalSettings = z.object({
  lineEnding: LineEndingName.optional(),
  charset: Charset.default('utf-8'),
});
export type TerminalSettings = z.infer<typeof TerminalSettings>;

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
