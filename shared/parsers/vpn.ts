import { z } from 'zod';
import type { DialectId } from '../contract/device';
import { OutputParseError, normalizeLines } from './table';

/**
 * One IKE (phase 1) SA. `state` is as printed (IOS `QM_IDLE`, VRP/Comware flags `RD|ST`, Junos
 * `UP`). IOS prints `dst`/`src` in the direction the SA was negotiated, so `peer` is `dst` and
 * `local` is `src` there: a check for peer X must accept either. Elsewhere `local` is null.
 */
export const IkeSa = z.object({
  peer: z.string().min(1),
  local: z.string().nullable(),
  state: z.string().min(1),
  established: z.boolean(),
});
export type IkeSa = z.infer<typeof IkeSa>;

/**
 * One IPSec SA pair towards a peer. `encaps`/`decaps` count packets protected and accepted:
 * IOS `#pkts encaps`/`#pkts decaps`; on VRP and Comware, which print no packet counters in
 * `display ipsec sa`, the outbound/inbound ESP sequence numbers (`Max sent/received
 * sequence-number`), which grow by one a packet; null on Junos. SPIs are lower-case hex, no `0x`.
 */
export const IpsecSa = z.object({
  peer: z.string().min(1),
  encaps: z.number().int().nonnegative().nullable(),
  decaps: z.number().int().nonnegative().nullable(),
  inboundSpi: z.string().nullable(),
  outboundSpi: z.string().nullable(),
});
export type IpsecSa = z.infer<typeof IpsecSa>;

const IOS_LIKE: ReadonlySet<DialectId> = new Set(['ios', 'maipu', 'ruijie']);

function withoutPort(address: string): string {
  return /^\d+\.\d+\.\d+\.\d+:\d+$/.test(address) ? address.replace(/:\d+$/, '') : address;
}

/** `0x1234ABCD(305441741)` → `1234abcd`; `3741715135 (0xdf060abf)` → `df060abf`; `9beb1bf0` stays. */
function spi(text: string | undefined): string | null {
  if (!text) return null;
  const hex = /0x([0-9a-f]+)/i.exec(text)?.[1] ?? (/^[0-9a-f]+$/i.test(text) ? text : null);
  return hex === null ? null : hex.toLowerCase();
}

/** Cisco `show crypto isakmp sa`: `dst src state conn-id [slot] status`; QM_IDLE is the working state. */
function iosIke(lines: string[]): IkeSa[] | null {
  let seen = false;
  const rows: IkeSa[] = [];
  for (const line of lines) {
    if (/^\s*dst\s+src\s+state\s+conn-id/.test(line)) {
      seen = true;
      continue;
    }
    const match = seen ? /^\s*(\S+)\s+(\S+)\s+([A-Z_]+)\s+\d+/.exec(line) : null;
    if (match?.[1] && match[3]) rows.push({ peer: match[1], local: match[2] ?? null, state: match[3], established: match[3] === 'QM_IDLE' });
  }
  return seen ? rows : null;
}

/**
 * VRP `display ike sa` (`Conn-ID Peer VPN Flag(s) Phase [RemoteType RemoteID]`, peer may carry
 * `:500`, VPN may be blank) and Comware (7: `Connection-ID Remote Flag DOI`; 5: `connection-id
 * peer flag phase doi`). Only phase 1 rows are IKE SAs (VRP/Comware 5 also list phase 2 rows);
 * `RD` (READY) among the flags is established.
 */
function vrpLikeIke(lines: string[]): IkeSa[] | null {
  let layout: 'vrp' | 'comware7' | 'comware5' | null = null;
  const rows: IkeSa[] = [];
  for (const line of lines) {
    if (/^\s*Conn-ID\s+Peer\s+VPN\s+Flag/i.test(line)) layout = 'vrp';
    else if (/^\s*Connection-ID\s+Remote\s+Flag/i.test(line)) layout = 'comware7';
    else if (/^\s*connection-id\s+peer\s+flag\s+phase/i.test(line)) layout = 'comware5';
    else if (layout !== null) {
      const flags = String.raw`([A-Z]{2,3}(?:\|[A-Z]{2,3})*|--)`;
      const pattern =
        layout === 'vrp'
          ? new RegExp(String.raw`^\s*\d+\s+(\S+)\s+(?:\S+\s+)?${flags}\s+(?:v\d:)?(\d)\b`)
          : layout === 'comware5'
            ? new RegExp(String.raw`^\s*\d+\s+(\S+)\s+${flags}\s+(\d)\b`)
            : new RegExp(String.raw`^\s*\d+\s+(\S+)\s+${flags}(?:\s+\S+)?\s*$`);
      const match = pattern.exec(line);
      if (!match?.[1] || !match[2] || (match[3] !== undefined && match[3] !== '1')) continue;
      rows.push({ peer: withoutPort(match[1]), local: null, state: match[2], established: match[2].split('|').includes('RD') });
    }
  }
  return layout === null ? null : rows;
}

/** Junos `show security ike security-associations`: `Index State Initiator cookie Responder cookie Mode Remote Address`. */
function junosIke(lines: string[]): IkeSa[] | null {
  let seen = false;
  const rows: IkeSa[] = [];
  for (const line of lines) {
    if (/^\s*Index\s+State\s+Initiator cookie/.test(line)) {
      seen = true;
      continue;
    }
    const match = seen ? /^\s*\d+\s+(UP|DOWN)\s+[0-9a-f]+\s+[0-9a-f]+\s+\S+\s+(\S+)/.exec(line) : null;
    if (match?.[1] && match[2]) rows.push({ peer: match[2], local: null, state: match[1], established: match[1] === 'UP' });
  }
  return seen ? rows : null;
}

/** The IKE SAs the dialect lists. Pure. Throws {@link OutputParseError} when no SA table header is found. */
export function parseIkeSa(dialect: DialectId, output: string): IkeSa[] {
  const lines = normalizeLines(output);
  const result = IOS_LIKE.has(dialect) ? iosIke(lines) : dialect === 'junos' ? junosIke(lines) : vrpLikeIke(lines);
  if (result === null) throw new OutputParseError('no IKE SA table header (dst/src/state, Conn-ID/Peer, Connection-ID/Remote or Index/State) found in the output');
  return result;
}

/**
 * IOS `show crypto ipsec sa`: one entry a `current_peer` block with `#pkts encaps: N`,
 * `#pkts decaps: N`, `current outbound spi:` and the first `spi:` under `inbound esp sas:`.
 */
function iosIpsec(lines: string[]): IpsecSa[] | null {
  const rows: IpsecSa[] = [];
  let section: 'inbound' | 'other' = 'other';
  for (const line of lines) {
    const peer = /^\s*current_peer (\S+)/.exec(line);
    if (peer?.[1]) {
      rows.push({ peer: peer[1], encaps: null, decaps: null, inboundSpi: null, outboundSpi: null });
      continue;
    }
    const current = rows.at(-1);
    if (!current) continue;
    const encaps = /#pkts encaps: (\d+)/.exec(line);
    if (encaps) current.encaps = Number(encaps[1]);
    const decaps = /#pkts decaps: (\d+)/.exec(line);
    if (decaps) current.decaps = Number(decaps[1]);
    const outbound = /current outbound spi: (\S+)/.exec(line);
    if (outbound) current.outboundSpi = spi(outbound[1]);
    if (/^\s*inbound esp sas:/.test(line)) section = 'inbound';
    else if (/^\s*(?:inbound|outbound) \w+ sas:/.test(line)) section = 'other';
    const inbound = section === 'inbound' ? /^\s*spi: (\S+)/.exec(line) : null;
    if (inbound && current.inboundSpi === null) current.inboundSpi = spi(inbound[1]);
  }
  return rows.length === 0 && !lines.some((line) => /^interface: /.test(line)) ? null : rows;
}

/**
 * VRP and Comware `display ipsec sa`: per SA a `Tunnel remote : X` (VRP) or `remote address: X`
 * (Comware) line, then `[Inbound ESP SAs]` / `[Outbound ESP SAs]` blocks with `SPI: dec (0xhex)`
 * and `Max received/sent sequence-number: N`.
 */
function vrpLikeIpsec(lines: string[]): IpsecSa[] | null {
  const rows: IpsecSa[] = [];
  let direction: 'in' | 'out' | null = null;
  for (const line of lines) {
    const remote = /^\s*(?:Tunnel remote\s*:|remote address:)\s*(\S+)/i.exec(line);
    if (remote?.[1]) {
      rows.push({ peer: remote[1], encaps: null, decaps: null, inboundSpi: null, outboundSpi: null });
      direction = null;
      continue;
    }
    const current = rows.at(-1);
    if (!current) continue;
    if (/\[Inbound ESP SAs\]/i.test(line)) direction = 'in';
    else if (/\[Outbound ESP SAs\]/i.test(line)) direction = 'out';
    const spiLine = /^\s*SPI:\s*(.+)$/.exec(line);
    if (spiLine && direction === 'in') current.inboundSpi ??= spi(spiLine[1]);
    if (spiLine && direction === 'out') current.outboundSpi ??= spi(spiLine[1]);
    const received = /Max received sequence-number:\s*(\d+)/i.exec(line);
    if (received) current.decaps = Number(received[1]);
    const sent = /Max sent sequence-number:\s*(\d+)/i.exec(line);
    if (sent) current.encaps = Number(sent[1]);
  }
  return rows.length === 0 && !lines.some((line) => /^\s*Interface:/i.test(line)) ? null : rows;
}

/** Junos `show security ipsec security-associations`: `<ID` inbound and `>ID` outbound rows, SPI and gateway. */
function junosIpsec(lines: string[]): IpsecSa[] | null {
  let seen = false;
  const byId = new Map<string, IpsecSa>();
  for (const line of lines) {
    if (/^\s*ID\s+Algorithm\s+SPI/.test(line)) {
      seen = true;
      continue;
    }
    const match = seen ? /^\s*([<>])(\d+)\s+\S+\s+([0-9a-f]+)\s.*\s(\S+)\s*$/.exec(line) : null;
    if (!match?.[2] || !match[4]) continue;
    const row = byId.get(match[2]) ?? { peer: match[4], encaps: null, decaps: null, inboundSpi: null, outboundSpi: null };
    if (match[1] === '<') row.inboundSpi = spi(match[3]);
    else row.outboundSpi = spi(match[3]);
    byId.set(match[2], row);
  }
  return seen ? [...byId.values()] : null;
}

/**
 * The IPSec SAs the dialect lists. Pure. A device with no SA prints nothing (IOS, VRP, Comware)
 * or `Total active tunnels: 0` (Junos): both mean "none". The caller has already checked that the
 * command itself was accepted (the dialect's error patterns), so an empty answer is not a typo.
 * Throws {@link OutputParseError} for any other text without an SA.
 */
export function parseIpsecSa(dialect: DialectId, output: string): IpsecSa[] {
  const lines = normalizeLines(output);
  if (lines.every((line) => line.trim() === '' || /^Total active tunnels:\s*0\s*$/.test(line.trim()))) return [];
  const result = IOS_LIKE.has(dialect) ? iosIpsec(lines) : dialect === 'junos' ? junosIpsec(lines) : vrpLikeIpsec(lines);
  if (result === null) throw new OutputParseError('no IPSec SA (current_peer, Tunnel remote / remote address, or ID/Algorithm/SPI table) found in the output');
  return result;
}
