import { execFile, spawn } from 'node:child_process';
import { startFrr, type FrrPeer } from './frr';
import { frrLayout } from './frrFiles';
import { descendantsOf, killTreesNow, trackPid } from './processTree';
import { programs, type FrrDaemon } from './requirements';

export interface TopologyRouterOptions {
  /** Prompt hostname; letters, digits and '-'. */
  hostname: string;
  /** Address/length on the router's LAN interface `lan0`; defaults 10.1.1.1/24 (first) and 10.2.2.1/24 (second). */
  lanAddress?: string;
  /** Default zebra, staticd, bgpd, ospfd. */
  daemons?: FrrDaemon[];
  /** A telnetd on 127.0.0.1 that asks Username/Password, then runs vtysh (the shell that has `ping`). */
  login?: { username: string; password: string };
}

export interface StartTopologyOptions {
  routers: [TopologyRouterOptions, TopologyRouterOptions];
  /** Both routers' VTY `password` (no whitespace). */
  vtyPassword: string;
  /** Both routers' `enable password` (no whitespace). */
  enablePassword: string;
}

/** The veth pair joining the routers; "r1" is routers[0], "r2" routers[1], whatever their hostnames. */
export interface TopologyLink {
  r1Interface: string;
  r2Interface: string;
  r1Address: string;
  r2Address: string;
}

export interface TopologyRouter extends FrrPeer {
  /** Interface holding lanAddress: one end of a veth pair whose other end (lan0-end) stays in the same namespace. */
  lanInterface: string;
  lanAddress: string;
}

export interface FrrTopology {
  routers: [TopologyRouter, TopologyRouter];
  link: TopologyLink;
  /** `ip link set <r1Interface> down` in r1's namespace; resolves once both zebras report the link down. */
  cut(): Promise<void>;
  /** Sets r1's end up again; resolves once both zebras report the link up with its address. */
  restore(): Promise<void>;
  /** Stops both routers (by PID, with their namespaces, which deletes the link). Idempotent. */
  stop(): Promise<void>;
}

const link: TopologyLink = { r1Interface: 'wan0', r2Interface: 'wan0', r1Address: '10.255.0.1/30', r2Address: '10.255.0.2/30' };
const defaultLanAddresses = ['10.1.1.1/24', '10.2.2.1/24'] as const;
const lanInterface = 'lan0';
const lanPeerInterface = 'lan0-end';
const linkStateTimeoutMilliseconds = 30_000;
const addressPattern = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Runs `ip ARGS` inside the network namespace of namespacePid; rejects with ip's stderr. */
function ipInNamespace(namespacePid: number, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      programs.nsenter,
      [`--net=/proc/${namespacePid}/ns/net`, '--', programs.ip, ...args],
      { encoding: 'utf8', timeout: linkStateTimeoutMilliseconds },
      (error, _stdout, stderr) => {
        if (error === null) resolve();
        else reject(new Error(`ip ${args.join(' ')} failed in namespace of pid ${namespacePid}: ${stderr.trim() || error.message}`));
      },
    );
  });
}

/** Polls an asynchronous check every 200 ms until it returns true; the timeout message carries the last evidence. */
async function pollUntil(check: () => Promise<boolean>, evidence: () => string, timeoutMilliseconds: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMilliseconds} ms; last seen:\n${evidence()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until the router's zebra shows the interface up with the address, or down (carrier or admin). */
async function waitForInterface(router: FrrPeer, name: string, state: { up: true; address: string } | { up: false }): Promise<void> {
  let last = '';
  await pollUntil(
    async () => {
      last = await router.vtysh(`show interface ${name}`);
      // Admin down reads "Interface wan0 is down"; the far end of a veth then reads "is up, line protocol is down".
      if (!state.up) return /^Interface \S+ is (?:down|up, line protocol is down)/m.test(last);
      return /is up, line protocol is up/.test(last) && new RegExp(`inet ${state.address.replace(/\./g, '\\.')}\\b`).test(last);
    },
    () => last,
    linkStateTimeoutMilliseconds,
    `${router.hostname}: zebra did not report ${name} ${state.up ? 'up' : 'down'}`,
  );
}

function validateAddress(address: string): void {
  const match = addressPattern.exec(address);
  const numbers = match?.slice(1).map(Number) ?? [];
  if (numbers.length !== 5 || numbers.slice(0, 4).some((octet) => octet > 255) || (numbers[4] ?? 33) > 32) {
    throw new Error(`invalid IPv4 address/length: ${address}`);
  }
}

/**
 * Two FRR routers, each in its own private network namespace (see startFrr), joined by one veth
 * pair: wan0 in the first namespace, wan0 in the second. Addresses are set in the kernel (`ip
 * addr`), so neither router's running-config mentions them and any BGP/OSPF profile can be
 * applied on top over Telnet. bgpd listens on the namespaces' addresses, which no host process
 * can reach; the only host listeners are the 127.0.0.1 VTY bridges (and telnetd when asked).
 */
export async function startTopology(options: StartTopologyOptions): Promise<FrrTopology> {
  const [first, second] = options.routers;
  if (first.hostname === second.hostname) throw new Error(`the two routers need different hostnames, both are ${first.hostname}`);
  const lanAddresses = [first.lanAddress ?? defaultLanAddresses[0], second.lanAddress ?? defaultLanAddresses[1]] as const;
  lanAddresses.forEach(validateAddress);

  const started: FrrPeer[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all(started.map((router) => router.stop()));
  };
  try {
    for (const router of options.routers) {
      started.push(
        await startFrr({
          hostname: router.hostname,
          vtyPassword: options.vtyPassword,
          enablePassword: options.enablePassword,
          ...(router.daemons === undefined ? {} : { daemons: router.daemons }),
          ...(router.login === undefined ? {} : { login: router.login }),
          bgpListen: 'all',
        }),
      );
    }
    const [peer1, peer2] = started;
    if (peer1 === undefined || peer2 === undefined) throw new Error('the routers did not start');

    // Created in r1's namespace with its other end born directly in r2's: no rename for zebra to follow.
    await ipInNamespace(peer1.namespacePid, [
      'link', 'add', link.r1Interface, 'type', 'veth', 'peer', 'name', link.r2Interface, 'netns', String(peer2.namespacePid),
    ]);
    const ends = [
      { peer: peer1, wan: link.r1Interface, wanAddress: link.r1Address, lanAddress: lanAddresses[0] },
      { peer: peer2, wan: link.r2Interface, wanAddress: link.r2Address, lanAddress: lanAddresses[1] },
    ];
    for (const end of ends) {
      const pid = end.peer.namespacePid;
      await ipInNamespace(pid, ['address', 'add', end.wanAddress, 'dev', end.wan]);
      await ipInNamespace(pid, ['link', 'set', end.wan, 'up']);
      await ipInNamespace(pid, ['link', 'add', lanInterface, 'type', 'veth', 'peer', 'name', lanPeerInterface]);
      await ipInNamespace(pid, ['address', 'add', end.lanAddress, 'dev', lanInterface]);
      await ipInNamespace(pid, ['link', 'set', lanPeerInterface, 'up']);
      await ipInNamespace(pid, ['link', 'set', lanInterface, 'up']);
    }
    for (const end of ends) {
      await waitForInterface(end.peer, end.wan, { up: true, address: end.wanAddress });
      await waitForInterface(end.peer, lanInterface, { up: true, address: end.lanAddress });
    }

    // The same objects, extended: startConsole() and adoptIntoPeer() recognise a peer by identity.
    const routers: [TopologyRouter, TopologyRouter] = [
      Object.assign(peer1, { lanInterface, lanAddress: lanAddresses[0] }),
      Object.assign(peer2, { lanInterface, lanAddress: lanAddresses[1] }),
    ];
    const setLink = async (up: boolean): Promise<void> => {
      await ipInNamespace(peer1.namespacePid, ['link', 'set', link.r1Interface, up ? 'up' : 'down']);
      for (const end of ends) await waitForInterface(end.peer, end.wan, up ? { up, address: end.wanAddress } : { up });
    };
    return { routers, link: { ...link }, cut: () => setLink(false), restore: () => setLink(true), stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

export interface PingOutcome {
  /** True once a reply from the address was printed. */
  reachable: boolean;
  /** Everything vtysh and ping printed, including the statistics after the interrupt. */
  transcript: string;
}

const pingLimitMilliseconds = 30_000;

/**
 * vtysh's `ping ADDRESS` inside the router's namespace. FRR 8.4 offers only `ping WORD` (and
 * `ping ip WORD`), which runs Linux ping without a count until Ctrl-C, and vtysh exits 0
 * whatever ping found. So this interrupts ping (SIGINT, as Ctrl-C does) at the first reply or
 * the first error line, and judges by the output. A ping still running after 30 s is killed.
 */
export function vtyshPing(router: { stateDir: string }, address: string): Promise<PingOutcome> {
  if (!/^[0-9a-fA-F:.]+$/.test(address)) throw new Error(`not an IP address: ${address}`);
  const reply = new RegExp(`bytes from ${address.replace(/\./g, '\\.')}\\b`);
  const failure = /unreachable|100% packet loss|unknown host|not known/i;
  const child = spawn(frrLayout(router.stateDir).vtyshWrapper, ['-c', `ping ${address}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  const vtysh = child.pid === undefined ? undefined : trackPid('vtysh-ping', child.pid);
  let transcript = '';
  let verdict: boolean | undefined;
  const interruptPing = (): void => {
    if (child.pid === undefined) return;
    for (const pid of descendantsOf(child.pid)) {
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // Ping already ended by itself.
      }
    }
  };
  const judge = (chunk: Buffer): void => {
    transcript += chunk.toString('utf8');
    if (verdict !== undefined) return;
    if (reply.test(transcript)) verdict = true;
    else if (failure.test(transcript)) verdict = false;
    else return;
    interruptPing();
  };
  child.stdout.on('data', judge);
  child.stderr.on('data', judge);
  return new Promise<PingOutcome>((resolve, reject) => {
    const limit = setTimeout(() => {
      if (vtysh !== undefined) killTreesNow([vtysh]);
      reject(new Error(`ping ${address} gave no verdict within ${pingLimitMilliseconds} ms:\n${transcript}`));
    }, pingLimitMilliseconds);
    child.once('error', (error) => {
      clearTimeout(limit);
      reject(error);
    });
    child.once('close', () => {
      clearTimeout(limit);
      resolve({ reachable: verdict ?? reply.test(transcript), transcript });
    });
  });
}
