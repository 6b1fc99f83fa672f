import { describe, expect, it } from 'vitest';
import type { DialectId } from '../../../shared/contract';
import { parseIkeSa, parseInterfaces, parseIpsecSa, parseNtpStatus, parsePing, parseSipRegistration } from '../../../shared/parsers';
import { iosIpsecSa, iosIsakmpSa, iosNtpStatus, iosSipRegisterStatus, ruijieInterfaceBrief } from './iosLikeOutputs';
import { rangeOf, rangeOfText } from './ipv4';
import { junosIkeSa, junosIpsecSa, junosNtpStatus } from './junosOutputs';
import type { SimulatedInterface } from './model';
import { pingRequest, renderPing } from './pingOutputs';
import type { ActiveTunnel, NtpView } from './runtime';
import { comwareIkeSa, comwareInterfaceBrief, comwareIpsecSa, comwareNtpStatus, comwareSipRegisterStatus, vrpIkeSa, vrpInterfaceBrief, vrpIpsecSa, vrpNtpStatus } from './vrpLikeOutputs';

// Every simulated check output must read back through the real parser as the state it shows.

const tunnel: ActiveTunnel = {
  spec: { peer: '203.0.113.1', local: '198.51.100.2', interfaceName: 'GigabitEthernet0/0/0', policy: 'CMAP-HUB', sequence: 10, acl: 'VPN-HUB', localRanges: [rangeOfText('10.61.8.0/22')].flatMap((range) => (range ? [range] : [])), remoteRanges: [] },
  counters: { encaps: 12, decaps: 11, inboundSpi: 0xdf060abf, outboundSpi: 0x8725a2b7, connectionId: 52 },
};

const NTP: Record<DialectId, (view: NtpView) => string> = { ios: iosNtpStatus, maipu: iosNtpStatus, ruijie: iosNtpStatus, vrp: vrpNtpStatus, comware: comwareNtpStatus, junos: junosNtpStatus };

describe('check outputs read by the real parsers', () => {
  it.each(Object.keys(NTP) as DialectId[])('%s NTP status, unsynchronised and synchronised', (dialect) => {
    expect(parseNtpStatus(dialect, NTP[dialect]({ synchronized: false, server: null }))).toMatchObject({ synchronized: false, stratum: 16 });
    expect(parseNtpStatus(dialect, NTP[dialect]({ synchronized: true, server: '10.255.0.1', stratum: 3 }))).toEqual({ synchronized: true, stratum: 3, reference: '10.255.0.1' });
  });

  it.each([
    ['ios', iosIsakmpSa, iosIpsecSa, { encaps: 12, decaps: 11 }],
    ['vrp', vrpIkeSa, vrpIpsecSa, { encaps: 12, decaps: 11 }],
    ['comware', comwareIkeSa, comwareIpsecSa, { encaps: 12, decaps: 11 }],
    ['junos', junosIkeSa, junosIpsecSa, { encaps: null, decaps: null }],
  ] as const)('%s IKE and IPSec SAs, none and one', (dialect, ike, ipsec, counters) => {
    expect(parseIkeSa(dialect, ike([]))).toEqual([]);
    expect(parseIkeSa(dialect, ike([tunnel]))).toMatchObject([{ peer: '203.0.113.1', established: true }]);
    expect(parseIpsecSa(dialect, ipsec([tunnel]))).toEqual([{ peer: '203.0.113.1', ...counters, inboundSpi: 'df060abf', outboundSpi: '8725a2b7' }]);
  });

  it('SIP registrations: unregistered without a registrar, registered with it', () => {
    const lines = [{ number: '86018001', entity: '101' }];
    expect(parseSipRegistration('ios', iosSipRegisterStatus({ registrar: null, expires: 3600, lines }))).toEqual([{ line: '86018001', registered: false, expires: 0 }]);
    expect(parseSipRegistration('ios', iosSipRegisterStatus({ registrar: '10.61.0.10', expires: 3600, lines }))).toEqual([{ line: '86018001', registered: true, expires: 3600 }]);
    expect(parseSipRegistration('comware', comwareSipRegisterStatus({ registrar: null, expires: 3600, lines }))).toEqual([{ line: '86018001', registered: false, expires: null }]);
    expect(parseSipRegistration('comware', comwareSipRegisterStatus({ registrar: '10.65.0.10', expires: 1800, lines }))).toEqual([{ line: '86018001', registered: true, expires: 1800 }]);
  });

  it('interface tables of Ruijie, VRP and Comware', () => {
    const range = rangeOf('192.0.2.1', '255.255.255.0');
    const interfaces: SimulatedInterface[] = [
      { name: 'GigabitEthernet 0/1', address: range ? { address: '192.0.2.1', range } : null, shutdown: false, description: 'LAN side' },
      { name: 'GigabitEthernet 0/2', address: null, shutdown: true, description: null },
    ];
    expect(parseInterfaces('ruijie', ruijieInterfaceBrief(interfaces)).map((row) => [row.name, row.adminUp, row.operUp, row.address])).toEqual([
      ['GigabitEthernet 0/1', true, true, '192.0.2.1/24'],
      ['GigabitEthernet 0/2', false, false, null],
    ]);
    const compact = interfaces.map((entry) => ({ ...entry, name: entry.name.replace(' ', '1/') }));
    expect(parseInterfaces('vrp', vrpInterfaceBrief(compact)).map((row) => [row.name, row.adminUp, row.operUp])).toEqual([
      ['GigabitEthernet1/0/1', true, true],
      ['GigabitEthernet1/0/2', false, false],
    ]);
    expect(parseInterfaces('comware', comwareInterfaceBrief(compact)).map((row) => [row.name, row.adminUp, row.operUp, row.address, row.description])).toEqual([
      ['GE1/0/1', true, true, '192.0.2.1', 'LAN side'],
      ['GE1/0/2', false, false, null, null],
    ]);
  });

  it.each([
    ['ios', ['ping', '10.0.0.10', 'source', '10.61.8.1', 'repeat', '10'], { target: '10.0.0.10', source: '10.61.8.1', count: 10 }],
    ['ruijie', ['ping', '10.0.0.10', 'source', '10.63.8.1', 'ntimes', '3'], { target: '10.0.0.10', source: '10.63.8.1', count: 3 }],
    ['vrp', ['ping', '-c', '4', '-a', '10.64.8.1', '10.0.0.10'], { target: '10.0.0.10', source: '10.64.8.1', count: 4 }],
    ['comware', ['ping', '-c', '5', '10.0.0.10'], { target: '10.0.0.10', count: 5 }],
    ['junos', ['ping', '10.0.0.10', 'count', '7', 'rapid', 'source', '10.9.9.9'], { target: '10.0.0.10', source: '10.9.9.9', count: 7, rapid: true }],
    ['maipu', ['ping', '10.0.0.10'], { target: '10.0.0.10', count: 5 }],
  ] as const)('%s ping options %j', (dialect, words, expected) => {
    expect(pingRequest(dialect, words)).toEqual({ rapid: false, ...expected });
  });

  it.each(['ios', 'maipu', 'ruijie', 'vrp', 'comware', 'junos'] as const)('%s ping summaries, answered and lost', (dialect) => {
    for (const rapid of [false, true]) {
      expect(parsePing(dialect, renderPing(dialect, { target: '192.0.2.2', source: '192.0.2.1', sent: 5, received: 5 }, rapid))).toMatchObject({ sent: 5, received: 5, lossPercent: 0 });
      expect(parsePing(dialect, renderPing(dialect, { target: '192.0.2.2', source: null, sent: 3, received: 0 }, rapid))).toMatchObject({ sent: 3, received: 0, lossPercent: 100, rttAvgMs: null });
    }
  });
});
