import { createRoot, setLeaf } from '../configTree';
import { versionHandler } from '../families/commonCommands';
import { junosCheckHandlers } from '../features/checkHandlers';
import { createRuntime } from '../features/runtime';
import { createJunosBehaviour } from '../families/junos';
import type { CommandHandler, Persona, SimulatedDevice } from '../types';
import { versionOutputs } from './versionOutputs';

/**
 * Juniper Junos 13.3 (an MX240 node, test/fixtures/version/junos-mx240.txt; its trailing
 * `{master:0}` line belongs to the chassis prompt and is left out). Keywords from DOMAIN.md §2.6/§3.3.
 */
const BASE_STATEMENTS = [
  'version 13.3R1.4',
  'system services ssh protocol-version v2',
  'system syslog file messages any notice',
  'interfaces ge-0/0/0 unit 0 family inet',
  'interfaces ge-0/0/1 unit 0 family inet',
  'interfaces fxp0 unit 0 family inet',
];

function createDevice(hostname: string): SimulatedDevice {
  const running = createRoot();
  running.children.push({ line: BASE_STATEMENTS[0] ?? '', children: [] });
  setLeaf(running, `system host-name ${hostname}`);
  for (const statement of BASE_STATEMENTS.slice(1)) setLeaf(running, statement);
  const startup = createRoot();
  startup.children = running.children.map((child) => ({ line: child.line, children: [] }));
  return { hostname, running, startup, candidate: null, runtime: createRuntime('junos') };
}

const interfacesTerse: CommandHandler = ({ device }) => {
  const rows = ['Interface               Admin Link Proto    Local                 Remote'];
  const names = new Set(device.running.children.map((child) => /^interfaces (\S+)/.exec(child.line)?.[1]).filter((name) => name !== undefined));
  for (const name of names) {
    const address = device.running.children.map((child) => new RegExp(`^interfaces ${name} unit 0 family inet address (\\S+)`).exec(child.line)?.[1]).find((value) => value !== undefined);
    rows.push(`${name.padEnd(24)}up    up`, `${`${name}.0`.padEnd(24)}up    up   inet     ${address ?? ''}`);
  }
  return rows.join('\n') + '\n';
};

const quiet = (shapes: readonly string[]): Record<string, CommandHandler> => Object.fromEntries(shapes.map((shape) => [shape, () => '']));

export const junos: Persona = {
  dialect: 'junos',
  defaultHostname: 'Amnesiac',
  defaultUsername: 'admin',
  login: { banner: '\n\n', usernamePrompt: 'login: ', passwordPrompt: 'Password:', failure: 'Login incorrect\n', welcome: '\n--- JUNOS 13.3R1.4 built 2014-01-14 06:44:06 UTC\n' },
  consoleWakeUp: () => null,
  pager: { prompt: '---(more)---', eraser: `\r${' '.repeat(12)}\r` },
  defaultPageLength: 24,
  createDevice,
  behaviour: createJunosBehaviour({
    defaultHostname: 'Amnesiac',
    hierarchy: [
      'system *', 'interfaces *', 'security *', 'snmp *', 'protocols *', 'routing-options *', 'firewall *', 'policy-options *',
      'routing-instances *', 'vlans *', 'chassis *', 'services *', 'class-of-service *', 'groups *', 'apply-groups *',
    ],
    operational: {
      ...quiet([
        'show bgp summary', 'show ospf neighbor ...', 'show ntp associations ...', 'show route ...', 'show ldp session ...', 'show mpls lsp ...', 'show system alarms',
        'show chassis alarms', 'show log *', 'clear *',
      ]),
      'show version': versionHandler(versionOutputs.junos),
      'show interfaces terse ...': interfacesTerse,
      'show system uptime': () => 'Current time: 2025-03-03 10:21:07 UTC\nSystem booted: 2025-02-20 08:00:00 UTC (1w6d 02:21 ago)\n',
      ...junosCheckHandlers(),
    },
  }),
};
