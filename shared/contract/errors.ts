import { z } from 'zod';

/**
 * Codes for faults that cross the UI/host boundary. Device *outcomes* (a command the device
 * rejected) are not errors: they come back as result objects with `failed: true`. Only faults
 * of the line or of the request reject.
 */
export const ErrorCode = z.enum([
  'InvalidRequest',
  'ConnectionRefused',
  'HostUnreachable',
  'Timeout',
  'AuthFailed',
  'EnableFailed',
  'PromptNotFound',
  'ConnectionClosed',
  'NegotiationFailed',
  'HostKeyChanged',
  'PermissionDenied',
  'PortBusy',
  'PortNotFound',
  'ModeUnreachable',
  'SessionNotFound',
  'SessionBusy',
  'Cancelled',
  'Internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorPayload = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;

/** A typed error that survives any carrier: it is serialised as {@link ErrorPayload}. */
export class FieldKitError extends Error {
  override readonly name = 'FieldKitError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  toPayload(): ErrorPayload {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }

  static fromPayload(payload: ErrorPayload): FieldKitError {
    return new FieldKitError(payload.code, payload.message, payload.details);
  }
}

export function isFieldKitError(value: unknown): value is FieldKitError {
  return value instanceof FieldKitError;
}

/** The envelope every carrier uses for a method's answer. */
export const Envelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorPayload }),
]);
export type Envelope = z.infer<typeof Envelope>;
