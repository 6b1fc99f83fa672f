import type { DialectId } from '../../../shared/contract';
import type { ConfigNode } from '../configTree';
import type { SimulatedDevice } from '../types';
import { iosLikeFeatures } from './iosLikeFeatures';
import { inRange, isIpv4, rangeOfText } from './ipv4';
import { junosFeatures } from './junosFeatures';
import { SYNCHRONISED_STRATUM, type ConfiguredFeatures, type DeviceRuntime, type SaCounters, type TunnelSpec } from './model';
import { vrpLikeFeatures } from './vrpLikeFeatures';

/** A few seconds, as a real clock takes a few polls to select its server. */
export const DEFAULT_NTP_SYNC_DELAY_MS = 3000;

export interface RuntimeSettings {
  ntpSyncDelayMs?: number;
  /** Addresses (`192.0.2.10`) or networks (`10.0.0.0/8`) that answer pings. */
  reachable?: readonly string[];
  now?(): number;
}

export function createRuntime(dialect: DialectId, settings: RuntimeSettings = {}): DeviceRuntime {
  const runtime: DeviceRuntime = { dialect, now: () => Date.now(), ntpSyncDelayMs: DEFAULT_NTP_SYNC_DELAY_MS, reachable: [], ntp: null, sas: new Map() };
  applyRuntimeSettings(runtime, settings);
  return runtime;
}

export function applyRuntimeSettings(runtime: DeviceRuntime, settings: RuntimeSettings): void {
  if (settings.ntpSyncDelayMs !== undefined) runtime.ntpSyncDelayMs = Math.max(0, settings.ntpSyncDelayMs);
  if (settings.now) runtime.now = settings.now;
  if (settings.reachable) {
    runtime.reachable = settings.reachable.flatMap((text) => {
      const range = rangeOfText(text);
      return range ? [range] : [];
    });
  }
}

export function featuresOf(dialect: DialectId, running: ConfigNode): ConfiguredFeatures {
  switch (dialect) {
    case 'ios':
    case 'maipu':
    case 'ruijie':
      return iosLikeFeatures(running);
    case 'vrp':
    case 'comware':
      return vrpLikeFeatures(running, dialect);
    case 'junos':
      return junosFeatures(running);
  }
}

const saKey = (tunnel: TunnelSpec): string => `${tunnel.peer} ${tunnel.policy} ${tunnel.sequence}`;

/** A stable 32-bit value from text, so SPIs and IDs do not change between two displays. */
function hash(text: string): number {
  let value = 2166136261;
  for (const character of text) value = Math.imul(value ^ character.charCodeAt(0), 16777619) >>> 0;
  return value;
}

/**
 * Brings the runtime in line with the running configuration: notes when the NTP server changed
 * (the clock synchronises `ntpSyncDelayMs` later), opens counters for new tunnels and drops those
 * of tunnels no longer configured. Called after each configuration change and before each check.
 */
export function observeConfiguration(device: SimulatedDevice): ConfiguredFeatures {
  const { runtime } = device;
  const features = featuresOf(runtime.dialect, device.running);
  const server = features.ntpServers[0] ?? null;
  if (server === null) runtime.ntp = null;
  else if (runtime.ntp?.server !== server) runtime.ntp = { server, configuredAt: runtime.now() };
  const keys = new Set(features.tunnels.map(saKey));
  for (const key of runtime.sas.keys()) if (!keys.has(key)) runtime.sas.delete(key);
  for (const tunnel of features.tunnels) {
    const key = saKey(tunnel);
    if (runtime.sas.has(key)) continue;
    const seed = hash(`${key} ${runtime.now()}`);
    runtime.sas.set(key, { encaps: 0, decaps: 0, inboundSpi: seed, outboundSpi: hash(`${seed}`), connectionId: (seed % 30000) + 2 });
  }
  return features;
}

export type NtpView = { synchronized: false; server: string | null } | { synchronized: true; server: string; stratum: number };

export function ntpView(device: SimulatedDevice): NtpView {
  observeConfiguration(device);
  const { ntp, ntpSyncDelayMs, now } = device.runtime;
  if (ntp === null) return { synchronized: false, server: null };
  if (now() - ntp.configuredAt < ntpSyncDelayMs) return { synchronized: false, server: ntp.server };
  return { synchronized: true, server: ntp.server, stratum: SYNCHRONISED_STRATUM };
}

export interface ActiveTunnel {
  spec: TunnelSpec;
  counters: SaCounters;
}

export function activeTunnels(device: SimulatedDevice): ActiveTunnel[] {
  const features = observeConfiguration(device);
  return features.tunnels.flatMap((spec) => {
    const counters = device.runtime.sas.get(saKey(spec));
    return counters ? [{ spec, counters }] : [];
  });
}

export interface PingRequest {
  target: string;
  /** A source address, or an interface name whose address is the source. */
  source?: string;
  count: number;
}

export interface PingOutcome {
  target: string;
  source: string | null;
  sent: number;
  received: number;
}

/**
 * Answers a ping: every echo comes back when the target is on a connected network of an
 * interface that is up, in the reachable set, or inside the remote protected network of an
 * established tunnel (then the tunnel's encaps/decaps counters grow by one per echo, as ESP
 * sequence numbers do); otherwise none does. A policy-based tunnel carries only echoes whose
 * source is inside its local protected network.
 */
export function simulatePing(device: SimulatedDevice, request: PingRequest): PingOutcome {
  const features = observeConfiguration(device);
  const named = features.interfaces.find((candidate) => candidate.name.toLowerCase() === request.source?.toLowerCase());
  const source = request.source === undefined ? null : isIpv4(request.source) ? request.source : (named?.address?.address ?? null);
  const sent = request.count;
  const answered = { target: request.target, source, sent, received: sent };
  if (!isIpv4(request.target)) return { ...answered, received: 0 };
  // Tunnels first: a tunnel interface's own network is connected, and its echoes are encrypted.
  const tunnel = activeTunnels(device).find(({ spec }) => {
    const toRemote = spec.remoteRanges.some((range) => inRange(range, request.target));
    const fromLocal = spec.localRanges.length === 0 || (source !== null && spec.localRanges.some((range) => inRange(range, source)));
    return toRemote && fromLocal;
  });
  if (tunnel) {
    tunnel.counters.encaps += sent;
    tunnel.counters.decaps += sent;
    return answered;
  }
  const connected = features.interfaces.some((candidate) => !candidate.shutdown && candidate.address !== null && inRange(candidate.address.range, request.target));
  if (connected || device.runtime.reachable.some((range) => inRange(range, request.target))) return answered;
  return { ...answered, received: 0 };
}
