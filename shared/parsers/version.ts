import type { DeviceFacts, DialectId } from '../contract/device';

/** What `show version` / `display version` tells about a device; null where the device does not say. */
export type VersionFacts = Omit<DeviceFacts, 'dialect'>;

const EMPTY: VersionFacts = { hostname: null, vendor: null, model: null, serial: null, version: null, uptime: null };

/** First capture group of the first pattern that matches, trimmed; null if none does. */
function first(text: string, ...patterns: RegExp[]): string | null {
  for (const pattern of patterns) {
    const value = pattern.exec(text)?.[1]?.trim();
    if (value) return value;
  }
  return null;
}

function normalize(output: string): string {
  return output.replace(/\r+\n/g, '\n').replace(/\r/g, '\n');
}

/** FRR: `FRRouting 8.4.4 (r1) on Linux(6.18.44-fc-v595).` (shared/peers/transcripts/telnet-vtysh-session.txt). */
function parseFrr(text: string): VersionFacts | null {
  const match = /^FRRouting (\S+) \(([^)\s]+)\) on /m.exec(text);
  if (!match) return null;
  return { ...EMPTY, vendor: 'FRRouting', version: match[1] ?? null, hostname: match[2] ?? null };
}

/** Cisco IOS, IOS-XE (3.x and 16+), IOSv. Fixtures: test/fixtures/version/ios-*.txt. */
function parseCisco(text: string): VersionFacts {
  const uptime = /^(\S+) uptime is (.+)$/m.exec(text);
  return {
    hostname: uptime?.[1] ?? null,
    uptime: uptime?.[2]?.trim() ?? null,
    vendor: /Cisco|IOS/.test(text) ? 'Cisco' : null,
    version: first(
      text,
      /^Cisco IOS XE Software, Version (\S+)/m,
      /^Cisco IOS Software.*?, Version ([^\s,]+)/m,
      /^IOS \(tm\) .*?, Version ([^\s,]+)/m,
    ),
    // Stacks and Catalyst switches print `Model Number`; routers only the processor line:
    // `cisco ISR4331/K9 (1RU) processor with …`, `Cisco C921-4P (revision 1.0) with …`.
    model: first(text, /^Model [Nn]umber\s*:\s*(\S+)/m, /^[Cc]isco (\S+) .*with \S+ bytes of (?:physical )?memory/m),
    serial: first(text, /^Processor board ID (\S+)/m, /^System [Ss]erial [Nn]umber\s*:\s*(\S+)/m),
  };
}

/** Huawei VRP 5/8: `VRP (R) software, Version 5.170 (AR6280 V300R019C10SPC300)`, `Huawei AR6280 Router uptime is …`. */
function parseVrp(text: string): VersionFacts {
  const uptime = /^(?:HUAWEI|Huawei|Quidway) (.+?) uptime is (.+)$/m.exec(text);
  const model = uptime?.[1]?.replace(/ (?:Routing Switch|Router|Switch)$/, '').trim() ?? null;
  return {
    ...EMPTY,
    vendor: /Huawei|HUAWEI|Quidway/.test(text) ? 'Huawei' : null,
    version: first(text, /VRP \(R\) software, Version (.+)$/m),
    model,
    uptime: uptime?.[2]?.trim() ?? null,
  };
}

/**
 * H3C Comware 5/7 and its HP/HPE builds: `Comware Software, Version 7.1.070, Release 6710P01-US`,
 * `H3C S7510E uptime is …`, `HP 5800-24G-SFP Switch with 1 Interface Slot uptime is …`.
 */
function parseComware(text: string): VersionFacts {
  const uptime = /^(?:(H3C|HPE|HP|New H3C) )?(.+?) uptime is (.+)$/m.exec(text);
  const brand = uptime?.[1] ?? first(text, /^(H3C|HPE|HP) Comware/m);
  return {
    ...EMPTY,
    vendor: brand === 'New H3C' ? 'H3C' : (brand ?? (/Comware/.test(text) ? 'H3C' : null)),
    version: first(text, /Comware Software, Version (.+)$/m),
    model: uptime?.[2]?.replace(/ with .*$/, '').trim() ?? null,
    uptime: uptime?.[3]?.trim() ?? null,
  };
}

/** Junos `show version`: `Hostname:`, `Model:`, `Junos:` (or the `JUNOS … [version]` package lines of older releases). */
function parseJunos(text: string): VersionFacts {
  return {
    ...EMPTY,
    vendor: /JUNOS|Junos/.test(text) ? 'Juniper' : null,
    hostname: first(text, /^Hostname: (\S+)/m),
    model: first(text, /^Model: (\S+)/m),
    version: first(text, /^Junos: (\S+)/m, /^JUNOS .*?Software (?:Suite|Release) \[([^\]]+)\]/m, /^JUNOS .*?\[([^\]]+)\]/m),
    serial: first(text, /^Serial Number: (\S+)/m),
  };
}

/**
 * Maipu MyPower (DOMAIN.md §2.1): routers print `MP3840 Version Information` with
 * `Software Version : 6.3.17(integrity)`; switches (NOC get_version) print `<platform> Device …`
 * / `Software Version V<ver>` / `Serial No.: …`, or `Hardware Model : …` blocks.
 */
function parseMaipu(text: string): VersionFacts {
  return {
    ...EMPTY,
    vendor: /MyPower|Maipu/i.test(text) ? 'Maipu' : null,
    model: first(
      text,
      /^\s*(\S+) Version Information/m,
      /^\s*(\S+) system image file/m,
      /^\s*([^\s,]+) Device\b/m,
      /^\s*Hardware Model\s*:\s*(\S+)/m,
    ),
    version: first(text, /^\s*Software Version\s*:\s*(\S+)/m, /^\s*Software Version V(\S+)/m, /system image file .*?, version ([^\s,]+)/m),
    serial: first(text, /^\s*Serial No\.?\s*:\s*(\S+)/m),
    uptime: first(text, /uptime is (.+)$/m),
  };
}

/** Ruijie RGOS (DOMAIN.md §2.5): `System description : Ruijie … (S8607E) By Ruijie Networks`, `System software version : …`. */
function parseRuijie(text: string): VersionFacts {
  return {
    ...EMPTY,
    vendor: /Ruijie|RGOS/.test(text) ? 'Ruijie' : null,
    model: first(text, /^System description\s*:.*\(([^)]+)\)/m),
    version: first(text, /^System software version\s*:\s*(.+)$/m),
    serial: first(text, /^System serial number\s*:\s*(\S+)/m),
    uptime: first(text, /^System uptime\s*:\s*(.+)$/m),
  };
}

/**
 * Facts from the output of the dialect's version command. Pure and total: unknown text gives
 * nulls, never an exception. The `ios` dialect covers both Cisco and FRR.
 */
export function parseVersion(dialect: DialectId, output: string): VersionFacts {
  const text = normalize(output);
  switch (dialect) {
    case 'ios':
      return parseFrr(text) ?? parseCisco(text);
    case 'vrp':
      return parseVrp(text);
    case 'comware':
      return parseComware(text);
    case 'junos':
      return parseJunos(text);
    case 'maipu':
      return parseMaipu(text);
    case 'ruijie':
      return parseRuijie(text);
  }
}
