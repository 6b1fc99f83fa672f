import { z } from 'zod';
import type { DialectId } from '../contract/device';
import { OutputParseError, normalizeLines } from './table';

/**
 * The summary of one ping run. Round-trip times are in milliseconds and null when nothing came
 * back (or the device printed no round-trip line). `lossPercent` is the device's own figure where
 * it prints one; Cisco-like devices print a success rate, so it is derived from the counts there.
 */
export const PingResult = z.object({
  sent: z.number().int().nonnegative(),
  received: z.number().int().nonnegative(),
  lossPercent: z.number().min(0).max(100),
  rttMinMs: z.number().nonnegative().nullable(),
  rttAvgMs: z.number().nonnegative().nullable(),
  rttMaxMs: z.number().nonnegative().nullable(),
});
export type PingResult = z.infer<typeof PingResult>;

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
/** Cisco IOS and Ruijie (which ends the line with a period and counts only the requests sent). */
const SUCCESS_RATE = new RegExp(String.raw`Success rate is (\d+) percent \((\d+)/(\d+)\)(?:, round-trip min/avg/max = ${NUMBER}/${NUMBER}/${NUMBER} ms)?`);
/**
 * Linux (`3 packets transmitted, 3 received`), BSD/Junos (`5 packets received`), VRP and Comware
 * (`5 packet(s) transmitted`, one per line on VRP and Comware 5, on one line on Comware 7).
 */
const TRANSMITTED = /(\d+) packet(?:s|\(s\)) transmitted/;
const RECEIVED = /(\d+) (?:packets? |packet\(s\) )?received/;
const LOSS = new RegExp(String.raw`${NUMBER}% packet loss`);
/** `rtt min/avg/max/mdev` (Linux), `round-trip min/avg/max[/stddev|/std-dev]` (the others). */
const ROUND_TRIP = new RegExp(String.raw`(?:rtt|round-trip) min/avg/max(?:/[a-z-]+)? = ${NUMBER}/${NUMBER}/${NUMBER}(?:/${NUMBER})? ms`);

const IOS_LIKE: ReadonlySet<DialectId> = new Set(['ios', 'maipu', 'ruijie']);

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function times(received: number, min?: string, avg?: string, max?: string): Pick<PingResult, 'rttMinMs' | 'rttAvgMs' | 'rttMaxMs'> {
  // Some captures keep a stale round-trip line after 0/N; with nothing received it means nothing.
  if (received === 0 || min === undefined || avg === undefined || max === undefined) return { rttMinMs: null, rttAvgMs: null, rttMaxMs: null };
  return { rttMinMs: Number(min), rttAvgMs: Number(avg), rttMaxMs: Number(max) };
}

function fromSuccessRate(text: string): PingResult | null {
  const match = SUCCESS_RATE.exec(text);
  if (!match) return null;
  const received = Number(match[2]);
  const sent = Number(match[3]);
  return { sent, received, lossPercent: sent === 0 ? 100 : round(((sent - received) / sent) * 100), ...times(received, match[4], match[5], match[6]) };
}

function fromStatistics(text: string): PingResult | null {
  const transmitted = TRANSMITTED.exec(text);
  if (!transmitted) return null;
  // Read the counts after the `transmitted` line so that per-reply lines cannot be mistaken for them.
  const rest = text.slice(transmitted.index + transmitted[0].length);
  const received = RECEIVED.exec(rest);
  if (!received) throw new OutputParseError('the ping summary has a "transmitted" count but no "received" count');
  const loss = LOSS.exec(rest);
  if (!loss) throw new OutputParseError('the ping summary has no "% packet loss" figure');
  const sent = Number(transmitted[1]);
  const got = Number(received[1]);
  const roundTrip = ROUND_TRIP.exec(rest);
  return { sent, received: got, lossPercent: Number(loss[1]), ...times(got, roundTrip?.[1], roundTrip?.[2], roundTrip?.[3]) };
}

/**
 * The summary of a ping's output. Pure. Throws {@link OutputParseError} naming what was missing
 * when the text holds no ping summary (an error message, a ping still running, another command).
 * The `ios` dialect covers FRR, whose `ping` is the Linux one.
 */
export function parsePing(dialect: DialectId, output: string): PingResult {
  const text = normalizeLines(output).join('\n');
  const result = (IOS_LIKE.has(dialect) ? fromSuccessRate(text) : null) ?? fromStatistics(text);
  if (result === null) {
    const expected = IOS_LIKE.has(dialect) ? '"Success rate is N percent (R/S)" line or a "packets transmitted" count' : 'a "packets transmitted" count';
    throw new OutputParseError(`not a ping summary: no ${expected} found in the output`);
  }
  return result;
}
