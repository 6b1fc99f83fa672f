import { cloneTree, parseIndented, renderLines } from '../configTree';
import type { CommandContext, CommandHandler, SimulatedDevice } from '../types';
import { renderVrpLikeConfig } from '../families/vrpLikeTables';

/** A VRP-family device from its base configuration (top-level lines unindented, `#` separators). */
export function createVrpLikeDevice(baseConfig: string, hostname: string): SimulatedDevice {
  const running = parseIndented(baseConfig, /^#/);
  // Comware lists `version` first, then `sysname`; VRP starts with `sysname`.
  const after = running.children.findIndex((node) => node.line.startsWith('version '));
  running.children.splice(after + 1, 0, { line: `sysname ${hostname}`, children: [] });
  return { hostname, running, startup: cloneTree(running), candidate: null };
}

/** `display current-configuration` / `display saved-configuration`, headed by the software version line. */
export function configurationHandler(versionLine: string, which: 'running' | 'startup'): CommandHandler {
  return ({ device }) => [...(versionLine === '' ? [] : [versionLine]), ...renderVrpLikeConfig(device[which]), ''].join('\n');
}

/** `display this`: the current view's part of the configuration. */
export const displayThis: CommandHandler = ({ device, connection }: CommandContext) => {
  const section = connection.sections.at(-1)?.node;
  const lines = section ? ['#', section.line, ...renderLines(section, ' ', 1), '#', 'return'] : renderVrpLikeConfig(device.running);
  return lines.join('\n') + '\n';
};

/** VRP/Comware ping: five replies (the simulated network is always up); `ping -a SRC DST` pings the last word. */
export const vrpPing: CommandHandler = ({ words }) => {
  const target = words[words.length - 1] ?? '';
  const replies = [1, 2, 3, 4, 5].map((sequence) => `    Reply from ${target}: bytes=56 Sequence=${sequence} ttl=255 time=1 ms`);
  return [
    `  PING ${target}: 56  data bytes, press CTRL_C to break`,
    ...replies,
    '',
    `  --- ${target} ping statistics ---`,
    '    5 packet(s) transmitted',
    '    5 packet(s) received',
    '    0.00% packet loss',
    '    round-trip min/avg/max = 1/1/1 ms',
    '',
  ].join('\n');
};

/** `display ip interface brief` from the interfaces of the running configuration. */
export const displayInterfaceBrief: CommandHandler = ({ device }) => {
  const rows = ['Interface                         IP Address/Mask      Physical   Protocol  '];
  for (const node of device.running.children) {
    const name = /^interface (\S+)$/.exec(node.line)?.[1];
    if (name === undefined) continue;
    const address = node.children.map((child) => /^ip address (\S+) (\S+)/.exec(child.line)).find((match) => match !== null);
    const down = node.children.some((child) => child.line === 'shutdown');
    const shown = address ? `${address[1]}/${prefixLength(address[2] ?? '')}` : 'unassigned';
    rows.push(`${name.padEnd(34)}${shown.padEnd(21)}${(down ? '*down' : 'up').padEnd(11)}${down ? 'down' : 'up'}`);
  }
  return rows.join('\n') + '\n';
};

function prefixLength(mask: string): number {
  if (/^\d+$/.test(mask)) return Number(mask);
  return mask.split('.').reduce((bits, octet) => bits + (Number(octet) >>> 0).toString(2).replace(/0/g, '').length, 0);
}

/** Display commands with nothing to show on a fresh simulated box (no SAs, no peers). */
export function quietDisplays(shapes: readonly string[]): Record<string, CommandHandler> {
  return Object.fromEntries(shapes.map((shape) => [shape, () => '']));
}
