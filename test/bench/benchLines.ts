import { seededRandom } from '../../host/channel/testing/scriptedTransport';

/**
 * The benchmark's profile: FRR-valid lines of three kinds (prefix-list entries with and without
 * ge/le, zebra-style access-list entries, static routes to a next hop or a blackhole, some with a
 * distance), so each line makes FRR do a different piece of work. Every line is written as
 * `show running-config` prints it, so the running configuration can be compared line for line.
 */
export const PREFIX_LIST = 'PL-BENCH';
export const ACCESS_LIST = 'ACL-BENCH';
/** Cannot be parsed as a prefix: FRR answers `% Unknown command`. */
export const BAD_LINE = `ip prefix-list ${PREFIX_LIST} seq 99999 permit not-a-prefix`;

export function benchLines(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pick = <T>(choices: readonly T[]): T => choices[Math.floor(random() * choices.length)] as T;
  const lines: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const third = Math.floor(index / 250);
    const fourth = index % 250;
    const sequence = (index + 1) * 5;
    const kind = pick(['prefix-list', 'access-list', 'route'] as const);
    if (kind === 'prefix-list') {
      const range = pick(['', ' le 28', ' ge 25', ' ge 25 le 30']);
      lines.push(`ip prefix-list ${PREFIX_LIST} seq ${sequence} ${pick(['permit', 'deny'])} 10.${10 + third}.${fourth}.0/24${range}`);
    } else if (kind === 'access-list') {
      lines.push(`access-list ${ACCESS_LIST} seq ${sequence} ${pick(['permit', 'deny'])} 172.${16 + third}.${fourth}.0/24`);
    } else {
      const nextHop = pick(['blackhole', `192.0.2.${1 + Math.floor(random() * 250)}`]);
      const distance = pick(['', ` ${10 + Math.floor(random() * 200)}`]);
      lines.push(`ip route 10.${200 + third}.${fourth}.0/24 ${nextHop}${distance}`);
    }
  }
  return lines;
}

/** The bench's lines as FRR shows them in a running configuration (the fresh peer has no others). */
export function benchLinesIn(runningConfig: string): string[] {
  return runningConfig
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith(`ip prefix-list ${PREFIX_LIST} `) || line.startsWith(`access-list ${ACCESS_LIST} `) || line.startsWith('ip route '));
}

/** What differs between the lines expected and the bench lines found. */
export function compareLines(expected: readonly string[], found: readonly string[]): { missing: string[]; extra: string[] } {
  const wanted = new Set(expected);
  const present = new Set(found);
  return { missing: expected.filter((line) => !present.has(line)), extra: found.filter((line) => !wanted.has(line)) };
}

/** vtysh commands removing everything the bench may have configured. */
export function cleanupCommands(lines: readonly string[]): string[] {
  const routes = lines.filter((line) => line.startsWith('ip route ')).map((line) => `no ${line}`);
  return ['configure terminal', `no ip prefix-list ${PREFIX_LIST}`, `no access-list ${ACCESS_LIST}`, ...routes];
}
