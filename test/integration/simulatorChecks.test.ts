import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DialectId } from '../../shared/contract';
import { renderCheckCommand } from '../../shared/checks';
import { getCompiledDialect } from '../../shared/dialects';
import { parseIkeSa, parseInterfaces, parseIpsecSa, parseNtpStatus, parsePing, parseSipRegistration, savedMatchesRunning } from '../../shared/parsers';
import { renderProfile } from '../../shared/profiles';
import { createSecretMasker } from '../../shared/secrets';
import { Channel } from '../../host/channel';
import { DEFAULT_PROFILES_DIRECTORY, findProfile, importSiteSheet, loadProfileLibrary } from '../../host/profiles';
import { createSessionLine, saveConfiguration } from '../../host/provision';
import { DeviceSession } from '../../host/session';
import { startSimulator, type SimulatorOptions } from '../../host/simulator';
import { createTelnetTransport } from '../../host/transports/telnet';

// Each check command of shared/checks/commands.ts, sent over Telnet to a simulated device with
// the real client stack and read by the real parser: first on the fresh device, then after the
// profile's own rendered lines (profiles/examples/<id>.csv values) were typed in config mode.

/** The command kinds of shared/checks/commands.ts (not the profile check kinds of shared/checks/model.ts). */
type CheckKind = Parameters<typeof renderCheckCommand>[1];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const library = await loadProfileLibrary();

interface Device {
  dialect: DialectId;
  session: DeviceSession;
  /** Runs the check command of `kind` as `renderCheckCommand` builds it; returns its output. */
  check(kind: CheckKind, values?: Record<string, string | number>): Promise<string>;
  /** Types `lines` in configuration mode (Junos: and commits), then leaves it; every line must be accepted. */
  configure(lines: readonly string[]): Promise<void>;
  save(): Promise<boolean>;
  /** Masks `secret` in everything read from now on, as the apply engine does with a profile's secrets. */
  addSecret(secret: string): void;
  /** Everything the device sent. */
  received(): string;
}

async function start(dialect: DialectId, options: Partial<SimulatorOptions> = {}): Promise<Device> {
  const simulator = await startSimulator({ dialect, hostname: 'SIM1', ntpSyncDelayMs: 0, ...options });
  cleanups.push(() => simulator.stop());
  const transport = createTelnetTransport({ host: '127.0.0.1', port: simulator.port, connectTimeoutMs: 5000 });
  const compiled = getCompiledDialect(dialect);
  const masker = createSecretMasker();
  const channel = new Channel(transport, { lineEnding: compiled.definition.lineEnding ?? '\n', charset: 'utf-8', pagers: compiled.pagers, masker });
  let received = '';
  const tap = channel.onText((text) => {
    received += text;
  });
  cleanups.push(async () => {
    tap.dispose();
    channel.dispose();
    await transport.close();
  });
  await transport.open();
  const session = await DeviceSession.login(channel, compiled, {}, { loginTimeoutMs: 15_000, commandTimeoutMs: 10_000 });
  const line = createSessionLine(session, channel, { commandTimeoutMs: 10_000, mask: (text) => masker.mask(text) });
  return {
    dialect,
    session,
    received: () => received,
    check: async (kind, values = {}) => {
      await session.leaveConfig();
      const result = await session.run(renderCheckCommand(dialect, kind, values));
      expect(result.failed, result.output).toBe(false);
      return result.output;
    },
    configure: async (lines) => {
      await session.enterMode('config');
      for (const text of lines) {
        const result = await session.run(text);
        expect(result.failed, `${text}\n${result.output}`).toBe(false);
      }
      if (dialect === 'junos') expect((await session.run('commit')).output).toContain('commit complete');
      await session.leaveConfig();
    },
    save: async () => (await saveConfiguration(line)).saved,
    addSecret: (secret) => masker.add(secret),
  };
}

/** The example row of `id` for `dialect`, with made-up secrets (site sheets hold none). */
async function exampleValues(id: string, dialect: DialectId): Promise<Record<string, string>> {
  const sheet = await importSiteSheet(join(DEFAULT_PROFILES_DIRECTORY, 'examples', `${id}.csv`));
  if (!sheet.ok) throw new Error(`${id}.csv: ${sheet.problems.map((problem) => problem.message.en).join('; ')}`);
  const row = Object.values(sheet.sites).find((values) => values['dialect'] === dialect);
  if (!row) throw new Error(`${id}.csv has no ${dialect} row`);
  const { dialect: _dialect, ...values } = row;
  const profile = findProfile(library, id);
  for (const declaration of profile?.parameters ?? []) {
    const unpaired = declaration.name === 'sip_password_2' && values['extension_2'] === undefined;
    if (declaration.type === 'secret' && !unpaired) values[declaration.name] = `Fk${randomBytes(5).toString('hex')}`;
  }
  return values;
}

async function profileLines(id: string, dialect: DialectId, values: Record<string, string>): Promise<string[]> {
  const profile = findProfile(library, id);
  if (!profile) throw new Error(`profile ${id} is missing`);
  const rendered = renderProfile(profile, dialect, values);
  if (!rendered.ok) throw new Error(`${id} for ${dialect}: ${rendered.problems.map((problem) => problem.message.en).join('; ')}`);
  return rendered.lines;
}

/** The SAs towards `peer`; a device with no SA at all prints nothing, which reads as none. */
function ipsecTowards(dialect: DialectId, output: string, peer: string): ReturnType<typeof parseIpsecSa> {
  return parseIpsecSa(dialect, output).filter((sa) => sa.peer === peer);
}

const ALL: DialectId[] = ['ios', 'maipu', 'ruijie', 'vrp', 'comware', 'junos'];

describe.each(ALL)('%s NTP check', (dialect) => {
  it('is unsynchronised until base-system configures a server, then synchronised to it', async () => {
    const device = await start(dialect);
    expect(parseNtpStatus(dialect, await device.check('ntp')).synchronized).toBe(false);
    const values = await exampleValues('base-system', dialect);
    await device.configure(await profileLines('base-system', dialect, values));
    expect(parseNtpStatus(dialect, await device.check('ntp'))).toEqual({ synchronized: true, stratum: 3, reference: values['ntp_server'] });
  });

  it('stays unsynchronised while the configured sync delay has not passed', async () => {
    const device = await start(dialect, { ntpSyncDelayMs: 3_600_000 });
    await device.configure(await profileLines('base-system', dialect, await exampleValues('base-system', dialect)));
    expect(parseNtpStatus(dialect, await device.check('ntp')).synchronized).toBe(false);
  });
});

const POLICY_VPN: DialectId[] = ['ios', 'maipu', 'ruijie', 'vrp', 'comware'];

describe.each(POLICY_VPN)('%s VPN checks with ipsec-policy-hub', (dialect) => {
  it('has no SA until the policy is bound to the WAN interface, then SAs whose counters grow with a ping through the tunnel', async () => {
    const device = await start(dialect);
    const values = await exampleValues('ipsec-policy-hub', dialect);
    const hub = values['hub_address'] ?? '';
    const secret = values['ipsec_psk'] ?? '';
    device.addSecret(secret);
    const ping = async (): Promise<string> => {
      const command = { address: values['probe_target'] ?? '', source: values['lan_address'] ?? '', count: 5 };
      // Maipu's check template has no source option (unverified there); the simulator takes IOS's.
      if (dialect !== 'maipu') return device.check('ping', command);
      const result = await device.session.run(`${renderCheckCommand(dialect, 'ping', command)} source ${command.source}`);
      return result.output;
    };

    expect(parseIkeSa(dialect, await device.check('ike')).filter((sa) => sa.established)).toEqual([]);
    expect(ipsecTowards(dialect, await device.check('ipsec'), hub)).toEqual([]);

    const lines = await profileLines('ipsec-policy-hub', dialect, values);
    // Everything but the binding on the WAN interface (the last two lines): still no SA.
    await device.configure(lines.slice(0, -2));
    expect(parseIkeSa(dialect, await device.check('ike')).filter((sa) => sa.established)).toEqual([]);
    expect(ipsecTowards(dialect, await device.check('ipsec'), hub)).toEqual([]);
    expect(parsePing(dialect, await ping()).received).toBe(0);

    await device.configure(lines.slice(-2));
    const ike = parseIkeSa(dialect, await device.check('ike'));
    expect(ike.filter((sa) => sa.established).map((sa) => sa.peer)).toEqual([hub]);
    const [before] = ipsecTowards(dialect, await device.check('ipsec'), hub);
    expect(before?.inboundSpi).toMatch(/^[0-9a-f]+$/);
    expect(parsePing(dialect, await ping())).toMatchObject({ sent: 5, received: 5 });
    const [after] = ipsecTowards(dialect, await device.check('ipsec'), hub);
    expect(after?.encaps).toBe((before?.encaps ?? 0) + 5);
    expect(after?.decaps).toBe((before?.decaps ?? 0) + 5);
    expect(after?.outboundSpi).toBe(before?.outboundSpi);
    expect(secret).not.toBe('');
    expect(device.received()).not.toContain(secret);
  });
});

describe('ios VPN checks with ipsec-tunnel-ospf', () => {
  it('establishes the SA once the protected tunnel interface exists, and counts pings to the hub end', async () => {
    const device = await start('ios');
    const values = await exampleValues('ipsec-tunnel-ospf', 'ios');
    const hub = values['hub_address'] ?? '';
    await device.configure(await profileLines('ipsec-tunnel-ospf', 'ios', values));
    expect(parseIkeSa('ios', await device.check('ike')).filter((sa) => sa.established).map((sa) => sa.peer)).toEqual([hub]);
    const [before] = ipsecTowards('ios', await device.check('ipsec'), hub);
    expect(parsePing('ios', await device.check('ping', { address: values['hub_tunnel_address'] ?? '', count: 3 })).received).toBe(3);
    const [after] = ipsecTowards('ios', await device.check('ipsec'), hub);
    expect(after?.encaps).toBe((before?.encaps ?? 0) + 3);
  });
});

describe('junos VPN checks', () => {
  it('shows the IKE and IPSec SAs of a route-based VPN once committed, and pings through st0', async () => {
    const device = await start('junos');
    expect(parseIkeSa('junos', await device.check('ike'))).toEqual([]);
    await device.configure([
      'set interfaces ge-0/0/0 unit 0 family inet address 198.51.100.2/24',
      'set interfaces st0 unit 0 family inet',
      'set security ike policy IKE-HUB proposal-set standard',
      'set security ike gateway HUB ike-policy IKE-HUB',
      'set security ike gateway HUB address 203.0.113.1',
      'set security ike gateway HUB external-interface ge-0/0/0',
      'set security ipsec vpn VPN-HUB ike gateway HUB',
      'set security ipsec vpn VPN-HUB bind-interface st0.0',
      'set routing-options static route 10.0.0.0/8 next-hop st0.0',
    ]);
    expect(parseIkeSa('junos', await device.check('ike'))).toEqual([{ peer: '203.0.113.1', local: null, state: 'UP', established: true }]);
    expect(parseIpsecSa('junos', await device.check('ipsec')).map((sa) => sa.peer)).toEqual(['203.0.113.1']);
    expect(parsePing('junos', await device.check('ping', { address: '10.0.0.10', count: 5 })).received).toBe(5);
  });
});

describe.each(['ios', 'comware'] as const)('%s SIP check with sip-fxs-gateway', (dialect) => {
  it('lists no registered line before, unregistered lines without a registrar, registered ones with it', async () => {
    const device = await start(dialect);
    expect(parseSipRegistration(dialect, await device.check('sip'))).toEqual([]);
    const values = await exampleValues('sip-fxs-gateway', dialect);
    const extensions = [values['extension_1'], values['extension_2']].filter((extension) => extension !== undefined);
    const lines = await profileLines('sip-fxs-gateway', dialect, values);
    await device.configure(lines.filter((line) => !/^\s*registrar /.test(line)));
    const unregistered = parseSipRegistration(dialect, await device.check('sip'));
    expect(unregistered.map((row) => [row.line, row.registered])).toEqual(extensions.map((extension) => [extension, false]));
    await device.configure(lines.filter((line) => /^\s*registrar /.test(line) || /^(?:sip-ua|voice-setup|\s+sip)$/.test(line)));
    const registered = parseSipRegistration(dialect, await device.check('sip'));
    expect(registered.map((row) => [row.line, row.registered, row.expires])).toEqual(extensions.map((extension) => [extension, true, 3600]));
  });
});

/** A LAN port of each persona, how it is addressed, and the command that lists interfaces (shared/checks/devicePlan.ts). */
const LAN: Record<DialectId, { lines: string[]; name: string; interfaces: string }> = {
  ios: { lines: ['interface GigabitEthernet0/1', ' ip address 192.0.2.1 255.255.255.0', ' no shutdown'], name: 'GigabitEthernet0/1', interfaces: 'show ip interface brief' },
  maipu: { lines: ['interface gigabitethernet1', ' ip address 192.0.2.1 255.255.255.0'], name: 'gigabitethernet1', interfaces: 'show ip interface brief' },
  ruijie: { lines: ['interface GigabitEthernet 0/1', ' ip address 192.0.2.1 255.255.255.0'], name: 'GigabitEthernet 0/1', interfaces: 'show ip interface brief' },
  vrp: { lines: ['interface GigabitEthernet0/0/1', ' ip address 192.0.2.1 255.255.255.0'], name: 'GigabitEthernet0/0/1', interfaces: 'display interface brief' },
  comware: { lines: ['interface GigabitEthernet1/0/2', ' ip address 192.0.2.1 255.255.255.0'], name: 'GE1/0/2', interfaces: 'display interface brief' },
  junos: { lines: ['set interfaces ge-0/0/1 unit 0 family inet address 192.0.2.1/24'], name: 'ge-0/0/1.0', interfaces: 'show interfaces terse' },
};

describe.each(ALL)('%s ping and interface checks', (dialect) => {
  it('answers pings on connected networks and the reachable set only, and lists the addressed interface up', async () => {
    const device = await start(dialect, { reachable: ['198.18.0.0/15'] });
    const ping = async (address: string) => parsePing(dialect, await device.check('ping', { address, count: 5 }));
    expect(await ping('192.0.2.2')).toMatchObject({ sent: 5, received: 0, lossPercent: 100 });
    expect(await ping('198.18.4.4')).toMatchObject({ sent: 5, received: 5, lossPercent: 0 });
    await device.configure(LAN[dialect].lines);
    expect(await ping('192.0.2.2')).toMatchObject({ sent: 5, received: 5, lossPercent: 0 });
    const listed = parseInterfaces(dialect, (await device.session.run(LAN[dialect].interfaces)).output);
    expect(listed.find((row) => row.name === LAN[dialect].name)).toMatchObject({ adminUp: true, operUp: true });
  });
});

describe.each(['ios', 'maipu', 'ruijie', 'vrp', 'comware'] as const)('%s saved-configuration check', (dialect) => {
  it('matches the running configuration when fresh, differs after a change, matches again after saving', async () => {
    const device = await start(dialect);
    const compare = async () => savedMatchesRunning(dialect, await device.check('savedConfig'), await device.check('runningConfig'));
    expect(await compare()).toEqual({ equal: true, differences: [] });
    await device.configure(LAN[dialect].lines.slice(0, 2));
    const changed = await compare();
    expect(changed.equal).toBe(false);
    expect(changed.differences.join('\n')).toContain('192.0.2.1');
    expect(await device.save()).toBe(true);
    expect(await compare()).toEqual({ equal: true, differences: [] });
  });
});
