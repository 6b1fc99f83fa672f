import { z } from 'zod';
import type { DialectId } from '../contract/device';
import { OutputParseError, normalizeLines } from './table';

/** One number the gateway registers with a SIP registrar. `expires` is seconds, null when not shown (`N/A`). */
export const SipRegistration = z.object({
  line: z.string().min(1),
  registered: z.boolean(),
  expires: z.number().int().nonnegative().nullable(),
});
export type SipRegistration = z.infer<typeof SipRegistration>;

function seconds(text: string | undefined): number | null {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

/**
 * Cisco IOS `show sip-ua register status`: `Line peer expires(sec) registered` (older) or
 * `... reg. survival P-Associated-URI` (newer) with `yes`/`no`. Maipu and Ruijie are read the same
 * way, unverified.
 */
function parseIosLike(lines: string[]): SipRegistration[] | null {
  let seen = false;
  const rows: SipRegistration[] = [];
  for (const line of lines) {
    if (/^\s*Line\s+peer\s+expires\(sec\)\s+reg/i.test(line)) {
      seen = true;
      continue;
    }
    const match = seen ? /^\s*(\S+)\s+(-?\d+)\s+(-?\d+)\s+(yes|no)\b/i.exec(line) : null;
    if (match?.[1]) rows.push({ line: match[1], registered: match[4]?.toLowerCase() === 'yes', expires: seconds(match[3]) });
  }
  return seen ? rows : null;
}

/** H3C Comware `display voice sip register-status`: `Number Entity Registrar Server Expires Status` (Online/Offline). */
function parseComware(lines: string[]): SipRegistration[] | null {
  let seen = false;
  const rows: SipRegistration[] = [];
  for (const line of lines) {
    if (/^\s*Number\s+Entity\s+Registrar Server\s+Expires\s+Status/i.test(line)) {
      seen = true;
      continue;
    }
    const match = seen ? /^\s*(\S+)\s+\S+\s+\S+\s+(\S+)\s+(Online|Offline)\b/i.exec(line) : null;
    if (match?.[1]) rows.push({ line: match[1], registered: match[3]?.toLowerCase() === 'online', expires: seconds(match[2]) });
  }
  return seen ? rows : null;
}

/**
 * The SIP registrations of the dialect's registration table. Pure. Throws
 * {@link OutputParseError} when the table header is missing. VRP (AR voice) and Junos have no
 * verified output format: they always throw.
 */
export function parseSipRegistration(dialect: DialectId, output: string): SipRegistration[] {
  const lines = normalizeLines(output);
  switch (dialect) {
    case 'ios':
    case 'maipu':
    case 'ruijie': {
      const rows = parseIosLike(lines);
      if (rows === null) throw new OutputParseError('no `show sip-ua register status` header (Line peer expires(sec) registered) found in the output');
      return rows;
    }
    case 'comware': {
      const rows = parseComware(lines);
      if (rows === null) throw new OutputParseError('no `display voice sip register-status` header (Number Entity Registrar Server Expires Status) found in the output');
      return rows;
    }
    case 'vrp':
      throw new OutputParseError('SIP registration output of VRP (AR voice) is not verified: no public sample found, capture one from a device');
    case 'junos':
      throw new OutputParseError('Junos has no SIP registration check');
  }
}
