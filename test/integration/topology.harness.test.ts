import { randomBytes } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTopology, vtyshPing, type FrrTopology, type TopologyRouter } from '../peers/topology';
import { connectTelnetProbe } from '../support/telnetProbe';

const vtyPassword = `cnry-${randomBytes(6).toString('hex')}`;
const enablePassword = `cnry-${randomBytes(6).toString('hex')}`;
/** Limits only: every wait below returns as soon as its condition holds. */
const convergenceLimitMilliseconds = 45_000;

const bgpSummary = z.object({
  peers: z.record(z.string(), z.object({ state: z.string(), pfxRcd: z.number().optional() })).default({}),
});
const ospfNeighbors = z.object({
  neighbors: z.record(z.string(), z.array(z.object({ nbrState: z.string() }))).default({}),
});

let started: FrrTopology | undefined;

function topology(): FrrTopology {
  if (started === undefined) throw new Error('the topology did not start');
  return started;
}

function routers(): [TopologyRouter, TopologyRouter] {
  return topology().routers;
}

/** Polls `read` every 250 ms until `holds` accepts its result; the failure message carries the last result as evidence. */
async function pollFor<T>(what: string, read: () => Promise<T>, holds: (value: T) => boolean, describeValue: (value: T) => string): Promise<T> {
  const deadline = Date.now() + convergenceLimitMilliseconds;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${convergenceLimitMilliseconds} ms; last seen:\n${describeValue(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function bgpPeer(router: TopologyRouter, neighbor: string): Promise<{ state: string; prefixes: number; text: string }> {
  const text = await router.vtysh('show bgp ipv4 unicast summary json');
  const peer = bgpSummary.parse(JSON.parse(text)).peers[neighbor];
  return { state: peer?.state ?? 'absent', prefixes: peer?.pfxRcd ?? 0, text };
}

async function ospfStates(router: TopologyRouter): Promise<{ states: string[]; text: string }> {
  const text = await router.vtysh('show ip ospf neighbor json');
  const neighbors = ospfNeighbors.parse(JSON.parse(text)).neighbors;
  return { states: Object.values(neighbors).flatMap((entries) => entries.map((entry) => entry.nbrState)), text };
}

/** True when the namespace of pid has a TCP socket listening on port 179 (BGP), IPv4 or IPv6. */
function listensOnBgpPort(procNetDirectory: string): boolean {
  return ['tcp', 'tcp6'].some((file) =>
    readFileSync(`${procNetDirectory}/${file}`, 'utf8')
      .split('\n')
      .slice(1)
      .some((line) => {
        const fields = line.trim().split(/\s+/);
        return fields[1]?.endsWith(':00B3') === true && fields[3] === '0A';
      }),
  );
}

const bgpConfig = (asNumber: number, routerId: string, neighbor: string, neighborAs: number, network: string): string[] => [
  'configure terminal',
  `router bgp ${asNumber}`,
  `bgp router-id ${routerId}`,
  // Before the neighbour: FRR 8.4 otherwise holds eBGP routes back as "(Policy)" until a soft clear.
  'no bgp ebgp-requires-policy',
  'timers bgp 3 9',
  `neighbor ${neighbor} remote-as ${neighborAs}`,
  `neighbor ${neighbor} timers connect 2`,
  'address-family ipv4 unicast',
  `network ${network}`,
];

const ospfConfig = (routerId: string, lanNetwork: string): string[] => [
  'configure terminal',
  'interface wan0',
  'ip ospf hello-interval 1',
  'ip ospf dead-interval 4',
  // No DR election (whose wait timer is the dead interval) and fewer LSAs to re-originate: Full in about a second.
  'ip ospf network point-to-point',
  'exit',
  'router ospf',
  `ospf router-id ${routerId}`,
  'network 10.255.0.0/30 area 0',
  `network ${lanNetwork} area 0`,
];

describe('two-router FRR topology', () => {
  beforeAll(async () => {
    started = await startTopology({ routers: [{ hostname: 'r1' }, { hostname: 'r2' }], vtyPassword, enablePassword });
  }, 120_000);

  afterAll(async () => {
    await started?.stop();
  });

  it('runs each router in its own namespace, joined by wan0 with the link addresses, and serves its VTYs on 127.0.0.1', async () => {
    const [r1, r2] = routers();
    const namespaces = [r1, r2].map((router) => readlinkSync(`/proc/${router.namespacePid}/ns/net`));
    expect(new Set([...namespaces, readlinkSync('/proc/self/ns/net')]).size).toBe(3);
    expect(topology().link).toEqual({ r1Interface: 'wan0', r2Interface: 'wan0', r1Address: '10.255.0.1/30', r2Address: '10.255.0.2/30' });
    expect(await r1.vtysh('show interface brief')).toMatch(/^wan0\s+up\s+default\s+10\.255\.0\.1\/30/m);
    expect(await r2.vtysh('show interface brief')).toMatch(/^wan0\s+up\s+default\s+10\.255\.0\.2\/30/m);
    expect(await r1.vtysh('show interface brief')).toMatch(/^lan0\s+up\s+default\s+10\.1\.1\.1\/24/m);
    expect(await r2.vtysh('show interface brief')).toMatch(/^lan0\s+up\s+default\s+10\.2\.2\.1\/24/m);

    if (r2.ports.bgpd === undefined) throw new Error('r2 has no bgpd VTY');
    const probe = await connectTelnetProbe(r2.ports.bgpd);
    try {
      await probe.waitFor(/Password: $/);
      probe.send(`${vtyPassword}\n`);
      await probe.waitFor(/\nr2> $/);
      expect(probe.text().includes(vtyPassword)).toBe(false);
    } finally {
      probe.close();
    }
  });

  it("pings across the link from vtysh, which has no count option and is interrupted like Ctrl-C", async () => {
    const [r1] = routers();
    const outcome = await vtyshPing(r1, '10.255.0.2');
    expect(outcome.reachable).toBe(true);
    expect(outcome.transcript).toMatch(/64 bytes from 10\.255\.0\.2: icmp_seq=1/);
    expect(outcome.transcript).toMatch(/--- 10\.255\.0\.2 ping statistics ---/);
    await expect(r1.vtysh('ping -c 1 10.255.0.2')).rejects.toThrow(/% Unknown command: ping -c 1 10\.255\.0\.2/);
  });

  it('establishes eBGP over wan0 and receives the other LAN prefix', async () => {
    const [r1, r2] = routers();
    await r1.vtysh(bgpConfig(65001, '1.1.1.1', '10.255.0.2', 65002, '10.1.1.0/24'));
    await r2.vtysh(bgpConfig(65002, '2.2.2.2', '10.255.0.1', 65001, '10.2.2.0/24'));
    const established = (peer: { state: string; prefixes: number }): boolean => peer.state === 'Established' && peer.prefixes >= 1;
    await pollFor('r1 BGP with r2', () => bgpPeer(r1, '10.255.0.2'), established, (peer) => peer.text);
    await pollFor('r2 BGP with r1', () => bgpPeer(r2, '10.255.0.1'), established, (peer) => peer.text);
    // bgpd (listening once `router bgp` exists) accepts sessions inside each namespace, and nowhere on the host.
    for (const router of [r1, r2]) expect(listensOnBgpPort(`/proc/${router.namespacePid}/net`)).toBe(true);
    expect(listensOnBgpPort('/proc/self/net')).toBe(false);
    expect(await r1.vtysh('show ip bgp summary')).toMatch(/^10\.255\.0\.2\s+4\s+65002\s.*\s1\s+\d+\s+N\/A$/m);
    expect(await r1.vtysh('show ip route 10.2.2.0/24')).toMatch(/Known via "bgp"[\s\S]*10\.255\.0\.2, via wan0/);
    expect((await vtyshPing(r1, '10.2.2.1')).reachable).toBe(true);
  });

  it('brings OSPF to Full over wan0 and learns the other LAN', async () => {
    const [r1, r2] = routers();
    await r1.vtysh(ospfConfig('1.1.1.1', '10.1.1.0/24'));
    await r2.vtysh(ospfConfig('2.2.2.2', '10.2.2.0/24'));
    const full = (neighbors: { states: string[] }): boolean => neighbors.states.some((state) => state.startsWith('Full'));
    await pollFor('r1 OSPF adjacency', () => ospfStates(r1), full, (neighbors) => neighbors.text);
    await pollFor('r2 OSPF adjacency', () => ospfStates(r2), full, (neighbors) => neighbors.text);
    expect(await r1.vtysh('show ip ospf neighbor')).toMatch(/^2\.2\.2\.2\s+1\s+Full\/\S*\s.*10\.255\.0\.2\s+wan0:10\.255\.0\.1/m);
    const ospfRoutes = await pollFor(
      'r1 OSPF route to r2 LAN',
      () => r1.vtysh('show ip route ospf'),
      (text) => /^O\s+10\.2\.2\.0\/24 \[110\/\d+\] via 10\.255\.0\.2, wan0/m.test(text),
      (text) => text,
    );
    expect(ospfRoutes).toContain('10.2.2.0/24');
  });

  it('cut() drops BGP, OSPF and ping on both routers, with the evidence in their outputs', async () => {
    const [r1, r2] = routers();
    await topology().cut();
    expect(await r1.vtysh('show interface wan0')).toMatch(/^Interface wan0 is down/m);
    expect(await r2.vtysh('show interface wan0')).toMatch(/^Interface wan0 is up, line protocol is down/m);
    const down = (peer: { state: string }): boolean => peer.state !== 'Established';
    await pollFor('r1 BGP down', () => bgpPeer(r1, '10.255.0.2'), down, (peer) => peer.text);
    await pollFor('r2 BGP down', () => bgpPeer(r2, '10.255.0.1'), down, (peer) => peer.text);
    expect(await r1.vtysh('show ip bgp summary')).toMatch(/^10\.255\.0\.2\s.*\s(?:Idle|Active|Connect)\s+0\s+N\/A$/m);
    const gone = (neighbors: { states: string[] }): boolean => neighbors.states.length === 0;
    await pollFor('r1 OSPF adjacency gone', () => ospfStates(r1), gone, (neighbors) => neighbors.text);
    await pollFor('r2 OSPF adjacency gone', () => ospfStates(r2), gone, (neighbors) => neighbors.text);
    expect(await r1.vtysh('show ip route 10.2.2.0/24')).toMatch(/% Network not in table/);

    const fromR1 = await vtyshPing(r1, '10.255.0.2');
    expect(fromR1.reachable).toBe(false);
    expect(fromR1.transcript).toMatch(/Network is unreachable/);
    const fromR2 = await vtyshPing(r2, '10.255.0.1');
    expect(fromR2.reachable).toBe(false);
    expect(fromR2.transcript).toMatch(/Destination Host Unreachable|Network is unreachable/);
  });

  it('restore() brings the link, BGP, OSPF and ping back', async () => {
    const [r1, r2] = routers();
    await topology().restore();
    const established = (peer: { state: string; prefixes: number }): boolean => peer.state === 'Established' && peer.prefixes >= 1;
    await pollFor('r1 BGP back', () => bgpPeer(r1, '10.255.0.2'), established, (peer) => peer.text);
    await pollFor('r2 BGP back', () => bgpPeer(r2, '10.255.0.1'), established, (peer) => peer.text);
    const full = (neighbors: { states: string[] }): boolean => neighbors.states.some((state) => state.startsWith('Full'));
    await pollFor('r1 OSPF back', () => ospfStates(r1), full, (neighbors) => neighbors.text);
    expect((await vtyshPing(r1, '10.255.0.2')).reachable).toBe(true);
    expect((await vtyshPing(r2, '10.1.1.1')).reachable).toBe(true);
  });

  it('stop() ends both routers and their namespaces', async () => {
    const pids = routers().map((router) => router.namespacePid);
    await topology().stop();
    for (const pid of pids) expect(() => readlinkSync(`/proc/${pid}/ns/net`)).toThrow();
    await expect(topology().stop()).resolves.toBeUndefined();
  });
});
