import { lengthOfMask, maskText, networkText, type Ipv4Range } from './ipv4';
import type { SimulatedInterface, SipState } from './model';
import type { ActiveTunnel, NtpView } from './runtime';

/**
 * Check outputs of Huawei VRP and H3C Comware 7, shaped as the real outputs in test/fixtures:
 * NTP (ntp/vrp-display-ntp-service-status.txt, ntp/comware-hp-display-ntp-status.txt), IKE SAs
 * (vpn/vrp-lab-display-ike-sa.txt, vpn/comware-lab-display-ike-sa.txt), IPSec SAs
 * (vpn/vrp-lab-display-ipsec-sa.txt, vpn/comware-lab-display-ipsec-sa.txt), SIP registrations
 * (voice/comware-h3c-doc-display-voice-sip-register-status.txt), interface tables
 * (interfaces/vrp-ar-display-interface-brief.txt, interfaces/comware-msr-display-interface-brief.txt).
 */

export function vrpNtpStatus(view: NtpView): string {
  const lines = view.synchronized
    ? [
        'clock status: synchronized',
        `clock stratum: ${view.stratum}`,
        `reference clock ID: ${view.server}`,
        'nominal frequency: 64.0029 Hz',
        'actual frequency: 64.0029 Hz',
        'clock precision: 2^7',
        'clock offset: 0.0000 ms',
        'root delay: 62.50 ms',
        'root dispersion: 0.20 ms',
        'peer dispersion: 7.81 ms',
        'reference time: 10:21:07.465 UTC Mar 3 2025(EB6F0A93.773E89A8)',
        'synchronization state: clock synchronized',
      ]
    : [
        'clock status: unsynchronized',
        'clock stratum: 16',
        'reference clock ID: none',
        'nominal frequency: 64.0000 Hz',
        'actual frequency: 64.0000 Hz',
        'clock precision: 2^7',
        'clock offset: 0.0000 ms',
        'root delay: 0.00 ms',
        'root dispersion: 0.00 ms',
        'peer dispersion: 0.00 ms',
        'reference time: 00:00:00.000 UTC Jan 1 1900(00000000.00000000)',
        'synchronization state: clock not set',
      ];
  return lines.map((line) => ` ${line}`).join('\n') + '\n';
}

export function comwareNtpStatus(view: NtpView): string {
  const lines = view.synchronized
    ? [
        'Clock status: synchronized',
        `Clock stratum: ${view.stratum}`,
        `System peer: ${view.server}`,
        'Local mode: client',
        `Reference clock ID: ${view.server}`,
        'Leap indicator: 00',
        'Clock jitter: 0.004227 s',
        'Stability: 0.000 pps',
        'Clock precision: 2^-19',
        'Root delay: 9.75598 ms',
        'Root dispersion: 14.76501 ms',
        'Reference time: eb6f0a93.a5c6d326  Mon, Mar  3 2025 10:21:07.647',
      ]
    : [
        'Clock status: unsynchronized',
        'Clock stratum: 16',
        'Reference clock ID: none',
        'Leap indicator: 11',
        'Clock jitter: 0.000000 s',
        'Stability: 0.000 pps',
        'Clock precision: 2^-19',
        'Root delay: 0.00000 ms',
        'Root dispersion: 0.00000 ms',
        'Reference time: 00000000.00000000  Mon, Jan  1 1900  0:00:00.000',
      ];
  return lines.map((line) => ` ${line}`).join('\n') + '\n';
}

/** Phase 2 then phase 1 row per peer, flags `RD|ST` (READY, STAYALIVE). */
export function vrpIkeSa(tunnels: readonly ActiveTunnel[]): string {
  const rows = tunnels.flatMap(({ spec, counters }) =>
    [2, 1].map((phase) => `${String(counters.connectionId + (phase === 2 ? 1 : 0)).padStart(9)}    ${spec.peer.padEnd(16)}0     ${'RD|ST'.padEnd(23)}${phase}     `),
  );
  return [
    '    Conn-ID  Peer            VPN   Flag(s)                Phase  ',
    '  ---------------------------------------------------------------',
    ...rows,
    '',
    '  Flag Description:',
    '  RD--READY   ST--STAYALIVE   RL--REPLACED   FD--FADING   TO--TIMEOUT',
    '  HRT--HEARTBEAT   LKG--LAST KNOWN GOOD SEQ NO.   BCK--BACKED UP',
    '',
  ].join('\n');
}

export function comwareIkeSa(tunnels: readonly ActiveTunnel[]): string {
  const rows = tunnels.map(({ spec, counters }) => `    ${String(counters.connectionId).padEnd(16)}${spec.peer.padEnd(22)}${'RD'.padEnd(13)}IPsec`);
  return [
    '    Connection-ID   Remote                Flag         DOI',
    '------------------------------------------------------------------',
    ...rows,
    'Flags:',
    'RD--READY RL--REPLACED FD-FADING RK-REKEY',
    '',
  ].join('\n');
}

const flow = (ranges: readonly Ipv4Range[]): string => {
  const range = ranges[0];
  return range ? `${networkText(range)}/${maskText(range)}` : '0.0.0.0/0.0.0.0';
};

/** Grouped by interface; empty when no SA exists (as the devices print nothing then). */
export function vrpIpsecSa(tunnels: readonly ActiveTunnel[]): string {
  const lines: string[] = [];
  for (const { spec, counters } of tunnels) {
    lines.push(
      '',
      '===============================',
      `Interface: ${spec.interfaceName}`,
      ' Path MTU: 1500',
      '===============================',
      '',
      '  -----------------------------',
      `  IPSec policy name: "${spec.policy}"`,
      `  Sequence number  : ${spec.sequence}`,
      ...(spec.acl === null ? [] : [`  Acl Group        : ${spec.acl}`, '  Acl rule         : 5']),
      '  Mode             : ISAKMP',
      '  -----------------------------',
      `    Connection ID     : ${counters.connectionId}`,
      '    Encapsulation mode: Tunnel',
      `    Tunnel local      : ${spec.local}`,
      `    Tunnel remote     : ${spec.peer}`,
      `    Flow source       : ${flow(spec.localRanges)} 0/0`,
      `    Flow destination  : ${flow(spec.remoteRanges)} 0/0`,
      '    Qos pre-classify  : Disable',
      '',
      '    [Outbound ESP SAs]',
      `      SPI: ${counters.outboundSpi} (0x${counters.outboundSpi.toString(16)})`,
      '      Proposal: ESP-ENCRYPT-AES-256 ESP-AUTH-SHA2-256-128',
      '      SA remaining key duration (bytes/sec): 1887436800/3540',
      `      Max sent sequence-number: ${counters.encaps}`,
      '      UDP encapsulation used for NAT traversal: N',
      '',
      '    [Inbound ESP SAs]',
      `      SPI: ${counters.inboundSpi} (0x${counters.inboundSpi.toString(16)})`,
      '      Proposal: ESP-ENCRYPT-AES-256 ESP-AUTH-SHA2-256-128',
      '      SA remaining key duration (bytes/sec): 1887436800/3540',
      `      Max received sequence-number: ${counters.decaps}`,
      '      Anti-replay window size: 32',
      '      UDP encapsulation used for NAT traversal: N',
    );
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

export function comwareIpsecSa(tunnels: readonly ActiveTunnel[]): string {
  const lines: string[] = [];
  for (const { spec, counters } of tunnels) {
    const sa = (direction: 'Inbound' | 'Outbound', spi: number, sequence: string): string[] => [
      `    [${direction} ESP SAs]`,
      `      SPI: ${spi} (0x${spi.toString(16).padStart(8, '0')})`,
      `      Connection ID: ${counters.connectionId * 4 + (direction === 'Inbound' ? 1 : 0)}`,
      '      Transform set: ESP-ENCRYPT-AES-CBC-256 ESP-AUTH-SHA256',
      '      SA duration (kilobytes/sec): 1843200/3600',
      '      SA remaining duration (kilobytes/sec): 1843199/3540',
      sequence,
      ...(direction === 'Inbound' ? ['      Anti-replay check enable: Y', '      Anti-replay window size: 64'] : []),
      '      UDP encapsulation used for NAT traversal: N',
      '      Status: Active',
    ];
    lines.push(
      '-------------------------------',
      `Interface: ${spec.interfaceName}`,
      '-------------------------------',
      '',
      '  -----------------------------',
      `  IPsec policy: ${spec.policy}`,
      `  Sequence number: ${spec.sequence}`,
      '  Mode: ISAKMP',
      '  -----------------------------',
      '    Tunnel id: 0',
      '    Encapsulation mode: tunnel',
      '    Perfect Forward Secrecy: dh-group14',
      '    Inside VPN:',
      '    Extended Sequence Numbers enable: N',
      '    Traffic Flow Confidentiality enable: N',
      '    Path MTU: 1428',
      '    Tunnel:',
      `        local  address: ${spec.local}`,
      `        remote address: ${spec.peer}`,
      '    Flow:',
      `        sour addr: ${flow(spec.localRanges)}  port: 0  protocol: ip`,
      `        dest addr: ${flow(spec.remoteRanges)}  port: 0  protocol: ip`,
      '',
      ...sa('Inbound', counters.inboundSpi, `      Max received sequence-number: ${counters.decaps}`),
      '',
      ...sa('Outbound', counters.outboundSpi, `      Max sent sequence-number: ${counters.encaps}`),
      '',
    );
  }
  return lines.join('\n');
}

/** Comware registers each pots entity's number once a registrar is configured. */
export function comwareSipRegisterStatus(sip: SipState): string {
  const server = sip.registrar === null ? '--' : `${sip.registrar}:5060`;
  const rows = sip.lines.map((line) => {
    const online = sip.registrar !== null;
    return `${line.number.padEnd(32)}${line.entity.padEnd(11)}${server.padEnd(22)}${(online ? String(sip.expires) : 'N/A').padEnd(8)}${online ? 'Online' : 'Offline'}`;
  });
  return ['Number                          Entity     Registrar Server      Expires Status', '-'.repeat(79), ...rows, ''].join('\n');
}

/** `display interface brief` of VRP: `*down` for a shut interface. */
export function vrpInterfaceBrief(interfaces: readonly SimulatedInterface[]): string {
  const rows = interfaces.map((entry) => {
    const physical = entry.shutdown ? '*down' : 'up';
    const protocol = entry.shutdown ? 'down' : /^(NULL|LoopBack)/.test(entry.name) ? 'up(s)' : 'up';
    return `${entry.name.padEnd(28)}${physical.padEnd(6)}${protocol.padEnd(10)}${'0%'.padStart(5)}${'0%'.padStart(7)}${'0'.padStart(11)}${'0'.padStart(11)}`;
  });
  return [
    'PHY: Physical',
    '*down: administratively down',
    '(l): loopback',
    '(s): spoofing',
    '(b): BFD down',
    '^down: standby',
    '(e): ETHOAM down',
    '(v): VirtualPort',
    'InUti/OutUti: input utility/output utility',
    'Interface                   PHY   Protocol  InUti OutUti   inErrors  outErrors',
    ...rows,
    '',
  ].join('\n');
}

const COMWARE_ABBREVIATIONS: readonly [RegExp, string][] = [
  [/^Ten-GigabitEthernet/, 'XGE'],
  [/^M-GigabitEthernet/, 'MGE'],
  [/^GigabitEthernet/, 'GE'],
  [/^LoopBack/, 'Loop'],
  [/^Vlan-interface/, 'Vlan'],
  [/^Tunnel/, 'Tun'],
];

/** Comware 7's route-mode table: abbreviated names, `ADM` for a shut interface, the address without its mask. */
export function comwareInterfaceBrief(interfaces: readonly SimulatedInterface[]): string {
  const rows = interfaces.map((entry) => {
    const name = COMWARE_ABBREVIATIONS.reduce((text, [pattern, short]) => text.replace(pattern, short), entry.name);
    const link = entry.shutdown ? 'ADM' : 'UP';
    const protocol = entry.shutdown ? 'DOWN' : /^(NULL|LoopBack)/.test(entry.name) ? 'UP(s)' : 'UP';
    const row = `${name.padEnd(21)}${link.padEnd(5)}${protocol.padEnd(9)}${(entry.address?.address ?? '--').padEnd(16)}${entry.description ?? ''}`;
    return row.trimEnd();
  });
  return [
    'Brief information on interfaces in route mode:',
    'Link: ADM - administratively down; Stby - standby',
    'Protocol: (s) - spoofing',
    'Interface            Link Protocol Primary IP      Description',
    ...rows,
    '',
  ].join('\n');
}

/** `display ip interface brief` (VRP layout) from the same interface list. */
export function vrpIpInterfaceBrief(interfaces: readonly SimulatedInterface[]): string {
  const rows = interfaces.map((entry) => {
    const shown = entry.address ? `${entry.address.address}/${lengthOfMask(entry.address.range.mask)}` : 'unassigned';
    return `${entry.name.padEnd(34)}${shown.padEnd(21)}${(entry.shutdown ? '*down' : 'up').padEnd(11)}${entry.shutdown ? 'down' : 'up'}`;
  });
  return ['Interface                         IP Address/Mask      Physical   Protocol  ', ...rows, ''].join('\n');
}
