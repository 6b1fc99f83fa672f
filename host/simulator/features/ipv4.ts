import { formatIpv4, parseIpv4 } from '../../../shared/profiles';

/** An IPv4 network as unsigned 32-bit numbers: `network` has no host bits. */
export interface Ipv4Range {
  network: number;
  mask: number;
}

export function maskOfLength(length: number): number {
  return length <= 0 ? 0 : length >= 32 ? 0xffffffff : (0xffffffff << (32 - length)) >>> 0;
}

export function lengthOfMask(mask: number): number {
  let length = 0;
  for (let bit = 31; bit >= 0 && ((mask >>> bit) & 1) === 1; bit -= 1) length += 1;
  return length;
}

/** A mask as devices write it: dotted (`255.255.255.0`) or a length (`24`). */
export function parseMask(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text) <= 32 ? maskOfLength(Number(text)) : null;
  return parseIpv4(text);
}

export function rangeOf(address: string, mask: string): Ipv4Range | null {
  const value = parseIpv4(address);
  const bits = parseMask(mask);
  return value === null || bits === null ? null : { network: (value & bits) >>> 0, mask: bits };
}

/** `10.61.8.0 0.0.3.255` as ACLs write it. */
export function rangeOfWildcard(address: string, wildcard: string): Ipv4Range | null {
  const inverted = parseIpv4(wildcard);
  return inverted === null ? null : rangeOf(address, formatIpv4(~inverted >>> 0));
}

/** `10.0.0.0/8`, or a bare address as a /32. */
export function rangeOfText(text: string): Ipv4Range | null {
  const [address = '', length] = text.split('/');
  return rangeOf(address, length ?? '32');
}

export function inRange(range: Ipv4Range, address: string): boolean {
  const value = parseIpv4(address);
  return value !== null && ((value & range.mask) >>> 0) === range.network;
}

export function networkText(range: Ipv4Range): string {
  return formatIpv4(range.network);
}

export function maskText(range: Ipv4Range): string {
  return formatIpv4(range.mask);
}

export function isIpv4(text: string): boolean {
  return parseIpv4(text) !== null;
}
