import type { ConfigNode } from '../configTree';
import { rangeOfText } from './ipv4';
import { FALLBACK_WAN_ADDRESS, type ConfiguredFeatures, type SimulatedInterface, type TunnelSpec } from './model';

/**
 * Features of a Junos configuration kept as `set` statements (without `set`): `system ntp
 * server`, and a route-based IPSec VPN: `security ike gateway G address P` with an
 * `ike-policy`, `security ipsec vpn V ike gateway G` bound to an `st0` unit; the networks routed
 * to that unit (`routing-options static route X next-hop st0.N`) are protected.
 */
export function junosFeatures(root: ConfigNode): ConfiguredFeatures {
  const statements = root.children.map((node) => node.line);
  const interfaces = junosInterfaces(statements);
  return {
    ntpServers: statements.flatMap((line) => /^system ntp server (\d+\.\d+\.\d+\.\d+)/.exec(line)?.[1] ?? []),
    tunnels: junosTunnels(statements, interfaces),
    sip: { registrar: null, expires: 3600, lines: [] },
    interfaces,
  };
}

function junosInterfaces(statements: readonly string[]): SimulatedInterface[] {
  const byName = new Map<string, SimulatedInterface>();
  for (const line of statements) {
    const match = /^interfaces (\S+) unit (\d+)(?: family inet address (\d+\.\d+\.\d+\.\d+\/\d+))?/.exec(line);
    if (!match?.[1]) continue;
    const name = `${match[1]}.${match[2] ?? '0'}`;
    const known = byName.get(name) ?? { name, address: null, shutdown: false, description: null };
    const range = match[3] ? rangeOfText(match[3]) : null;
    if (known.address === null && range && match[3]) known.address = { address: match[3].split('/')[0] ?? '', range };
    byName.set(name, known);
  }
  for (const line of statements) {
    const disabled = /^interfaces (\S+) disable$/.exec(line)?.[1];
    for (const entry of byName.values()) if (disabled !== undefined && entry.name.startsWith(`${disabled}.`)) entry.shutdown = true;
  }
  return [...byName.values()];
}

function junosTunnels(statements: readonly string[], interfaces: readonly SimulatedInterface[]): TunnelSpec[] {
  const value = (pattern: RegExp): string[] => statements.flatMap((line) => pattern.exec(line)?.slice(1, 3).join(' ') ?? []);
  const gateways = new Map(value(/^security ike gateway (\S+) address (\S+)$/).map((pair) => pair.split(' ') as [string, string]));
  const withPolicy = new Set(value(/^security ike gateway (\S+) ike-policy \S+$/));
  const tunnels: TunnelSpec[] = [];
  for (const pair of value(/^security ipsec vpn (\S+) ike gateway (\S+)$/)) {
    const [vpn = '', gateway = ''] = pair.split(' ');
    const peer = gateways.get(gateway);
    const bound = value(new RegExp(`^security ipsec vpn (${vpn}) bind-interface (\\S+)$`))[0]?.split(' ')[1];
    if (peer === undefined || !withPolicy.has(gateway) || bound === undefined) continue;
    const external = value(new RegExp(`^security ike gateway (${gateway}) external-interface (\\S+)$`))[0]?.split(' ')[1] ?? '';
    const local = interfaces.find((candidate) => candidate.name === external || candidate.name === `${external}.0`)?.address?.address ?? FALLBACK_WAN_ADDRESS;
    const remoteRanges = statements.flatMap((line) => {
      const route = /^routing-options static route (\S+) next-hop (\S+)$/.exec(line);
      const range = route?.[2] === bound ? rangeOfText(route[1] ?? '') : null;
      return range ? [range] : [];
    });
    tunnels.push({ peer, local, interfaceName: bound, policy: vpn, sequence: 1, acl: null, localRanges: [], remoteRanges });
  }
  return tunnels;
}
