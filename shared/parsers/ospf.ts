import { z } from 'zod';
import type { DialectId } from '../contract/device';
import { type DialectReader, headerColumns, normalizeLines, readByDialect, rowReader } from './table';

export const OspfRole = z.enum(['DR', 'BDR', 'DROther']);
export type OspfRole = z.infer<typeof OspfRole>;

/**
 * One OSPF neighbour. `state` uses the RFC 2328 names as OSPF writes them (`Full`, `2-Way`,
 * `Init`, `ExStart`, `Exchange`, `Loading`, `Attempt`, `Down`); an unknown word is kept as
 * printed. `role` is the neighbour's DR/BDR role on the segment, null on point-to-point links
 * (`FULL/  -`) and where the table does not show it (VRP brief, Junos). `interface` is the local
 * interface; FRR's `fkab:10.0.12.1` (interface:local address) gives `fkab`.
 */
export const OspfNeighbor = z.object({
  neighborId: z.string().min(1),
  priority: z.number().int().nonnegative().nullable(),
  state: z.string().min(1),
  role: OspfRole.nullable(),
  address: z.string().nullable(),
  interface: z.string().nullable(),
});
export type OspfNeighbor = z.infer<typeof OspfNeighbor>;
export const OspfNeighbors = z.array(OspfNeighbor);

const STATES: Record<string, string> = {
  full: 'Full',
  '2way': '2-Way',
  init: 'Init',
  exstart: 'ExStart',
  exchange: 'Exchange',
  loading: 'Loading',
  attempt: 'Attempt',
  down: 'Down',
};

function stateName(text: string): string {
  return STATES[text.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? text;
}

/** `DR`, `BDR`, FRR `Backup`, `DROTHER`/`DROther`; `-` (point-to-point) and the rest are null. */
function roleName(text: string | undefined): OspfRole | null {
  switch (text?.toLowerCase()) {
    case 'dr':
      return 'DR';
    case 'bdr':
    case 'backup':
      return 'BDR';
    case 'drother':
      return 'DROther';
    default:
      return null;
  }
}

/** `FULL/DR`, `FULL/  -` (IOS pads the role), `Full/ -` (Comware): state and role. */
function splitState(text: string): { state: string; role: OspfRole | null } {
  const [state = text, role] = text.split('/');
  return { state: stateName(state), role: roleName(role) };
}

/** Joins `FULL/  -` into one token so that rows split on whitespace. */
function joinStateRole(line: string): string {
  return line.replace(/\/\s+(?=\S)/g, '/');
}

/**
 * Cisco IOS `show ip ospf neighbor` (Neighbor ID, Pri, State, Dead Time, Address, Interface) and
 * FRR's (Up Time before Dead Time, then RXmtL RqstL DBsmL counters).
 */
function parseIosLike(lines: string[]): OspfNeighbor[] | null {
  let layout: 'ios' | 'frr' | null = null;
  const neighbors: OspfNeighbor[] = [];
  for (const line of lines) {
    if (/^\s*Neighbor ID\s+Pri\s+State/.test(line)) {
      layout = /Up Time/.test(line) ? 'frr' : 'ios';
      continue;
    }
    if (layout === null) continue;
    const tokens = joinStateRole(line).trim().split(/\s+/);
    const [neighborId, priority, stateRole, ...rest] = tokens;
    if (!neighborId || !priority || !/^\d+$/.test(priority) || !stateRole?.includes('/')) continue;
    const [address, interfaceName] = layout === 'frr' ? [rest[2], rest[3]] : [rest[1], rest[2]];
    neighbors.push({
      neighborId,
      priority: Number(priority),
      ...splitState(stateRole),
      address: address ?? null,
      interface: interfaceName?.replace(/:.*$/, '') ?? null,
    });
  }
  return layout === null ? null : neighbors;
}

/**
 * Tables read by the names in their header: VRP `display ospf peer brief` (Area Id, Interface,
 * Neighbor id, State), Comware `display ospf peer` (Router ID, Address, Pri, Dead-Time, State,
 * Interface; Comware 5 puts Interface before State), Junos `show ospf neighbor` (Address,
 * Interface, State, ID, Pri, Dead). Two-word names are joined before splitting.
 */
function parseByHeader(lines: string[], header: RegExp): OspfNeighbor[] | null {
  let columns: string[] | null = null;
  const neighbors: OspfNeighbor[] = [];
  for (const line of lines) {
    if (header.test(line)) {
      columns = headerColumns(line.replace(/\b(Area|Neighbor|Router) (Id|ID|id)\b/g, '$1Id'));
      continue;
    }
    if (columns === null) continue;
    const value = rowReader(columns, joinStateRole(line).trim().split(/\s+/));
    if (!value) continue;
    const neighborId = value('neighborid', 'routerid', 'id');
    const stateText = value('state');
    const priority = value('pri');
    if (!neighborId || !/^\d+(?:\.\d+){3}$/.test(neighborId) || !stateText) continue;
    neighbors.push({
      neighborId,
      priority: priority && /^\d+$/.test(priority) ? Number(priority) : null,
      ...splitState(stateText),
      address: value('address') ?? null,
      interface: value('interface') ?? null,
    });
  }
  return columns === null ? null : neighbors;
}

const IOS_LIKE: DialectReader<string[], OspfNeighbor[]> = {
  read: parseIosLike,
  expected: '`show ip ospf neighbor` table header (`Neighbor ID Pri State`)',
};

const READERS: Record<DialectId, DialectReader<string[], OspfNeighbor[]>> = {
  ios: IOS_LIKE,
  maipu: IOS_LIKE,
  ruijie: IOS_LIKE,
  vrp: {
    read: (lines) => parseByHeader(lines, /^\s*Area Id\s+Interface\s+Neighbor id\s+State/i),
    expected: '`display ospf peer brief` table header (`Area Id Interface Neighbor id State`)',
  },
  comware: {
    read: (lines) => parseByHeader(lines, /^\s*Router ID\s+Address\s+Pri\s+Dead-Time/i),
    expected: '`display ospf peer` table header (`Router ID Address Pri Dead-Time ...`)',
  },
  junos: {
    read: (lines) => parseByHeader(lines, /^\s*Address\s+Interface\s+State\s+ID\s+Pri/),
    expected: '`show ospf neighbor` table header (`Address Interface State ID Pri Dead`)',
  },
};

/**
 * The neighbours of the dialect's OSPF neighbour table. Pure. Throws {@link OutputParseError}
 * when the table's header is not in the output; a header without rows (no neighbour, or OSPF
 * printing only its process line) gives an empty array. Maipu and Ruijie are read as IOS
 * (unverified).
 */
export function parseOspfNeighbors(dialect: DialectId, output: string): OspfNeighbor[] {
  return readByDialect(dialect, normalizeLines(output), READERS);
}
