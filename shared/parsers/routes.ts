import { z } from 'zod';
import type { DialectId } from '../contract/device';
import { type DialectReader, normalizeLines, readByDialect } from './table';

/** A next hop: the gateway address (null when directly connected) and the outgoing interface. */
export const RouteNextHop = z.object({
  address: z.string().nullable(),
  interface: z.string().nullable(),
});
export type RouteNextHop = z.infer<typeof RouteNextHop>;

/**
 * The route a lookup of one address found. `prefix` is `A.B.C.D/L`; `protocol` is lower case as the
 * device names it (`ospf`, `bgp`, `static`, `connected`, `direct`, `o_ase`...); both null and
 * `nextHops` empty when no route covers the address.
 */
export const RouteLookup = z.object({
  found: z.boolean(),
  prefix: z.string().nullable(),
  protocol: z.string().nullable(),
  nextHops: z.array(RouteNextHop),
});
export type RouteLookup = z.infer<typeof RouteLookup>;

const NOT_FOUND: RouteLookup = { found: false, prefix: null, protocol: null, nextHops: [] };

function prefixLength(prefix: string): number {
  return Number(/\/(\d+)$/.exec(prefix)?.[1] ?? -1);
}

/** Of several matching routes, the most specific one: the longest-match the device forwards on. */
function mostSpecific(routes: RouteLookup[]): RouteLookup {
  return routes.reduce((best, route) => (prefixLength(route.prefix ?? '') > prefixLength(best.prefix ?? '') ? route : best));
}

const IOS_HOP = /^\s*\*?\s*(directly connected|[0-9a-fA-F.:]+(?: \(recursive\))?),\s*(.*)$/;

/**
 * Cisco IOS and FRR `show ip route A.B.C.D`: `Routing entry for P/L`, `Known via "ospf 1"`, then
 * next-hop lines (`* 172.16.2.2, from 10.1.1.10, 00:00:18 ago, via Gi0/0`; FRR `* 10.0.12.2, via
 * fkab, weight 1`, `* directly connected, fkab`). FRR prints one entry per protocol holding the
 * prefix; the one whose `Known via` line says `best` is taken. Not found: IOS prints `% Network
 * not in table` / `% Subnet not in table`; FRR 8.4 prints nothing at all (captured on the peer).
 */
function parseIosLike(lines: string[]): RouteLookup | null {
  const text = lines.join('\n');
  if (/% (?:Network|Subnet) not in table/.test(text) || text.trim() === '') return NOT_FOUND;
  const entries: { route: RouteLookup; best: boolean }[] = [];
  for (const line of lines) {
    const entry = /^Routing entry for (\S+)(?: (\d+\.\d+\.\d+\.\d+))?/.exec(line);
    if (entry?.[1]) {
      const prefix = entry[2] ? `${entry[1]}/${maskLength(entry[2])}` : entry[1];
      entries.push({ route: { found: true, prefix, protocol: null, nextHops: [] }, best: false });
      continue;
    }
    const current = entries.at(-1);
    if (!current) continue;
    const known = /^\s*Known via "([^"]+)"(.*)$/.exec(line);
    if (known) {
      current.route.protocol = known[1]?.split(/\s+/)[0]?.toLowerCase() ?? null;
      current.best = /\bbest\b/.test(known[2] ?? '');
      continue;
    }
    const hop = IOS_HOP.exec(line);
    if (!hop?.[1] || /^\s*(?:Last update|Route metric|Known via)/.test(line)) continue;
    const address = hop[1] === 'directly connected' ? null : hop[1].replace(/ \(recursive\)$/, '');
    const via = /\bvia ([^\s,]+)/.exec(hop[2] ?? '')?.[1];
    const first = (hop[2] ?? '').split(',')[0]?.trim();
    const interfaceName = via ?? (address === null && first ? first : null);
    current.route.nextHops.push({ address, interface: interfaceName });
  }
  if (entries.length === 0) return null;
  return (entries.find((entry) => entry.best) ?? entries[0])?.route ?? null;
}

function maskLength(mask: string): number {
  return mask.split('.').reduce((bits, octet) => bits + (Number(octet) >>> 0).toString(2).replace(/0/g, '').length, 0);
}

/**
 * Huawei VRP and H3C Comware `display ip routing-table A.B.C.D`: a `Destination/Mask Proto Pre
 * Cost [Flags] NextHop Interface` table whose first route row carries the prefix (VRP right-aligns
 * it) and whose equal-cost rows below repeat Proto onwards (VRP) or only NextHop and Interface
 * (Comware). A header without rows (`Summary
 * Count : 0`) is not found.
 */
function parseVrpLike(lines: string[]): RouteLookup | null {
  let inTable = false;
  const routes: RouteLookup[] = [];
  for (const line of lines) {
    if (/^\s*Destination\/Mask\s+Proto\s+Pre\s+Cost/.test(line)) {
      inTable = true;
      continue;
    }
    if (!inTable || line.trim() === '') continue;
    const tokens = line.trim().split(/\s+/);
    const startsRoute = /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(tokens[0] ?? '');
    const current = routes.at(-1);
    if ((startsRoute && tokens.length < 5) || (!startsRoute && (!current || tokens.length < 2))) continue;
    const protocol = startsRoute ? (tokens[1]?.toLowerCase() ?? null) : null;
    const address = tokens.at(-2) ?? null;
    const hop: RouteNextHop = { address: address === '0.0.0.0' ? null : address, interface: tokens.at(-1) ?? null };
    if (startsRoute) routes.push({ found: true, prefix: tokens[0] ?? null, protocol, nextHops: [hop] });
    else current?.nextHops.push(hop);
  }
  if (!inTable) return null;
  return routes.length === 0 ? NOT_FOUND : mostSpecific(routes);
}

/**
 * Junos `show route A.B.C.D [active-path]`: per matching prefix a line `P/L *[Proto/Pref] ...`
 * (`*` marks the active route) and next-hop lines (`> to 10.0.2.1 via ge-0/0/3.10`, `Local via
 * lo0.0`, `Discard`). Of several prefixes the most specific is taken; a prefix's first active entry
 * gives its protocol and next hops. Nothing printed (no route) is not found.
 */
function parseJunos(lines: string[]): RouteLookup | null {
  const text = lines.join('\n');
  if (text.trim() === '') return NOT_FOUND;
  const routes: RouteLookup[] = [];
  let sawTable = false;
  let collecting: RouteLookup | null = null;
  for (const line of lines) {
    if (/^\S+\.inet6?\.0:|^inet6?\.0:/.test(line)) {
      sawTable = true;
      continue;
    }
    const entry = /^(?:(\S+\/\d+)\s+)?\s*([*+-]?)\[([^/\]]+)\/\d+\]/.exec(line);
    if (entry) {
      if (entry[1]) routes.push({ found: true, prefix: entry[1], protocol: null, nextHops: [] });
      const route = routes.at(-1);
      const active = entry[2] === '*' || entry[2] === '+';
      collecting = route && active && route.protocol === null ? route : null;
      if (collecting) collecting.protocol = entry[3]?.toLowerCase() ?? null;
      continue;
    }
    if (!collecting) continue;
    const hop = /^\s+>?\s*to (\S+) via (\S+)/.exec(line);
    if (hop) collecting.nextHops.push({ address: hop[1] ?? null, interface: hop[2] ?? null });
    const local = /^\s+>?\s*(?:Local|Receive) via (\S+)/.exec(line);
    if (local) collecting.nextHops.push({ address: null, interface: local[1] ?? null });
  }
  if (routes.length === 0) return sawTable ? NOT_FOUND : null;
  return mostSpecific(routes);
}

const IOS_LIKE: DialectReader<string[], RouteLookup> = {
  read: parseIosLike,
  expected: '`show ip route A.B.C.D` result (`Routing entry for`, `% Network not in table`)',
};

const VRP_LIKE: DialectReader<string[], RouteLookup> = {
  read: parseVrpLike,
  expected: '`display ip routing-table A.B.C.D` table header (`Destination/Mask Proto Pre Cost`)',
};

const READERS: Record<DialectId, DialectReader<string[], RouteLookup>> = {
  ios: IOS_LIKE,
  maipu: IOS_LIKE,
  ruijie: IOS_LIKE,
  vrp: VRP_LIKE,
  comware: VRP_LIKE,
  junos: { read: parseJunos, expected: '`show route A.B.C.D` result (`inet.0:` table or `P/L *[Proto/Pref]` entries)' },
};

/**
 * The route a one-address lookup found. Pure. Throws {@link OutputParseError} when the output is
 * neither a route nor the dialect's "no route" answer. Empty output means "no route" for `ios`
 * (FRR prints nothing) and `junos`: the caller must have checked the command itself succeeded.
 */
export function parseRoutes(dialect: DialectId, output: string): RouteLookup {
  return readByDialect(dialect, normalizeLines(output), READERS);
}
