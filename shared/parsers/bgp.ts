import { z } from 'zod';
import type { DialectId } from '../contract/device';
import { type DialectReader, headerColumns, normalizeLines, readByDialect, rowReader } from './table';

/**
 * One neighbour of a BGP summary. `state` is `Established` or the state the device prints for a
 * session that is not up (`Idle`, `Idle (Admin)`, `Active`, `Connect`, `OpenSent`, `OpenConfirm`).
 * `prefixesReceived` is the count an Established session received; null when the session is not
 * Established or the device prints no count for it (FRR `(Policy)`). `upDown` is as printed.
 */
export const BgpNeighbor = z.object({
  address: z.string().min(1),
  remoteAs: z.number().int().nonnegative(),
  state: z.string().min(1),
  prefixesReceived: z.number().int().nonnegative().nullable(),
  upDown: z.string().nullable(),
});
export type BgpNeighbor = z.infer<typeof BgpNeighbor>;

/** Junos prints neither the router ID nor the local AS in `show bgp summary`: both are null there. */
export const BgpSummary = z.object({
  routerId: z.string().nullable(),
  localAs: z.number().int().nonnegative().nullable(),
  neighbors: z.array(BgpNeighbor),
});
export type BgpSummary = z.infer<typeof BgpSummary>;

/** `65000`, or asdot `1.10` (= 65546) as IOS prints 4-byte AS numbers with `bgp asnotation dot`. */
function asNumber(text: string | undefined): number | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text ?? '');
  if (!match) return null;
  return match[2] === undefined ? Number(match[1]) : Number(match[1]) * 65536 + Number(match[2]);
}

function neighbor(address: string, remoteAs: number, state: string, prefixes: number | null, upDown: string | null): BgpNeighbor {
  const established = /^establ(?:ished)?$/i.test(state);
  return { address, remoteAs, state: established ? 'Established' : state, prefixesReceived: established ? prefixes : null, upDown };
}

/**
 * Cisco IOS and FRR `show ip bgp summary`: a number in State/PfxRcd means Established with that
 * many prefixes; FRR adds PfxSnt and Desc columns and prints `(Policy)` for an Established session
 * whose routes an eBGP policy blocks. IOS wraps a row whose address fills the column onto two lines.
 * `show ip bgp all summary` repeats the header per address family: the first section's router ID
 * and AS are kept, neighbours of every section are listed.
 */
function parseIosLike(lines: string[]): BgpSummary | null {
  const summary: BgpSummary = { routerId: null, localAs: null, neighbors: [] };
  let inTable = false;
  let withPfxSnt = false;
  let pending = '';
  for (const line of lines) {
    const identity = /BGP router identifier (\S+), local AS number (\S+)/.exec(line);
    if (identity) {
      summary.routerId ??= identity[1] ?? null;
      summary.localAs ??= asNumber(identity[2]);
      inTable = false;
      continue;
    }
    if (/^Neighbor\s+V\s+AS\s+.*State\/PfxRcd/.test(line)) {
      inTable = true;
      withPfxSnt = /PfxSnt/.test(line);
      continue;
    }
    if (!inTable) continue;
    if (line.trim() === '' || /^Total number of neighbors/.test(line)) {
      inTable = false;
      continue;
    }
    const text = pending === '' ? line : `${pending} ${line.trim()}`;
    const tokens = text.trim().split(/\s+/);
    if (tokens.length === 1) {
      pending = text.trim();
      continue;
    }
    pending = '';
    const [address, , as, , , , , , upDown, ...rest] = tokens;
    const remoteAs = asNumber(as);
    if (!address || remoteAs === null || rest.length === 0) continue;
    let stateText = rest.join(' ');
    if (withPfxSnt) stateText = /^(.*?)\s+(?:\d+|\(Policy\))\s+\S.*$/.exec(stateText)?.[1] ?? stateText;
    if (/^\d+$/.test(stateText)) summary.neighbors.push(neighbor(address, remoteAs, 'Established', Number(stateText), upDown ?? null));
    else if (stateText === '(Policy)') summary.neighbors.push(neighbor(address, remoteAs, 'Established', null, upDown ?? null));
    else summary.neighbors.push(neighbor(address, remoteAs, stateText, null, upDown ?? null));
  }
  return summary.routerId === null && summary.neighbors.length === 0 ? null : summary;
}

/**
 * Huawei VRP `display bgp peer` and H3C Comware `display bgp peer ipv4`: a header of
 * `Key : value` lines, then one row a peer with one token a column; the columns are read by the
 * names in the table header (VRP puts State before PrefRcv, Comware after). Comware marks a
 * dynamically created peer with a leading `*`.
 */
function parseVrpLike(lines: string[]): BgpSummary | null {
  const summary: BgpSummary = { routerId: null, localAs: null, neighbors: [] };
  let columns: string[] | null = null;
  for (const line of lines) {
    const routerId = /BGP local router ID\s*:\s*(\S+)/i.exec(line);
    if (routerId) summary.routerId = routerId[1] ?? null;
    const localAs = /Local AS number\s*:\s*(\S+)/i.exec(line);
    if (localAs) summary.localAs = asNumber(localAs[1]);
    if (/^\s*Peer\s+.*\bAS\b.*\bState\b/.test(line)) {
      columns = headerColumns(line);
      continue;
    }
    if (columns === null || line.trim() === '') continue;
    const tokens = line.trim().replace(/^\*\s*/, '').split(/\s+/);
    const value = rowReader(columns, tokens);
    if (!value) continue;
    const remoteAs = asNumber(value('as'));
    const state = value('state');
    const prefixes = value('prefrcv');
    if (remoteAs === null || !state || !tokens[0]) continue;
    summary.neighbors.push(neighbor(tokens[0], remoteAs, state, prefixes && /^\d+$/.test(prefixes) ? Number(prefixes) : null, value('up/down') ?? null));
  }
  return columns === null ? null : summary;
}

const JUNOS_COUNTS = /^(\d+)\/(\d+)\/(\d+)\/(\d+)$/;

/**
 * Junos `show bgp summary`: `Peer AS InPkt OutPkt OutQ Flaps Last Up/Dwn State|#Active/Received/
 * Accepted/Damped...`. An Established peer shows `Establ` and one `table: a/r/acc/d` line per RIB
 * below it, or the counts in place of the state; received prefixes are summed over its RIBs. The
 * Last Up/Dwn column holds one or two tokens (`43:12`, `9w2d 5:23:37`).
 */
function parseJunos(lines: string[]): BgpSummary | null {
  const summary: BgpSummary = { routerId: null, localAs: null, neighbors: [] };
  let inTable = false;
  let current: BgpNeighbor | null = null;
  for (const line of lines) {
    if (/^Peer\s+AS\s+InPkt\s+OutPkt/.test(line)) {
      inTable = true;
      continue;
    }
    if (!inTable) continue;
    const rib = /^\s+\S+:\s+(\d+)\/(\d+)\/(\d+)\/(\d+)/.exec(line);
    if (rib && current?.state === 'Established') {
      current.prefixesReceived = (current.prefixesReceived ?? 0) + Number(rib[2]);
      continue;
    }
    const tokens = line.trim().split(/\s+/);
    const [address, as, , , , , ...rest] = tokens;
    const remoteAs = asNumber(as);
    if (!address || remoteAs === null || rest.length < 2 || /^\s/.test(line)) continue;
    const inline = rest.filter((token) => JUNOS_COUNTS.test(token));
    if (inline.length > 0) {
      const upDown = rest.slice(0, rest.length - inline.length).join(' ');
      const received = inline.reduce((sum, token) => sum + Number(JUNOS_COUNTS.exec(token)?.[2] ?? 0), 0);
      current = neighbor(address, remoteAs, 'Established', received, upDown || null);
    } else {
      const state = rest.at(-1) ?? '';
      current = neighbor(address, remoteAs, state, null, rest.slice(0, -1).join(' ') || null);
    }
    summary.neighbors.push(current);
  }
  return inTable ? summary : null;
}

const IOS_LIKE: DialectReader<string[], BgpSummary> = {
  read: parseIosLike,
  expected: '`show ip bgp summary` (`BGP router identifier` line or `Neighbor ... State/PfxRcd` header)',
};

const READERS: Record<DialectId, DialectReader<string[], BgpSummary>> = {
  ios: IOS_LIKE,
  maipu: IOS_LIKE,
  ruijie: IOS_LIKE,
  vrp: { read: parseVrpLike, expected: '`display bgp peer` table header (`Peer V AS ... State PrefRcv`)' },
  comware: { read: parseVrpLike, expected: '`display bgp peer ipv4` table header (`Peer AS ... PrefRcv Up/Down State`)' },
  junos: { read: parseJunos, expected: '`show bgp summary` table header (`Peer AS InPkt OutPkt ...`)' },
};

/**
 * The BGP summary of the dialect's neighbour table. Pure. Throws {@link OutputParseError} when
 * the output holds no such table (`% BGP not active`, an error, another command's output). Maipu
 * and Ruijie are read as IOS (unverified: no public output of theirs was found).
 */
export function parseBgpSummary(dialect: DialectId, output: string): BgpSummary {
  return readByDialect(dialect, normalizeLines(output), READERS);
}
