import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { profileCheckSpecs } from '../../shared/checks';
import { validateProfileDefinition } from '../../shared/profiles';
import { profileDocument } from '../../shared/profiles/testProfile';
import { loadVtyshSession } from '../channel/testing/recordedSession';
import type { ScriptStep } from '../channel/testing/scriptedTransport';
import { DeviceSession } from '../session';
import { frrPagingOff, openRig, reply, type SessionRig } from '../session/testing/sessionRig';
import type { CheckLine } from './deviceLine';
import { systemProbes } from './laptopProbes';
import { runChecks } from './runChecks';

// Profiles may declare every kind the runner knows: device checks (route, interfaces...) and
// laptop probes (tcp, host-ping, dns). These go from a validated profile to results.
const PASSWORD = 'Canary-Login-6161';
const FRR_ETH1 = readFileSync(new URL('../../test/fixtures/interfaces/ios-frr-8.4.4-show-interface-eth1.txt', import.meta.url), 'utf8').split('\n# ---\n')[1] ?? '';

let rig: SessionRig | undefined;
let server: Server | undefined;
afterEach(async () => {
  rig?.dispose();
  rig = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function frrLine(steps: ScriptStep[]): Promise<CheckLine> {
  const recorded = loadVtyshSession(PASSWORD);
  const login = recorded.steps.slice(0, 2).map((step) => ({ input: `${step.input}\n`, reply: step.reply }));
  rig = await openRig({ greeting: recorded.greeting, steps: [...login, ...frrPagingOff('r1# '), ...steps] });
  const session = await DeviceSession.login(rig.channel, rig.dialect, { username: 'admin', password: PASSWORD }, { loginTimeoutMs: 5000, commandTimeoutMs: 5000 });
  return { session, channel: rig.channel };
}

async function listeningPort(): Promise<number> {
  server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const title = { 'zh-CN': '检查', en: 'Check' };

describe('checks declared by a profile', () => {
  it('runs route, interfaces, tcp, host-ping and dns checks from a validated profile, judging warnRule too', async () => {
    const port = await listeningPort();
    const validation = validateProfileDefinition(
      profileDocument({
        parameters: [
          { name: 'hostname', type: 'hostname', label: title },
          { name: 'hub_address', type: 'ipv4', label: title },
          { name: 'wan_interface', type: 'interface', label: title },
        ],
        checks: [
          { id: 'hub-route', kind: 'route', title, params: { address: '{{ hub_address }}' }, rule: 'found && protocol == bgp', warnRule: 'found' },
          { id: 'wan-up', kind: 'interfaces', title, params: { interface: '{{ wan_interface }},eth9' }, rule: 'all(up)' },
          { id: 'hub-service', kind: 'tcp', title, params: { target: `{{ hub_address }}:${port}` }, rule: 'connected' },
          { id: 'hub-from-laptop', kind: 'host-ping', title, params: { target: '{{ hub_address }}', count: 1 }, rule: 'loss == 0' },
          { id: 'loopback-name', kind: 'dns', title, params: { name: 'localhost' }, rule: 'resolved' },
        ],
      }),
    );
    if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
    const rendered = profileCheckSpecs(validation.profile, 'ios', { hostname: 'r1', hub_address: '127.0.0.1', wan_interface: 'eth1' });
    if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
    const line = await frrLine([
      reply('show ip route 127.0.0.1', ['Routing entry for 127.0.0.0/8', '  Known via "kernel", distance 0, metric 0, best', '  * directly connected, lo'], 'r1# '),
      reply('show interface eth1', FRR_ETH1.trimEnd().split('\n'), 'r1# '),
      reply('show interface eth9', ["% Can't find interface eth9"], 'r1# '),
    ]);
    const results = await runChecks(rendered.checks, { laptop: systemProbes, device: { line, platform: 'frr', commandTimeoutMs: 5000 } });
    expect(results.map((result) => [result.id, result.status])).toEqual([
      ['test-profile.hub-route', 'warn'],
      ['test-profile.wan-up', 'fail'],
      ['test-profile.hub-service', 'pass'],
      ['test-profile.hub-from-laptop', 'pass'],
      ['test-profile.loopback-name', 'pass'],
    ]);
    expect(results[0]).toMatchObject({ command: 'show ip route 127.0.0.1', measured: { found: true, protocol: 'kernel' } });
    expect(results[1]).toMatchObject({ command: 'show interface eth1\nshow interface eth9', measured: { missing: ['eth9'], up: [true, false] } });
    expect(results[1]?.output).toMatch(/Interface eth1 is up, line protocol is up[\s\S]*% Can't find interface eth9/);
    expect(results[2]?.command).toBe(`tcp connect 127.0.0.1:${port}`);
    expect(rig?.transport.unexpected).toEqual([]);
  });
});
