import { z } from 'zod';
import { ErrorPayload } from './errors';
import { CommandResult, Credentials, DeviceFacts, DialectChoice, DialectId, SafeText, SessionState, Target, TerminalSettings, Timeouts } from './device';
import { checksEvents, checksMethods } from './checks';
import { provisionEvents, provisionMethods } from './provision';
import { SerialPortInfo } from './serial';

const SessionId = z.string().min(1).max(64);

/**
 * Every method the UI may call and every event the host streams, as data. Carriers proxy this
 * object generically; nobody writes a handler per method.
 */
export const contract = {
  methods: {
    'session.connect': {
      request: z.object({
        target: Target,
        credentials: Credentials.default({}),
        dialect: DialectChoice.default('auto'),
        timeouts: Timeouts.default({ connectMs: 10_000, loginMs: 20_000, commandMs: 30_000 }),
        /**
         * Per-connection line ending and character set. Defaults: the dialect's line ending,
         * UTF-8. Chinese descriptions on older devices need GBK or GB18030.
         */
        terminal: TerminalSettings.default({ charset: 'utf-8' }),
        /** A label for transcripts and logs, e.g. the site code. */
        label: SafeText(64).optional(),
      }),
      response: z.object({ sessionId: SessionId, facts: DeviceFacts, transcriptPath: z.string().nullable() }),
    },
    'session.facts': {
      request: z.object({ sessionId: SessionId }),
      response: DeviceFacts,
    },
    'session.run': {
      request: z.object({
        sessionId: SessionId,
        command: SafeText(4096).min(1),
        timeoutMs: z.number().int().positive().max(600_000).optional(),
      }),
      response: CommandResult,
    },
    'session.disconnect': {
      request: z.object({ sessionId: SessionId }),
      response: z.object({ closed: z.literal(true) }),
    },
    /** Raw keystrokes from the live terminal. Control characters are allowed here on purpose. */
    'terminal.input': {
      request: z.object({ sessionId: SessionId, data: z.string().max(65_536) }),
      response: z.object({ accepted: z.boolean() }),
    },
    'terminal.resize': {
      request: z.object({ sessionId: SessionId, columns: z.number().int().min(20).max(1000), rows: z.number().int().min(5).max(500) }),
      response: z.object({ accepted: z.boolean() }),
    },
    /** USB-serial adapters and serial ports on this computer (pseudo-terminals are never listed). */
    'serial.list': {
      request: z.object({}),
      response: z.array(SerialPortInfo),
    },
    'host.info': {
      request: z.object({}),
      response: z.object({ version: z.string(), carrier: z.enum(['electron', 'web', 'in-process']), dialects: z.array(DialectId) }),
    },
    ...provisionMethods,
    ...checksMethods,
  },
  events: {
    /** Decoded device output for the live terminal, secrets masked, in order per session. */
    'terminal.output': z.object({ sessionId: SessionId, seq: z.number().int().nonnegative(), data: z.string() }),
    'session.state': z.object({ sessionId: SessionId, state: SessionState, error: ErrorPayload.optional() }),
    ...provisionEvents,
    ...checksEvents,
  },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract['methods'];
export type EventName = keyof Contract['events'];
/** What a caller passes (defaults may be omitted). */
export type RequestOf<M extends MethodName> = z.input<Contract['methods'][M]['request']>;
/** What the implementation receives (defaults filled in). */
export type ParsedRequestOf<M extends MethodName> = z.output<Contract['methods'][M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Contract['methods'][M]['response']>;
export type EventOf<E extends EventName> = z.output<Contract['events'][E]>;

export const methodNames = Object.keys(contract.methods) as MethodName[];
export const eventNames = Object.keys(contract.events) as EventName[];

export function isMethodName(value: string): value is MethodName {
  return Object.hasOwn(contract.methods, value);
}
export function isEventName(value: string): value is EventName {
  return Object.hasOwn(contract.events, value);
}

/** The host's side: one async function per method. */
export type HostApi = { [M in MethodName]: (request: ParsedRequestOf<M>) => Promise<ResponseOf<M>> };

export type Unsubscribe = () => void;

/** The UI's side. Every carrier provides one; the renderer never knows which it has. */
export interface ApiClient {
  invoke<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): Unsubscribe;
}

/** Where the host publishes events; carriers forward them. */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventOf<E>): void;
}
