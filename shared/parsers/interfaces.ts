import { z } from 'zod';
import type { DialectId } from '../contract/device';
import { type DialectReader, normalizeLines, readByDialect } from './table';

/**
 * One row of an interface summary table. `adminUp` is false only when the device says the
 * interface is shut down; `operUp` is the protocol (or, without a protocol column, the link)
 * state. Null means the table does not say. `address` is the primary address as printed
 * (CIDR where the device prints a mask, a bare address otherwise); `raw` is the row's line(s).
 */
export const InterfaceState = z.object({
  name: z.string().min(1),
  adminUp: z.boolean().nullable(),
  operUp: z.boolean().nullable(),
  address: z.string().nullable(),
  description: z.string().nullable(),
  raw: z.string(),
});
export type InterfaceState = z.infer<typeof InterfaceState>;
export const InterfaceStates = z.array(InterfaceState);

/** Null for the placeholders devices print in an empty cell. */
function cell(value: string | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed || trimmed === '--' || trimmed === 'unassigned' || trimmed === 'no address') return null;
  return trimmed;
}

/** `up`, `UP`, `up(s)` (spoofing), `up(l)` (loopback) → true; `down`, `*down`, `^down` → false. */
function upState(value: string | undefined): boolean | null {
  const match = /^[*^!]?(up|down)\b/i.exec(value ?? '');
  return match ? match[1]?.toLowerCase() === 'up' : null;
}

interface Row {
  state: InterfaceState;
  /** Continuation lines (secondary addresses, further families) are appended to `raw`. */
  lines: string[];
}

function finish(rows: Row[]): InterfaceState[] {
  return rows.map(({ state, lines }) => ({ ...state, raw: lines.join('\n') }));
}

function base(name: string, line: string): Row {
  return { state: { name, adminUp: null, operUp: null, address: null, description: null, raw: line }, lines: [line] };
}

/**
 * IOS-like tables: Cisco `show ip interface brief` (Status / Protocol, `administratively down`),
 * Ruijie's `IP-Address(Pri) IP-Address(Sec)` variant with names like `GigabitEthernet 0/2` and
 * secondary addresses on their own lines, and FRR `show interface brief`.
 */
function parseIosLike(lines: string[]): InterfaceState[] | null {
  const rows: Row[] = [];
  let layout: 'cisco' | 'ruijie' | 'frr' | null = null;
  for (const line of lines) {
    if (/^\s*Interface\s+IP-Address\s+OK\?\s+Method\s+Status\s+Protocol/.test(line)) layout = 'cisco';
    else if (/^\s*Interface\s+IP-Address\(Pri\)\s+IP-Address\(Sec\)\s+Status\s+Protocol/.test(line)) layout = 'ruijie';
    else if (/^Interface\s+Status\s+VRF\s+Addresses/.test(line)) layout = 'frr';
    else if (layout === 'cisco') {
      const match = /^\s*(\S+)\s+(\S+)\s+\S+\s+\S+\s+(administratively down|\S+)\s+(\S+.*)$/.exec(line);
      if (!match?.[1]) continue;
      const row = base(match[1], line);
      row.state.address = cell(match[2]);
      row.state.adminUp = match[3] !== 'administratively down';
      row.state.operUp = upState(match[4]);
      rows.push(row);
    } else if (layout === 'ruijie') {
      const match = /^\s*(\S+(?: \d\S*)?)\s+(no address|\S+)\s+(no address|\S+)\s+(administratively down|up|down)\s+(\S+)$/.exec(line);
      if (match?.[1]) {
        const row = base(match[1], line);
        row.state.address = cell(match[2]);
        row.state.adminUp = match[4] !== 'administratively down';
        row.state.operUp = upState(match[5]);
        rows.push(row);
      } else if (/^\s+\d[\d.]*\/\d+$/.test(line)) rows.at(-1)?.lines.push(line);
    } else if (layout === 'frr') {
      // FRR prints `if_is_up()`, the administrative IFF_UP flag: it says nothing of the link.
      const match = /^(\S+)\s+(up|down)\s+\S+(?:\s+(\S+))?$/.exec(line);
      if (match?.[1]) {
        const row = base(match[1], line);
        row.state.adminUp = match[2] === 'up';
        row.state.address = cell(match[3]);
        rows.push(row);
      } else if (/^\s+\+?\s*\S+$/.test(line)) rows.at(-1)?.lines.push(line);
    }
  }
  return layout === null ? null : finish(rows);
}

/**
 * Huawei VRP `display interface brief` (Interface PHY Protocol InUti …) and `display ip interface
 * brief` (Interface IP Address/Mask Physical Protocol). `*down` is administratively down, `^down`
 * standby; `(l)`, `(s)`, `(v)`, `(10G)` are annotations, not part of the name. Eth-Trunk members
 * are indented under their trunk.
 */
function parseVrp(lines: string[]): InterfaceState[] | null {
  const rows: Row[] = [];
  let layout: 'brief' | 'ip' | null = null;
  for (const line of lines) {
    if (/^Interface\s+PHY\s+Protocol/.test(line)) layout = 'brief';
    else if (/^Interface\s+IP Address(?:\/Mask)?\s+Physical\s+Protocol/.test(line)) layout = 'ip';
    else if (layout !== null) {
      const tokens = line.trim().split(/\s+/);
      const [name, ...rest] = tokens;
      const [address, physical, protocol] = layout === 'ip' ? rest : [undefined, ...rest];
      if (!name || upState(physical) === null || upState(protocol) === null) continue;
      const row = base(name.replace(/\([^()]*\)$/, ''), line);
      row.state.adminUp = !physical?.startsWith('*');
      row.state.operUp = upState(protocol);
      row.state.address = cell(address);
      rows.push(row);
    }
  }
  return layout === null ? null : finish(rows);
}

/** Comware `Link` column: `ADM` is administratively down, `Stby` standby. */
function comwareLink(value: string | undefined): { adminUp: boolean; linkUp: boolean } | null {
  switch (value?.toUpperCase()) {
    case 'UP':
      return { adminUp: true, linkUp: true };
    case 'DOWN':
    case 'STBY':
      return { adminUp: true, linkUp: false };
    case 'ADM':
      return { adminUp: false, linkUp: false };
    default:
      return null;
  }
}

/**
 * H3C Comware 5/7 `display interface brief`: a route-mode section (Link Protocol Main/Primary IP
 * Description) and a bridge-mode section (Link Speed Duplex Type PVID Description), each after
 * its own legend. A blank line ends a section.
 */
function parseComware(lines: string[]): InterfaceState[] | null {
  const rows: Row[] = [];
  let seen = false;
  let section: 'route' | 'bridge' | null = null;
  for (const line of lines) {
    if (/^Interface\s+Link\s+Protocol\s+(?:Main|Primary) IP/.test(line)) section = 'route';
    else if (/^Interface\s+Link\s+Speed\s+Duplex\s+Type\s+PVID/.test(line)) section = 'bridge';
    else if (line.trim() === '') section = null;
    else if (section !== null) {
      const pattern = section === 'route' ? /^(\S+)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(.*))?$/ : /^(\S+)\s+(\S+)\s+\S+\s+\S+\s+\S+\s+\S+(?:\s+(.*))?$/;
      const match = pattern.exec(line);
      const link = comwareLink(match?.[2]);
      if (!match?.[1] || !link) continue;
      const row = base(match[1], line);
      row.state.adminUp = link.adminUp;
      if (section === 'route') {
        row.state.operUp = link.linkUp ? upState(match[3]) : false;
        row.state.address = cell(match[4]);
        row.state.description = cell(match[5]);
      } else {
        row.state.operUp = link.linkUp;
        row.state.description = cell(match[3]);
      }
      rows.push(row);
    }
    if (section !== null) seen = true;
  }
  return seen ? finish(rows) : null;
}

const ADDRESS = /^[0-9a-f]*[.:][0-9a-f.:]*(?:\/\d+)?$/i;

/**
 * Junos `show interfaces terse`: physical and logical (`ge-0/0/0.0`) rows alike. Further
 * families and addresses of a logical unit follow on indented lines; `address` is the first
 * inet address, else the first inet6 one.
 */
function parseJunos(lines: string[]): InterfaceState[] | null {
  const rows: Row[] = [];
  const addresses = new Map<Row, { inet?: string; inet6?: string }>();
  let inTable = false;
  let family: string | null = null;
  const note = (row: Row | undefined, value: string | undefined) => {
    if (!row || !value || !ADDRESS.test(value) || (family !== 'inet' && family !== 'inet6')) return;
    const known = addresses.get(row) ?? {};
    known[family] ??= value;
    addresses.set(row, known);
  };
  for (const line of lines) {
    if (/^\s*Interface\s+Admin\s+Link\s+Proto\s+Local/.test(line)) {
      inTable = true;
      continue;
    }
    if (!inTable) continue;
    const match = /^(\S+)\s+(up|down)\s+(up|down)(?:\s+(\S+))?(?:\s+(\S+))?/.exec(line);
    if (match?.[1]) {
      const row = base(match[1], line);
      row.state.adminUp = match[2] === 'up';
      row.state.operUp = match[3] === 'up';
      rows.push(row);
      family = match[4] ?? null;
      note(row, match[5]);
    } else if (/^\s+\S/.test(line) && rows.length > 0) {
      const row = rows.at(-1);
      row?.lines.push(line);
      const tokens = line.trim().split(/\s+/);
      if (tokens[0] && !ADDRESS.test(tokens[0])) family = tokens.shift() ?? null;
      note(row, tokens[0]);
    }
  }
  for (const [row, known] of addresses) row.state.address = known.inet ?? known.inet6 ?? null;
  return inTable ? finish(rows) : null;
}

const READERS: Record<DialectId, DialectReader<string[], InterfaceState[]>> = {
  ios: { read: parseIosLike, expected: '`show ip interface brief` or FRR `show interface brief` table header' },
  maipu: { read: parseIosLike, expected: '`show ip interface brief` table header' },
  ruijie: { read: parseIosLike, expected: '`show ip interface brief` table header' },
  vrp: { read: parseVrp, expected: '`display interface brief` or `display ip interface brief` table header' },
  comware: { read: parseComware, expected: '`display interface brief` table header' },
  junos: { read: parseJunos, expected: '`show interfaces terse` table header' },
};

/**
 * Rows of the dialect's interface summary table. Pure. Throws {@link OutputParseError} when the
 * table's header is not in the output; a header with no rows gives an empty array.
 */
export function parseInterfaces(dialect: DialectId, output: string): InterfaceState[] {
  return readByDialect(dialect, normalizeLines(output), READERS);
}
