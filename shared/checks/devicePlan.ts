import type { DeviceFacts, DialectId } from '../contract/device';
import { parseBgpSummary, parseIkeSa, parseIpsecSa, parseNtpStatus, parseOspfNeighbors, parsePing, parseRoutes, parseSipRegistration, savedMatchesRunning, type IpsecSa, type PingResult } from '../parsers';
import { OutputParseError } from '../parsers';
import { checkCommands, CheckCommandError, commandTakes, renderCheckCommand, type CheckKind as CommandKind, type CommandPlatform } from './commands';
import { planInterfaces } from './interfacesPlan';
import type { CheckParams, DeviceCheckKind, Measured } from './model';
import { dialectOf, need, output, text, list, type CommandOutput, type DeviceCheckPlan, type PlannedCommand } from './planParts';

export type { CommandOutput, DeviceCheckPlan, PlannedCommand } from './planParts';

/** The default rule of each device check, for ad-hoc checks that give none. */
export const defaultDeviceRules: Readonly<Record<DeviceCheckKind, string>> = {
  ping: 'loss <= 20%',
  interfaces: 'all(up)',
  bgp: 'state == Established && prefixes >= 1',
  ospf: 'state == Full',
  route: 'found',
  vpn: 'ike == established && ipsec == established',
  voice: 'registered == all',
  ntp: 'synchronised',
  saved: 'saved',
};

/** FRRouting speaks the `ios` dialect but has its own commands (`commands.ts`). */
export function commandPlatform(facts: Pick<DeviceFacts, 'dialect' | 'vendor'>): CommandPlatform {
  return facts.dialect === 'ios' && facts.vendor === 'FRRouting' ? 'frr' : facts.dialect;
}

const PING_REPLY_SLACK_MS = 3_000;
/** The largest ICMP echo an IPv4 datagram holds; each vendor refuses its own smaller limit itself. */
const MAX_PING_SIZE = 65_507;

/**
 * The ping command: `target` (or `address`), `count` (default 5), optional `source` and `size`
 * (bytes as the vendor counts them, see commands.ts). A `size` on a platform whose ping has no
 * size option is refused: a path-MTU test run without its size would prove nothing.
 */
function pingCommand(platform: CommandPlatform, params: CheckParams): PlannedCommand {
  const count = Number(text(params, 'count') ?? 5);
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new CheckCommandError(`count must be a whole number from 1 to 1000, got ${String(params.count)}`);
  const address = need(text(params, 'target', 'address'), 'a target address');
  const size = text(params, 'size');
  if (size !== undefined) {
    if (!commandTakes(platform, 'ping', 'size')) throw new CheckCommandError(`the ${platform} ping has no packet size option`);
    const bytes = Number(size);
    if (!Number.isInteger(bytes) || bytes < 1 || bytes > MAX_PING_SIZE) throw new CheckCommandError(`size must be a whole number of bytes from 1 to ${MAX_PING_SIZE}, got ${size}`);
  }
  const command = renderCheckCommand(platform, 'ping', { address, count, source: text(params, 'source'), size });
  // Linux ping sends one echo a second: after count+3 s it has sent at least `count`.
  return checkCommands[platform].ping?.interruptAfterCount ? { command, interruptAfter: { replies: count, deadlineMs: count * 1000 + PING_REPLY_SLACK_MS } } : { command };
}

function pingMeasured(result: PingResult): Measured {
  return {
    sent: result.sent,
    received: result.received,
    loss: result.lossPercent,
    'success-rate': Math.round((100 - result.lossPercent) * 100) / 100,
    rttMin: result.rttMinMs,
    rttAvg: result.rttAvgMs,
    rttMax: result.rttMaxMs,
    reachable: result.received > 0,
  };
}

/** Linux ping (FRR) exits at once, with no statistics, when the kernel has no route. */
const NO_ROUTE = /connect: Network is unreachable|No route to host/;

function pingFrom(dialect: DialectId, outputs: readonly CommandOutput[], index: number): Measured {
  return measurePing(dialect, output(outputs, index));
}

/**
 * A ping's measured values: sent, received, loss (percent), success-rate, rttMin/rttAvg/rttMax
 * (ms) and reachable. Throws OutputParseError when the text is no ping summary, except for the
 * kernel's "no route" answer, which measures as nothing sent and nothing back.
 */
export function measurePing(dialect: DialectId, text: string): Measured {
  try {
    return pingMeasured(parsePing(dialect, text));
  } catch (error) {
    if (!(error instanceof OutputParseError) || !NO_ROUTE.test(text)) throw error;
    return { sent: 0, received: 0, loss: 100, 'success-rate': 0, rttMin: null, rttAvg: null, rttMax: null, reachable: false };
  }
}

function simple(platform: CommandPlatform, kind: CommandKind, values: Record<string, string | undefined>): PlannedCommand {
  return { command: renderCheckCommand(platform, kind, values) };
}

function ipsecTotals(sas: readonly IpsecSa[]): { encaps: number | null; decaps: number | null } {
  const sum = (pick: (sa: IpsecSa) => number | null): number | null => (sas.some((sa) => pick(sa) !== null) ? sas.reduce((total, sa) => total + (pick(sa) ?? 0), 0) : null);
  return { encaps: sum((sa) => sa.encaps), decaps: sum((sa) => sa.decaps) };
}

function increase(after: number | null, before: number | null): number | null {
  return after === null || before === null ? null : after - before;
}

/**
 * The commands of a device check on a platform and how to measure their outputs. Throws
 * CheckCommandError when the platform has no command for the check or a parameter is missing
 * or unsafe: the check is then `error` without sending anything.
 */
export function planDeviceCheck(platform: CommandPlatform, kind: DeviceCheckKind, params: CheckParams): DeviceCheckPlan {
  const dialect = dialectOf(platform);
  switch (kind) {
    case 'ping':
      return { commands: [pingCommand(platform, params)], measure: (outputs) => pingFrom(dialect, outputs, 0) };
    case 'interfaces':
      return planInterfaces(platform, params);
    case 'bgp': {
      const neighbor = text(params, 'neighbor', 'peer');
      return {
        commands: [simple(platform, 'bgp', {})],
        measure: (outputs) => {
          // FRR with no `router bgp`: a device answer about BGP, not a refused command.
          if (outputs[0]?.failed && /No BGP process is configured/i.test(outputs[0].output)) {
            return { neighbor: neighbor ?? null, state: 'absent', prefixes: null, established: 0, neighbors: 0 };
          }
          const summary = parseBgpSummary(dialect, output(outputs, 0));
          const chosen = neighbor === undefined ? summary.neighbors : summary.neighbors.filter((entry) => entry.address === neighbor);
          const first = chosen.find((entry) => entry.state === 'Established') ?? chosen[0];
          return {
            neighbor: neighbor ?? first?.address ?? null,
            state: first?.state ?? 'absent',
            prefixes: first?.prefixesReceived ?? null,
            established: chosen.filter((entry) => entry.state === 'Established').length,
            neighbors: chosen.length,
          };
        },
      };
    }
    case 'ospf': {
      const neighbor = text(params, 'neighbor', 'peer');
      const onInterface = text(params, 'interface');
      return {
        commands: [simple(platform, 'ospf', {})],
        measure: (outputs) => {
          const all = parseOspfNeighbors(dialect, output(outputs, 0));
          const chosen = all.filter(
            (entry) =>
              (neighbor === undefined || entry.neighborId === neighbor || entry.address === neighbor) &&
              (onInterface === undefined || entry.interface?.toLowerCase() === onInterface.toLowerCase()),
          );
          const full = chosen.filter((entry) => entry.state === 'Full');
          return { state: full[0]?.state ?? chosen[0]?.state ?? 'absent', neighbors: full.length, seen: chosen.length };
        },
      };
    }
    case 'route': {
      const address = need(text(params, 'address', 'prefix', 'network', 'target'), 'an address or prefix');
      return {
        commands: [simple(platform, 'route', { address })],
        measure: (outputs) => {
          const route = parseRoutes(dialect, output(outputs, 0));
          return { found: route.found, prefix: route.prefix, protocol: route.protocol, nextHops: route.nextHops.map((hop) => hop.address ?? hop.interface ?? '') };
        },
      };
    }
    case 'vpn': {
      const peer = need(text(params, 'peer'), 'the hub peer address (peer)');
      const through = text(params, 'through');
      const commands = [simple(platform, 'ike', {}), simple(platform, 'ipsec', {})];
      // With `through`, a ping crosses the tunnel and the IPSec counters are read again around it.
      if (through !== undefined) commands.push(pingCommand(platform, { ...params, target: through }), simple(platform, 'ipsec', {}));
      return {
        commands,
        measure: (outputs) => {
          const ike = parseIkeSa(dialect, output(outputs, 0)).filter((sa) => sa.peer === peer || sa.local === peer);
          const ipsec = parseIpsecSa(dialect, output(outputs, 1)).filter((sa) => sa.peer === peer);
          const before = ipsecTotals(ipsec);
          const measured: Measured = {
            ike: ike.some((sa) => sa.established) ? 'established' : (ike[0]?.state ?? 'none'),
            ipsec: ipsec.length > 0 ? 'established' : 'none',
            encaps: before.encaps,
            decaps: before.decaps,
          };
          if (through === undefined) return measured;
          const after = ipsecTotals(parseIpsecSa(dialect, output(outputs, 3)).filter((sa) => sa.peer === peer));
          return { ...measured, ...pingFrom(dialect, outputs, 2), encaps: after.encaps, decaps: after.decaps, encapsIncrease: increase(after.encaps, before.encaps), decapsIncrease: increase(after.decaps, before.decaps) };
        },
      };
    }
    case 'voice': {
      const wanted = list(params, 'extensions');
      return {
        commands: [simple(platform, 'sip', {})],
        measure: (outputs) => {
          const rows = parseSipRegistration(dialect, output(outputs, 0));
          const lines = wanted.length > 0 ? wanted : rows.map((row) => row.line);
          const registered = lines.map((line) => rows.some((row) => row.line === line && row.registered));
          const count = registered.filter(Boolean).length;
          return {
            lines,
            registeredLines: registered,
            registered: lines.length > 0 && count === lines.length ? 'all' : count > 0 ? 'some' : 'none',
            unregistered: lines.filter((_line, index) => !registered[index]),
          };
        },
      };
    }
    case 'ntp':
      return {
        commands: [simple(platform, 'ntp', {})],
        measure: (outputs) => {
          const status = parseNtpStatus(dialect, output(outputs, 0));
          return { synchronised: status.synchronized, synchronized: status.synchronized, stratum: status.stratum, reference: status.reference };
        },
      };
    case 'saved':
      return {
        commands: [simple(platform, 'savedConfig', {}), simple(platform, 'runningConfig', {})],
        measure: (outputs) => {
          const comparison = savedMatchesRunning(dialect, output(outputs, 0), output(outputs, 1));
          return { saved: comparison.equal, differences: comparison.differences.length, firstDifferences: comparison.differences.slice(0, 20) };
        },
      };
  }
}
