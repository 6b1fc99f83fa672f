import type { DialectId } from '../contract/device';

/**
 * Signatures in banners and version outputs, strongest first. Vendor names come before the
 * Cisco/FRR lines so an IOS-like vendor's output is never taken for Cisco's.
 */
const SIGNATURES: readonly [RegExp, DialectId][] = [
  [/MyPower|Maipu/i, 'maipu'],
  [/Ruijie|RGOS/, 'ruijie'],
  [/Huawei Versatile Routing Platform|VRP \(R\) software|^(?:HUAWEI|Quidway) \S.* uptime is/m, 'vrp'],
  // Copyright lines of login banners and version outputs: `HUAWEI TECH CO., LTD`, `Hangzhou H3C Tech. Co., Ltd.`
  [/HUAWEI TECH(?:NOLOGIES)? CO\b/i, 'vrp'],
  [/Comware|^H3C \S.* uptime is|\bH3C Tech(?:nologies)?\.? Co\b/m, 'comware'],
  [/JUNOS|^Junos: |Juniper Networks/m, 'junos'],
  [/FRRouting|Hello, this is Quagga/, 'ios'],
  [/Cisco IOS|Cisco Internetwork Operating System|IOS \(tm\)|IOS-XE/, 'ios'],
];

/** Prompt shapes, tried on the last non-empty line when no signature matched. */
const PROMPT_SHAPES: readonly [RegExp, DialectId][] = [
  [/^\[edit(?: [^\]]*)?\]$/, 'junos'],
  [/^[\w.-]+@[\w.\-/:]+[>#]\s*$/, 'junos'],
  // `<H3C>` / `[H3C]` is Comware's factory name; any other angle-bracket view is taken for VRP,
  // whose version output then settles it (both use `display version`).
  [/^[<[][~*]?H3C[\]>]\s*$/, 'comware'],
  [/^<[^<>]+>\s*$/, 'vrp'],
  [/^\[[~*]?[^[\]]+\]\s*$/, 'vrp'],
  [/^[\w.\-@/:+]+(?:\([\w.\-@/:+]+\))?[>#]\s*$/, 'ios'],
];

export interface DetectOptions {
  /**
   * Also judge by the shape of the last prompt when no signature matched (default true). Off when
   * the caller already knows the prompt's family and wants the vendor's own words only: a
   * `<host>` prompt alone cannot tell VRP from Comware.
   */
  promptShapes?: boolean;
}

/**
 * The dialect a device speaks, from any text it sent: banner, prompt or version output
 * (DOMAIN.md §1 #16). Null when nothing is recognised. An IOS-like prompt alone says `ios`;
 * Maipu and Ruijie are told apart by their version output.
 */
export function detectDialect(text: string, options: DetectOptions = {}): DialectId | null {
  const normalized = text.replace(/\r+\n/g, '\n').replace(/\r/g, '\n');
  for (const [pattern, dialect] of SIGNATURES) {
    if (pattern.test(normalized)) return dialect;
  }
  if (options.promptShapes === false) return null;
  const lines = normalized.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  const last = lines.at(-1);
  if (last === undefined) return null;
  // Junos prints `[edit]` on the line before `user@host#`.
  const beforeLast = lines.at(-2);
  if (beforeLast !== undefined && /^\[edit(?: [^\]]*)?\]$/.test(beforeLast)) return 'junos';
  for (const [pattern, dialect] of PROMPT_SHAPES) {
    if (pattern.test(last)) return dialect;
  }
  return null;
}
