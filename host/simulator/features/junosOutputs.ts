import type { ActiveTunnel, NtpView } from './runtime';

/**
 * Check outputs of Junos, shaped as ntp/junos-srx-show-ntp-status.txt and
 * vpn/junos-srx-show-security-{ike,ipsec}-security-associations.txt. An unsynchronised ntpd
 * reports `leap_alarm, sync_unspec` and stratum 16.
 */
export function junosNtpStatus(view: NtpView): string {
  const head = view.synchronized
    ? ['status=0664 leap_none, sync_ntp, 6 events, event_peer/strat_chg,']
    : ['status=c011 leap_alarm, sync_unspec, 1 event, event_restart,'];
  const stratum = view.synchronized ? view.stratum : 16;
  const refid = view.synchronized ? view.server : 'INIT';
  return [
    ...head,
    'version="ntpd 4.2.0-a Tue Jan 14 06:44:06  2014 (1)",',
    `processor="i386", system="JUNOS13.3R1.4", leap=${view.synchronized ? '00' : '11'}, stratum=${stratum},`,
    'precision=-18, rootdelay=17.257, rootdispersion=7.170, peer=11237,',
    `refid=${refid},`,
    'reftime=eb6f0a93.63d91316  Mon, Mar  3 2025 10:21:07.390, poll=6,',
    'clock=eb6f0a94.81901dfc  Mon, Mar  3 2025 10:21:08.506, state=3,',
    'offset=0.000, frequency=0.000, jitter=9.560, stability=0.000',
    '',
  ].join('\n');
}

const cookie = (value: number, salt: number): string => ((value ^ salt) >>> 0).toString(16).padStart(8, '0') + value.toString(16).padStart(8, '0');

export function junosIkeSa(tunnels: readonly ActiveTunnel[]): string {
  const rows = tunnels.map(({ spec, counters }) => `${String(counters.connectionId).padEnd(8)}UP     ${cookie(counters.inboundSpi, 0x5a5a5a5a)}  ${cookie(counters.outboundSpi, 0xa5a5a5a5)}  ${'Main'.padEnd(15)}${spec.peer}`);
  return ['Index   State  Initiator cookie  Responder cookie  Mode           Remote Address', ...rows, ''].join('\n');
}

/** Junos prints no packet counters here (the parser reads null). */
export function junosIpsecSa(tunnels: readonly ActiveTunnel[]): string {
  if (tunnels.length === 0) return '  Total active tunnels: 0\n';
  const rows = tunnels.flatMap(({ spec, counters }, index) => {
    const id = 131073 + index;
    return [
      `  <${id} ESP:aes-cbc-256/sha256 ${counters.inboundSpi.toString(16).padStart(8, '0')} 3540/ unlim - root 500 ${spec.peer}`,
      `  >${id} ESP:aes-cbc-256/sha256 ${counters.outboundSpi.toString(16).padStart(8, '0')} 3540/ unlim - root 500 ${spec.peer}`,
    ];
  });
  return [`  Total active tunnels: ${tunnels.length}     Total Ipsec sas: ${tunnels.length}`, '  ID    Algorithm       SPI      Life:sec/kb  Mon lsys Port  Gateway', ...rows, ''].join('\n');
}
