import { parseFrrInterfaces, parseInterfaces, type InterfaceState } from '../parsers';
import { checkCommands, commandTakes, renderCheckCommand, type CommandPlatform } from './commands';
import type { CheckParams, Measured } from './model';
import { dialectOf, list, output, type DeviceCheckPlan } from './planParts';

type Row = InterfaceState | undefined;

function state(value: boolean | null | undefined): string {
  return value === true ? 'up' : value === false ? 'down' : 'unknown';
}

/** `up` when every chosen interface is up, `missing` when one is absent, else the first other state. */
function every(rows: readonly Row[], pick: (row: InterfaceState) => boolean | null): string {
  if (rows.some((row) => row === undefined)) return 'missing';
  const values = rows.map((row) => (row ? pick(row) : null));
  return values.every((value) => value === true) ? 'up' : state(values.find((value) => value !== true));
}

/**
 * The `interfaces` check: `interface` names the interfaces (comma-separated; none means every
 * interface the device lists). Where the platform's command shows one interface (FRR, see
 * commands.ts) it is sent once per name; otherwise the summary table is read once.
 *
 * Measures `interfaces` (the names), `missing` (those the device does not know), `up` (per name:
 * administratively up and its protocol or link up), `status` (administrative) and `protocol`:
 * each `up`, `down`, `unknown` (the output does not say) or `missing`.
 */
export function planInterfaces(platform: CommandPlatform, params: CheckParams): DeviceCheckPlan {
  const dialect = dialectOf(platform);
  const names = list(params, 'interface');
  const perName = commandTakes(platform, 'interfaces', 'interface') && names.length > 0;
  const commands = (perName ? names : [undefined]).map((name) => ({ command: renderCheckCommand(platform, 'interfaces', { interface: name }) }));
  const parse = (text: string): InterfaceState[] => (checkCommands[platform].interfaces?.parser === 'parseFrrInterfaces' ? parseFrrInterfaces(text) : parseInterfaces(dialect, text));
  return {
    commands,
    measure: (outputs): Measured => {
      const rows = commands.flatMap((_command, index) => parse(output(outputs, index)));
      const chosen = names.length > 0 ? names : rows.map((row) => row.name);
      const found = chosen.map((name) => rows.find((row) => row.name.toLowerCase() === name.toLowerCase()));
      return {
        interfaces: chosen,
        missing: chosen.filter((_name, index) => found[index] === undefined),
        up: found.map((row) => row?.adminUp === true && row.operUp === true),
        status: every(found, (row) => row.adminUp),
        protocol: every(found, (row) => row.operUp),
      };
    },
  };
}
