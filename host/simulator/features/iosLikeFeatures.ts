import type { ConfigNode } from '../configTree';
import { rangeOf, rangeOfWildcard, type Ipv4Range } from './ipv4';
import { FALLBACK_WAN_ADDRESS, type ConfiguredFeatures, type SimulatedInterface, type SipState, type TunnelSpec } from './model';

/**
 * Features of an IOS-family running configuration (Cisco IOS, Maipu, Ruijie): `ntp server`,
 * crypto maps and IPSec-protected tunnel interfaces (DOMAIN.md §3.1), `sip-ua` registrar and
 * pots dial-peers.
 */
export function iosLikeFeatures(root: ConfigNode): ConfiguredFeatures {
  const top = root.children;
  const interfaces = top.flatMap((node) => (/^interface (.+)$/.test(node.line) ? [iosInterface(node)] : []));
  return {
    ntpServers: top.flatMap((node) => /^ntp server (?:vrf \S+ )?(\d+\.\d+\.\d+\.\d+)/.exec(node.line)?.[1] ?? []),
    tunnels: [...policyTunnels(top, interfaces), ...protectedInterfaces(top, interfaces)],
    sip: sipState(top),
    interfaces,
  };
}

const child = (node: ConfigNode, pattern: RegExp): RegExpExecArray | null => {
  for (const line of node.children) {
    const match = pattern.exec(line.line);
    if (match) return match;
  }
  return null;
};

function iosInterface(node: ConfigNode): SimulatedInterface {
  const name = node.line.slice('interface '.length);
  const address = child(node, /^ip address (\d+\.\d+\.\d+\.\d+) (\d+\.\d+\.\d+\.\d+)$/);
  const range = address ? rangeOf(address[1] ?? '', address[2] ?? '') : null;
  return {
    name,
    address: address && range ? { address: address[1] ?? '', range } : null,
    shutdown: node.children.some((line) => line.line === 'shutdown'),
    description: child(node, /^description (.+)$/)?.[1] ?? null,
  };
}

/** IKE phase 1 is possible towards `peer`: a pre-share ISAKMP policy and a key for that address. */
function ikeReady(top: readonly ConfigNode[], peer: string): boolean {
  const policy = top.some((node) => /^crypto isakmp policy \d+$/.test(node.line) && node.children.some((line) => line.line === 'authentication pre-share'));
  const key = top.some((node) => {
    const match = /^crypto isakmp key (?:\d )?\S+ address (\S+)/.exec(node.line);
    return match !== null && match[1] === peer;
  });
  return policy && key;
}

function transformSetExists(top: readonly ConfigNode[], name: string | undefined): boolean {
  return name !== undefined && top.some((node) => node.line.startsWith(`crypto ipsec transform-set ${name} `));
}

/** `permit ip SRC WILD DST WILD` rows of an extended ACL, named or numbered; `any` and `host X` too. */
function aclRanges(top: readonly ConfigNode[], name: string): { local: Ipv4Range[]; remote: Ipv4Range[] } | null {
  const named = top.find((node) => node.line === `ip access-list extended ${name}`);
  const rows = named ? named.children.map((line) => line.line) : top.filter((node) => node.line.startsWith(`access-list ${name} `)).map((node) => node.line.replace(/^access-list \S+ /, ''));
  if (!named && rows.length === 0) return null;
  const local: Ipv4Range[] = [];
  const remote: Ipv4Range[] = [];
  for (const row of rows) {
    const words = row.split(' ');
    if (words[0] !== 'permit' || words[1] !== 'ip') continue;
    const [source, rest] = endpoint(words.slice(2));
    const [destination] = endpoint(rest);
    if (source) local.push(source);
    if (destination) remote.push(destination);
  }
  return { local, remote };
}

function endpoint(words: readonly string[]): [Ipv4Range | null, string[]] {
  const [first = '', second = ''] = words;
  if (first === 'any') return [rangeOf('0.0.0.0', '0'), words.slice(1)];
  if (first === 'host') return [rangeOf(second, '32'), words.slice(2)];
  return [rangeOfWildcard(first, second), words.slice(2)];
}

function localAddress(interfaces: readonly SimulatedInterface[], name: string): string {
  return interfaces.find((candidate) => candidate.name === name)?.address?.address ?? FALLBACK_WAN_ADDRESS;
}

/** Crypto map entries with peer, transform set and ACL, applied on an interface that is not shut down. */
function policyTunnels(top: readonly ConfigNode[], interfaces: readonly SimulatedInterface[]): TunnelSpec[] {
  const tunnels: TunnelSpec[] = [];
  for (const entry of top) {
    const map = /^crypto map (\S+) (\d+) ipsec-isakmp$/.exec(entry.line);
    if (!map?.[1]) continue;
    const peer = child(entry, /^set peer (\S+)$/)?.[1];
    const acl = child(entry, /^match address (\S+)$/)?.[1];
    const ranges = acl === undefined ? null : aclRanges(top, acl);
    const applied = top.find((node) => /^interface /.test(node.line) && !node.children.some((line) => line.line === 'shutdown') && node.children.some((line) => line.line === `crypto map ${map[1]}`));
    if (peer === undefined || !ranges || !applied || !ikeReady(top, peer) || !transformSetExists(top, child(entry, /^set transform-set (\S+)/)?.[1])) continue;
    const interfaceName = applied.line.slice('interface '.length);
    tunnels.push({ peer, local: localAddress(interfaces, interfaceName), interfaceName, policy: map[1], sequence: Number(map[2]), acl: acl ?? null, localRanges: ranges.local, remoteRanges: ranges.remote });
  }
  return tunnels;
}

/** Tunnel interfaces in IPSec mode protected by an IPSec profile whose transform set exists (virtual tunnel interfaces). */
function protectedInterfaces(top: readonly ConfigNode[], interfaces: readonly SimulatedInterface[]): TunnelSpec[] {
  const tunnels: TunnelSpec[] = [];
  for (const node of top) {
    const name = /^interface (.+)$/.exec(node.line)?.[1];
    const peer = child(node, /^tunnel destination (\S+)$/)?.[1];
    const profileName = child(node, /^tunnel protection ipsec profile (\S+)/)?.[1];
    const own = interfaces.find((candidate) => candidate.name === name);
    if (name === undefined || peer === undefined || profileName === undefined || !own || own.shutdown || !own.address) continue;
    const profile = top.find((entry) => entry.line === `crypto ipsec profile ${profileName}`);
    if (!profile || !node.children.some((line) => line.line === 'tunnel mode ipsec ipv4') || !ikeReady(top, peer)) continue;
    if (!transformSetExists(top, child(profile, /^set transform-set (\S+)/)?.[1])) continue;
    const source = child(node, /^tunnel source (.+)$/)?.[1] ?? '';
    const sourceAddress = /^\d+\.\d+\.\d+\.\d+$/.test(source) ? source : localAddress(interfaces, source);
    tunnels.push({ peer, local: sourceAddress, interfaceName: name, policy: `${name}-head-0`, sequence: 1, acl: null, localRanges: [], remoteRanges: [own.address.range] });
  }
  return tunnels;
}

function sipState(top: readonly ConfigNode[]): SipState {
  const sipUa = top.find((node) => node.line === 'sip-ua');
  const registrar = sipUa ? child(sipUa, /^registrar (?:\d+ )?(?:ipv4:)?(\d+\.\d+\.\d+\.\d+)(?::\d+)?(?: expires (\d+))?/) : null;
  const lines = top.flatMap((node) => {
    const tag = /^dial-peer voice (\d+) pots$/.exec(node.line)?.[1];
    const number = child(node, /^destination-pattern (\+?\d+)$/)?.[1];
    return tag !== undefined && number !== undefined ? [{ number, entity: tag }] : [];
  });
  return { registrar: registrar?.[1] ?? null, expires: Number(registrar?.[2] ?? 3600), lines };
}

