import type { ConfigNode } from '../configTree';
import { rangeOf, rangeOfWildcard, type Ipv4Range } from './ipv4';
import { FALLBACK_WAN_ADDRESS, type ConfiguredFeatures, type SimulatedInterface, type SipLine, type SipState, type TunnelSpec } from './model';

/**
 * Features of a VRP-family running configuration (DOMAIN.md §3.2). Huawei: `ike peer` with
 * `remote-address`, `ipsec policy … isakmp` naming it, bound with `ipsec policy X` on an
 * interface. H3C Comware 7: `ike keychain`/`ike profile`, `ipsec policy … isakmp` with
 * `ike-profile` and `remote-address`, bound with `ipsec apply policy X`. Route-based: an `ipsec
 * profile` protecting a tunnel interface. Comware voice: `voice-setup` registrar and pots entities.
 */
export function vrpLikeFeatures(root: ConfigNode, flavour: 'vrp' | 'comware'): ConfiguredFeatures {
  const top = root.children;
  const interfaces = top.flatMap((node) => (/^interface \S+/.test(node.line) ? [vrpInterface(node)] : []));
  const peers = flavour === 'vrp' ? huaweiPeers(top) : comwarePeers(top);
  return {
    ntpServers: top.flatMap((node) => /^ntp-service unicast-server (?:ipv4 )?(\d+\.\d+\.\d+\.\d+)/.exec(node.line)?.[1] ?? []),
    tunnels: [...policyTunnels(top, interfaces, peers, flavour), ...profileTunnels(top, interfaces, peers, flavour)],
    sip: flavour === 'comware' ? comwareSip(top) : { registrar: null, expires: 3600, lines: [] },
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

const section = (top: readonly ConfigNode[], line: string): ConfigNode | undefined => top.find((node) => node.line === line);

function vrpInterface(node: ConfigNode): SimulatedInterface {
  const name = /^interface (\S+)/.exec(node.line)?.[1] ?? '';
  const address = child(node, /^ip address (\d+\.\d+\.\d+\.\d+) (\S+)$/);
  const range = address ? rangeOf(address[1] ?? '', address[2] ?? '') : null;
  return {
    name,
    address: address && range ? { address: address[1] ?? '', range } : null,
    shutdown: node.children.some((line) => line.line === 'shutdown'),
    description: child(node, /^description (.+)$/)?.[1] ?? null,
  };
}

/** Huawei `ike peer NAME` with a key and a remote address: name → peer address. */
function huaweiPeers(top: readonly ConfigNode[]): Map<string, string> {
  const peers = new Map<string, string>();
  for (const node of top) {
    const name = /^ike peer (\S+)/.exec(node.line)?.[1];
    const address = child(node, /^remote-address (\d+\.\d+\.\d+\.\d+)$/)?.[1];
    if (name !== undefined && address !== undefined && child(node, /^pre-shared-key /)) peers.set(name, address);
  }
  return peers;
}

/** Comware `ike profile NAME` whose keychain holds a key for the address it matches: name → peer address. */
function comwarePeers(top: readonly ConfigNode[]): Map<string, string> {
  const peers = new Map<string, string>();
  for (const node of top) {
    const name = /^ike profile (\S+)$/.exec(node.line)?.[1];
    const address = child(node, /^match remote identity address (\d+\.\d+\.\d+\.\d+)/)?.[1];
    const keychain = section(top, `ike keychain ${child(node, /^keychain (\S+)$/)?.[1] ?? ''}`);
    const keyed = keychain?.children.some((line) => line.line.startsWith(`pre-shared-key address ${address ?? ''} `));
    if (name !== undefined && address !== undefined && keyed) peers.set(name, address);
  }
  return peers;
}

/** The peer an IPSec policy or profile negotiates with, when its proposal/transform set exists. */
function policyPeer(top: readonly ConfigNode[], entry: ConfigNode, peers: Map<string, string>, flavour: 'vrp' | 'comware'): string | undefined {
  if (flavour === 'vrp') {
    const proposal = child(entry, /^proposal (\S+)$/)?.[1];
    if (!section(top, `ipsec proposal ${proposal ?? ''}`)) return undefined;
    return peers.get(child(entry, /^ike-peer (\S+)$/)?.[1] ?? '');
  }
  const transform = child(entry, /^transform-set (\S+)$/)?.[1];
  if (!section(top, `ipsec transform-set ${transform ?? ''}`)) return undefined;
  const peer = peers.get(child(entry, /^ike-profile (\S+)$/)?.[1] ?? '');
  const remote = child(entry, /^remote-address (\S+)$/)?.[1];
  return remote === undefined || remote === peer ? peer : undefined;
}

/** `rule [N] permit ip source A W destination B W` rows of `acl number N` / `acl advanced N`. */
function aclRanges(top: readonly ConfigNode[], number: string): { local: Ipv4Range[]; remote: Ipv4Range[] } | null {
  const acl = top.find((node) => node.line === `acl number ${number}` || node.line === `acl advanced ${number}`);
  if (!acl) return null;
  const local: Ipv4Range[] = [];
  const remote: Ipv4Range[] = [];
  for (const { line } of acl.children) {
    const match = /^rule (?:\d+ )?permit ip source (\S+) (\S+) destination (\S+) (\S+)/.exec(line);
    const source = match ? rangeOfWildcard(match[1] ?? '', match[2] ?? '') : null;
    const destination = match ? rangeOfWildcard(match[3] ?? '', match[4] ?? '') : null;
    if (source && destination) {
      local.push(source);
      remote.push(destination);
    }
  }
  return { local, remote };
}

function addressOf(interfaces: readonly SimulatedInterface[], name: string): string {
  return interfaces.find((candidate) => candidate.name === name)?.address?.address ?? FALLBACK_WAN_ADDRESS;
}

function policyTunnels(top: readonly ConfigNode[], interfaces: readonly SimulatedInterface[], peers: Map<string, string>, flavour: 'vrp' | 'comware'): TunnelSpec[] {
  const binding = flavour === 'vrp' ? 'ipsec policy' : 'ipsec apply policy';
  const tunnels: TunnelSpec[] = [];
  for (const entry of top) {
    const policy = /^ipsec policy (\S+) (\d+) isakmp$/.exec(entry.line);
    if (!policy?.[1]) continue;
    const peer = policyPeer(top, entry, peers, flavour);
    const acl = child(entry, /^security acl (\d+)$/)?.[1] ?? '';
    const ranges = aclRanges(top, acl);
    const applied = top.find((node) => /^interface /.test(node.line) && !node.children.some((line) => line.line === 'shutdown') && node.children.some((line) => line.line === `${binding} ${policy[1]}`));
    if (peer === undefined || !ranges || !applied) continue;
    const interfaceName = /^interface (\S+)/.exec(applied.line)?.[1] ?? '';
    tunnels.push({ peer, local: addressOf(interfaces, interfaceName), interfaceName, policy: policy[1], sequence: Number(policy[2]), acl, localRanges: ranges.local, remoteRanges: ranges.remote });
  }
  return tunnels;
}

/** Tunnel interfaces (VRP `tunnel-protocol ipsec` + `ipsec profile`, Comware `mode ipsec` + `tunnel protection ipsec profile`). */
function profileTunnels(top: readonly ConfigNode[], interfaces: readonly SimulatedInterface[], peers: Map<string, string>, flavour: 'vrp' | 'comware'): TunnelSpec[] {
  const tunnels: TunnelSpec[] = [];
  for (const node of top) {
    const name = /^interface (\S+)/.exec(node.line)?.[1] ?? '';
    const ipsecMode = flavour === 'vrp' ? node.children.some((line) => line.line === 'tunnel-protocol ipsec') : / mode ipsec$/.test(node.line);
    const profileName = child(node, flavour === 'vrp' ? /^ipsec profile (\S+)$/ : /^tunnel protection ipsec profile (\S+)$/)?.[1];
    const own = interfaces.find((candidate) => candidate.name === name);
    if (!ipsecMode || profileName === undefined || !own?.address || own.shutdown) continue;
    const profile = top.find((entry) => entry.line === `ipsec profile ${profileName}` || entry.line === `ipsec profile ${profileName} isakmp`);
    const peer = profile ? policyPeer(top, profile, peers, flavour) : undefined;
    const destination = child(node, /^destination (\S+)$/)?.[1];
    if (peer === undefined || destination !== peer) continue;
    const source = child(node, /^source (\S+)$/)?.[1] ?? '';
    const local = /^\d+\.\d+\.\d+\.\d+$/.test(source) ? source : addressOf(interfaces, source);
    tunnels.push({ peer, local, interfaceName: name, policy: profileName, sequence: 1, acl: null, localRanges: [], remoteRanges: [own.address.range] });
  }
  return tunnels;
}

/** `voice-setup` → `sip` → `registrar N ip X … expires S`; `dial-program` → `entity N pots` with a `user` (the number that registers). */
function comwareSip(top: readonly ConfigNode[]): SipState {
  const voice = section(top, 'voice-setup');
  const sip = voice ? section(voice.children, 'sip') : undefined;
  const registrar = sip ? child(sip, /^registrar \d+ ip (\d+\.\d+\.\d+\.\d+)(?: port \d+)?(?: expires (\d+))?/) : null;
  const program = voice ? section(voice.children, 'dial-program') : undefined;
  const lines: SipLine[] = (program?.children ?? []).flatMap((entity) => {
    const tag = /^entity (\d+) pots$/.exec(entity.line)?.[1];
    const number = child(entity, /^user (\d+)/)?.[1] ?? child(entity, /^match-template (\d+)$/)?.[1];
    return tag !== undefined && number !== undefined ? [{ number, entity: tag }] : [];
  });
  return { registrar: registrar?.[1] ?? null, expires: Number(registrar?.[2] ?? 3600), lines };
}
