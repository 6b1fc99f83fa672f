import { z } from 'zod';
import { Envelope } from './errors';

/**
 * Frames of the WebSocket carrier (web mode). The socket URL is `/api?token=TOKEN` on the same
 * 127.0.0.1 origin that served the page; the page learns the token from its URL fragment
 * (`#token=...`), which browsers never send to the server.
 */
export const ClientFrame = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  method: z.string().max(64),
  payload: z.unknown(),
});
export type ClientFrame = z.infer<typeof ClientFrame>;

export const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int().nonnegative(), envelope: Envelope }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

export const WEB_API_PATH = '/api';
export const TOKEN_QUERY = 'token';
