import { lengthOfMask, maskText, networkText, type Ipv4Range } from './ipv4';
import type { SimulatedInterface, SipState } from './model';
import type { ActiveTunnel, NtpView } from './runtime';

/**
 * Check outputs of the IOS family, shaped as the real outputs in test/fixtures: `show ntp
 * status` (ntp/ios-show-ntp-status.txt), `show crypto isakmp sa`
 * (vpn/ios-lab-show-crypto-isakmp-sa.txt), `show crypto ipsec sa`
 * (vpn/ios-ntc-show-crypto-ipsec-sa.txt), `show sip-ua register status`
 * (voice/ios-cisco-doc-show-sip-ua-register-status.txt), Ruijie's `show ip interface brief`
 * (interfaces/ruijie-switch-show-ip-interface-brief.txt).
 */

export function iosNtpStatus(view: NtpView): string {
  if (!view.synchronized) {
    return [
      'Clock is unsynchronized, stratum 16, no reference clock',
      'nominal freq is 250.0000 Hz, actual freq is 250.0000 Hz, precision is 2**10',
      'ntp uptime is 1500 (1/100 of seconds), resolution is 4000',
      'reference time is 00000000.00000000 (00:00:00.000 UTC Mon Jan 1 1900)',
      'clock offset is 0.0000 msec, root delay is 0.00 msec',
      'root dispersion is 0.00 msec, peer dispersion is 0.00 msec',
      "loopfilter state is 'NSET' (Never set), drift is 0.000000000 s/s",
      'system poll interval is 64, never updated.',
      '',
    ].join('\n');
  }
  return [
    `Clock is synchronized, stratum ${view.stratum}, reference is ${view.server}`,
    'nominal freq is 250.0000 Hz, actual freq is 249.9995 Hz, precision is 2**19',
    'ntp uptime is 589900 (1/100 of seconds), resolution is 4016',
    'reference time is DA088DD3.C4E659D3 (13:21:23.769 UTC Mon Mar 3 2025)',
    'clock offset is 0.0883 msec, root delay is 9.77 msec',
    'root dispersion is 13.43 msec, peer dispersion is 2.48 msec',
    "loopfilter state is 'CTRL' (Normal Controlled Loop), drift is 0.000001803 s/s",
    'system poll interval is 64, last update was 17 sec ago.',
    '',
  ].join('\n');
}

export function iosIsakmpSa(tunnels: readonly ActiveTunnel[]): string {
  const rows = tunnels.map(({ spec, counters }) => `${spec.peer.padEnd(16)}${spec.local.padEnd(16)}${'QM_IDLE'.padEnd(15)}${String(counters.connectionId).padStart(7)}    0 ACTIVE`);
  return ['dst             src             state          conn-id slot status', ...rows, ''].join('\n');
}

const ident = (ranges: readonly Ipv4Range[]): string => {
  const range = ranges[0];
  return range ? `${networkText(range)}/${maskText(range)}/0/0` : '0.0.0.0/0.0.0.0/0/0';
};

const hex = (value: number): string => value.toString(16).toUpperCase().padStart(8, '0');

/** One `interface:` block a tunnel. An empty output when no SA exists, as a device without SAs prints. */
export function iosIpsecSa(tunnels: readonly ActiveTunnel[]): string {
  const blocks = tunnels.map(({ spec, counters }) => {
    const tag = spec.policy;
    const esp = (direction: string, spi: number, connection: number): string[] => [
      `     ${direction} esp sas:`,
      `      spi: 0x${hex(spi)}(${spi})`,
      '        transform: esp-256-aes esp-sha256-hmac ,',
      '        in use settings ={Tunnel, }',
      `        conn id: ${connection}, flow_id: SW:${connection}, sibling_flags 80000040, crypto map: ${tag}`,
      '        sa timing: remaining key lifetime (k/sec): (4608000/3540)',
      '        IV size: 16 bytes',
      '        replay detection support: Y',
      '        Status: ACTIVE',
      '',
    ];
    return [
      `interface: ${spec.interfaceName}`,
      `    Crypto map tag: ${tag}, local addr ${spec.local}`,
      '',
      '   protected vrf: (none)',
      `   local  ident (addr/mask/prot/port): (${ident(spec.localRanges)})`,
      `   remote ident (addr/mask/prot/port): (${ident(spec.remoteRanges)})`,
      `   current_peer ${spec.peer} port 500`,
      '     PERMIT, flags={origin_is_acl,}',
      `    #pkts encaps: ${counters.encaps}, #pkts encrypt: ${counters.encaps}, #pkts digest: ${counters.encaps}`,
      `    #pkts decaps: ${counters.decaps}, #pkts decrypt: ${counters.decaps}, #pkts verify: ${counters.decaps}`,
      '    #pkts compressed: 0, #pkts decompressed: 0',
      '    #pkts not compressed: 0, #pkts compr. failed: 0',
      '    #pkts not decompressed: 0, #pkts decompress failed: 0',
      '    #send errors 0, #recv errors 0',
      '',
      `     local crypto endpt.: ${spec.local}, remote crypto endpt.: ${spec.peer}`,
      `     plaintext mtu 1438, path mtu 1500, ip mtu 1500, ip mtu idb ${spec.interfaceName}`,
      `     current outbound spi: 0x${hex(counters.outboundSpi)}(${counters.outboundSpi})`,
      '     PFS (Y/N): Y, DH group: group14',
      '',
      ...esp('inbound', counters.inboundSpi, counters.connectionId + 1),
      '     inbound ah sas:',
      '',
      '     inbound pcp sas:',
      '',
      ...esp('outbound', counters.outboundSpi, counters.connectionId + 2),
      '     outbound ah sas:',
      '',
      '     outbound pcp sas:',
      '',
    ].join('\n');
  });
  return blocks.join('\n');
}

/** A line registers once a registrar is configured; `expires` is the registrar's lifetime. */
export function iosSipRegisterStatus(sip: SipState): string {
  const rows = sip.lines.map((line) => `${line.number} ${line.entity.padEnd(5)} ${String(sip.registrar === null ? 0 : sip.expires).padEnd(11)} ${sip.registrar === null ? 'no' : 'yes'}`);
  return ['Line peer expires(sec) registered', ...rows, ''].join('\n');
}

/** Ruijie's own table: addresses in CIDR, `no address` where there is none. */
export function ruijieInterfaceBrief(interfaces: readonly SimulatedInterface[]): string {
  const rows = interfaces.map((entry) => {
    const primary = entry.address ? `${entry.address.address}/${lengthOfMask(entry.address.range.mask)}` : 'no address';
    const status = entry.shutdown ? 'administratively down' : 'up';
    return `${entry.name.padEnd(33)}${primary.padEnd(21)}${'no address'.padEnd(21)}${status.padEnd(23)}${entry.shutdown ? 'down' : 'up'}`;
  });
  return ['Interface                        IP-Address(Pri)      IP-Address(Sec)      Status                 Protocol', ...rows, ''].join('\n');
}

