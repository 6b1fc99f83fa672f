import type { DialectId } from '../../../shared/contract';
import type { Ipv4Range } from './ipv4';

/** One interface of the running configuration, as the check outputs need it. */
export interface SimulatedInterface {
  name: string;
  /** Primary address and its network; null when none is configured. */
  address: { address: string; range: Ipv4Range } | null;
  shutdown: boolean;
  description: string | null;
}

/**
 * An IPSec tunnel whose configuration is complete (IKE policy and key for the peer, transform,
 * map/policy/profile, applied to an interface). Complete means established: the simulated hub
 * always answers.
 */
export interface TunnelSpec {
  peer: string;
  /** The local crypto endpoint (the WAN interface's address). */
  local: string;
  /** Where the SA is shown: the WAN interface (policy-based) or the tunnel interface (route-based). */
  interfaceName: string;
  /** Crypto map / IPSec policy / IPSec profile name and sequence number. */
  policy: string;
  sequence: number;
  /** The traffic ACL of a policy-based tunnel; null for route-based ones. */
  acl: string | null;
  /** Protected traffic; an empty `local` list means any source (route-based tunnels). */
  localRanges: Ipv4Range[];
  remoteRanges: Ipv4Range[];
}

/** One number the gateway registers (IOS dial-peer pots, Comware entity pots). */
export interface SipLine {
  number: string;
  /** Dial-peer or entity tag. */
  entity: string;
}

export interface SipState {
  /** Registrar address; null when none is configured (nothing registers). */
  registrar: string | null;
  expires: number;
  lines: SipLine[];
}

/** What the check commands read of a running configuration, per dialect. */
export interface ConfiguredFeatures {
  ntpServers: string[];
  tunnels: TunnelSpec[];
  sip: SipState;
  interfaces: SimulatedInterface[];
}

/** Per-SA packet counters and identifiers, kept while the tunnel stays configured. */
export interface SaCounters {
  encaps: number;
  decaps: number;
  inboundSpi: number;
  outboundSpi: number;
  connectionId: number;
}

/**
 * Simulated device state that is not configuration: the clock, NTP's progress, SA counters and
 * what the simulated network answers. Shared by every connection to one device.
 */
export interface DeviceRuntime {
  dialect: DialectId;
  /** Milliseconds; replaceable so that tests control time. */
  now(): number;
  /** How long after `ntp server` is configured the clock reports synchronised. */
  ntpSyncDelayMs: number;
  /** Addresses and networks that answer pings besides connected networks and tunnels. */
  reachable: Ipv4Range[];
  /** The NTP server the clock follows and when it was configured; null when none is. */
  ntp: { server: string; configuredAt: number } | null;
  /** By `peer policy sequence`. */
  sas: Map<string, SaCounters>;
}

/** Where a local address is needed and the WAN interface has none: the address the provider's DHCP would give. */
export const FALLBACK_WAN_ADDRESS = '198.51.100.2';

/** The hub's NTP server is stratum 2, so the device is stratum 3. */
export const SYNCHRONISED_STRATUM = 3;
