import { z } from 'zod';
import type { DialectId } from '../contract/device';
import { type DialectReader, normalizeLines, readByDialect } from './table';

/**
 * The device clock's NTP state. `reference` is the server (or reference clock ID) it follows,
 * null when the device names none. A stratum of 16 is never synchronized.
 */
export const NtpStatus = z.object({
  synchronized: z.boolean(),
  stratum: z.number().int().nonnegative().nullable(),
  reference: z.string().nullable(),
});
export type NtpStatus = z.infer<typeof NtpStatus>;

function reference(value: string | undefined): string | null {
  const trimmed = value?.trim().replace(/,$/, '');
  return !trimmed || /^(?:none|0\.0\.0\.0|-+|N\/A)$/i.test(trimmed) ? null : trimmed;
}

function stratumOf(value: string | undefined): number | null {
  return value === undefined ? null : Number(value);
}

/** Cisco IOS (and Ruijie/Maipu, assumed): `Clock is synchronized, stratum 3, reference is 10.0.0.1`. */
function parseIosLike(text: string): NtpStatus | null {
  const match = /Clock is (synchronized|unsynchronized)(?:, stratum (\d+))?(?:, reference is (\S+)|, no reference clock)?/i.exec(text);
  if (!match) return null;
  const stratum = stratumOf(match[2]);
  return { synchronized: match[1]?.toLowerCase() === 'synchronized' && stratum !== 16, stratum, reference: reference(match[3]) };
}

/**
 * VRP `display ntp-service status` / `display ntp status` and Comware `display ntp-service status`:
 * `clock status: synchronized`, `clock stratum: 3`, `reference clock ID: 10.0.1.31` (Comware
 * capitalises the keys and adds `System peer:`, preferred as the reference when present).
 */
function parseVrpLike(text: string): NtpStatus | null {
  const status = /clock status\s*:\s*(\S+)/i.exec(text);
  if (!status) return null;
  const stratum = stratumOf(/clock stratum\s*:\s*(\d+)/i.exec(text)?.[1]);
  const peer = reference(/System peer\s*:\s*(\S+)/i.exec(text)?.[1]);
  return {
    synchronized: status[1]?.toLowerCase() === 'synchronized' && stratum !== 16,
    stratum,
    reference: peer ?? reference(/reference clock ID\s*:\s*(\S+)/i.exec(text)?.[1]),
  };
}

/**
 * Junos `show ntp status` (ntpd's system variables): `status=0664 leap_none, sync_ntp, ...`,
 * `stratum=3`, `refid=10.33.35.32`. Synchronized when the sync source is not `sync_unspec` /
 * `sync_alarm` and the leap indicator is not `leap_alarm` (11); older ntpd prints `sync_alarm` in
 * the leap position.
 */
function parseJunos(text: string): NtpStatus | null {
  const status = /status=[0-9a-f]+\s+((?:leap|sync)_\w+),\s+(sync_\w+)/i.exec(text);
  if (!status) return null;
  const stratum = stratumOf(/\bstratum=(\d+)/.exec(text)?.[1]);
  const source = status[2]?.toLowerCase() ?? '';
  const leap = status[1]?.toLowerCase() ?? '';
  const synchronized = leap !== 'leap_alarm' && leap !== 'sync_alarm' && source !== 'sync_unspec' && source !== 'sync_alarm' && stratum !== 16;
  return { synchronized, stratum, reference: reference(/\brefid=([^,\s]+)/.exec(text)?.[1]) };
}

const IOS_LIKE: DialectReader<string, NtpStatus> = { read: parseIosLike, expected: 'NTP status ("Clock is synchronized|unsynchronized" line)' };

const READERS: Record<DialectId, DialectReader<string, NtpStatus>> = {
  ios: IOS_LIKE,
  maipu: IOS_LIKE,
  ruijie: IOS_LIKE,
  vrp: { read: parseVrpLike, expected: 'NTP status ("clock status:" line)' },
  comware: { read: parseVrpLike, expected: 'NTP status ("Clock status:" line)' },
  junos: { read: parseJunos, expected: 'NTP status ("status=... leap_..., sync_..." line)' },
};

/**
 * The NTP state from the dialect's status output. Pure. Throws {@link OutputParseError} when the
 * status line is missing (NTP not enabled prints an error instead on most devices).
 */
export function parseNtpStatus(dialect: DialectId, output: string): NtpStatus {
  return readByDialect(dialect, normalizeLines(output).join('\n'), READERS);
}
