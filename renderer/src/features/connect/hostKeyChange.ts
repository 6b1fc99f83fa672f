import { z } from 'zod';
import type { ErrorPayload } from '../../../../shared/contract';

/** The `details` the host attaches to a HostKeyChanged error (host/transports/ssh/hostKey.ts). */
const HostKeyChangeDetails = z.object({
  storedFingerprint: z.string().min(1),
  presentedFingerprint: z.string().regex(/^SHA256:\S+$/),
  algorithm: z.string().optional(),
});
export type HostKeyChange = z.infer<typeof HostKeyChangeDetails>;

/**
 * The two fingerprints of a refused SSH connection, or null when the error is something else
 * or its details are unusable (then no "trust" button is offered: there is nothing to confirm).
 */
export function hostKeyChange(error: ErrorPayload | null): HostKeyChange | null {
  if (error?.code !== 'HostKeyChanged') return null;
  const parsed = HostKeyChangeDetails.safeParse(error.details);
  return parsed.success ? parsed.data : null;
}
