/**
 * IPv4 arithmetic on unsigned 32-bit numbers. Parsing is strict: four decimal octets 0-255,
 * no leading zeros (some CLIs read `010` as octal), no spaces, ASCII digits only.
 */

const OCTET = /^(0|[1-9][0-9]{0,2})$/;

export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}

/** The mask of a prefix length, as an unsigned number (`24` → 255.255.255.0). */
export function maskOfLength(length: number): number {
  return length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
}

/** The prefix length of a contiguous mask, or null when the ones are not contiguous. */
export function lengthOfMask(mask: number): number | null {
  for (let length = 0; length <= 32; length += 1) {
    if (maskOfLength(length) === mask) return length;
  }
  return null;
}

export interface Ipv4Prefix {
  address: number;
  length: number;
}

export type PrefixParse = { ok: true; prefix: Ipv4Prefix } | { ok: false; reason: 'syntax' | 'host-bits'; network?: string };

/** `a.b.c.d/len`; the host bits must be zero (the error carries the network the user meant). */
export function parseIpv4Prefix(text: string): PrefixParse {
  const match = /^([0-9.]+)\/(0|[1-9][0-9]?)$/.exec(text);
  if (!match) return { ok: false, reason: 'syntax' };
  const address = parseIpv4(match[1] ?? '');
  const length = Number(match[2]);
  if (address === null || length > 32) return { ok: false, reason: 'syntax' };
  const network = (address & maskOfLength(length)) >>> 0;
  if (network !== address) return { ok: false, reason: 'host-bits', network: `${formatIpv4(network)}/${length}` };
  return { ok: true, prefix: { address, length } };
}

export function prefixNetwork(prefix: Ipv4Prefix): string {
  return formatIpv4(prefix.address);
}

export function prefixMask(prefix: Ipv4Prefix): string {
  return formatIpv4(maskOfLength(prefix.length));
}

export function prefixWildcard(prefix: Ipv4Prefix): string {
  return formatIpv4(~maskOfLength(prefix.length) >>> 0);
}
