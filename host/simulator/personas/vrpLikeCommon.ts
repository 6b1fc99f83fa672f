import { addPorts, cloneTree, parseIndented, renderLines } from '../configTree';
import type { CommandContext, CommandHandler, SimulatedDevice } from '../types';
import { renderVrpLikeConfig } from '../families/vrpLikeTables';
import { createRuntime } from '../features/runtime';

/** A VRP-family device from its base configuration (top-level lines unindented, `#` separators). */
export function createVrpLikeDevice(dialect: 'vrp' | 'comware', baseConfig: string, hostname: string, ports: readonly string[] = []): SimulatedDevice {
  const running = parseIndented(baseConfig, /^#/);
  addPorts(running, ports, []);
  // Comware lists `version` first, then `sysname`; VRP starts with `sysname`.
  const after = running.children.findIndex((node) => node.line.startsWith('version '));
  running.children.splice(after + 1, 0, { line: `sysname ${hostname}`, children: [] });
  return { hostname, running, startup: cloneTree(running), candidate: null, runtime: createRuntime(dialect) };
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

/** Display commands with nothing to show on a fresh simulated box (no SAs, no peers). */
export function quietDisplays(shapes: readonly string[]): Record<string, CommandHandler> {
  return Object.fromEntries(shapes.map((shape) => [shape, () => '']));
}
