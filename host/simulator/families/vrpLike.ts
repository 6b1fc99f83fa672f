import { CommandTable, splitWords, wordColumn, type CommandMatch } from '../commandTable';
import { observeConfiguration } from '../features/runtime';
import { readTextBlock, vrpHeader } from './textBlock';
import type { Hierarchy } from '../hierarchy';
import { FILTER_KEYWORDS, applyFilters, splitPipe } from '../outputFilter';
import type { CliBehaviour, CommandHandler, ConnectionState, Reply, SimulatedDevice } from '../types';

export interface VrpLikeSpec {
  hierarchy: Hierarchy;
  defaultHostname: string;
  errors: {
    /** Lines after the caret line, e.g. `Error: Unrecognized command found at '^' position.` */
    invalid: string;
    incomplete: string;
    ambiguous: string;
  };
  /** Printed after `system-view`. */
  systemViewBanner: string;
  /** Commands of the user view `<R1>`. */
  userView: Readonly<Record<string, CommandHandler>>;
  /** Commands that work in every view (`display …`, `save`): VRP and Comware accept them in system views too. */
  anyView: Readonly<Record<string, CommandHandler>>;
}

/**
 * The VRP family (Huawei VRP, H3C Comware): user view `<R1>` → `system-view` → `[R1]`, sub-views
 * `[R1-GigabitEthernet0/0/1]`; `quit` leaves one level (and logs out of the user view), `return`
 * goes back to the user view from anywhere.
 */
export function createVrpLikeBehaviour(spec: VrpLikeSpec): CliBehaviour {
  const userHandlers: Record<string, CommandHandler> = {
    quit: () => ({ output: '', logout: true }),
    'system-view': ({ connection }) => {
      connection.level = 'config';
      connection.sections = [];
      return { output: spec.systemViewBanner };
    },
    ...spec.anyView,
    ...spec.userView,
  };
  const userTable = new CommandTable(Object.keys(userHandlers));
  const anyViewTable = new CommandTable(Object.keys(spec.anyView));

  const prompt = (device: SimulatedDevice, connection: ConnectionState): string => {
    if (connection.level !== 'config') return `<${device.hostname}>`;
    const label = connection.sections.at(-1)?.label;
    return label === undefined ? `[${device.hostname}]` : `[${device.hostname}-${label}]`;
  };

  const error = (match: Exclude<CommandMatch, { kind: 'match' }>, line: string, promptText: string): Reply => {
    const column = match.kind === 'incomplete' ? line.trimEnd().length + 1 : wordColumn(line, match.wordIndex);
    const text = match.kind === 'incomplete' ? spec.errors.incomplete : match.kind === 'ambiguous' ? spec.errors.ambiguous : spec.errors.invalid;
    return { output: `${' '.repeat(promptText.length + column)}^\n${text}\n` };
  };

  type Rejection = Exclude<CommandMatch, { kind: 'match' }>;
  const run = (table: CommandTable, handlers: Readonly<Record<string, CommandHandler>>, device: SimulatedDevice, connection: ConnectionState, line: string, promptText: string): Reply | Rejection => {
    const { command, filters } = splitPipe(line);
    const match = table.match(splitWords(command));
    if (match.kind !== 'match') return match;
    const handler = handlers[match.shape.source];
    const result = handler ? handler({ device, connection, words: match.words }) : '';
    const reply: Reply = typeof result === 'string' ? { output: result, paged: true } : result;
    if (filters.length === 0) return reply;
    const filtered = applyFilters(reply.output, filters, FILTER_KEYWORDS.vrpLike);
    if (filtered === null) return error({ kind: 'invalid', wordIndex: splitWords(command).length + 1 }, line, promptText);
    return { ...reply, output: filtered };
  };

  const configure = (device: SimulatedDevice, connection: ConnectionState, line: string, promptText: string): Reply => {
    const words = splitWords(line);
    const only = words.length === 1 ? (words[0]?.toLowerCase() ?? '') : '';
    if (only === 'return') {
      connection.level = 'privileged';
      connection.sections = [];
      return { output: '' };
    }
    if (only === 'quit') {
      if (connection.sections.length === 0) connection.level = 'privileged';
      else connection.sections.pop();
      return { output: '' };
    }
    const anyView = run(anyViewTable, spec.anyView, device, connection, line, promptText);
    if (!isRejection(anyView)) return anyView;
    const block = readTextBlock(device.running, line, vrpHeader);
    if (block) {
      connection.sections = [];
      return block;
    }
    const outcome = spec.hierarchy.apply(device.running, connection, line);
    if (outcome.kind === 'rejected') return error(outcome.match, line, promptText);
    const sysname = /^sysname (\S+)$/.exec(outcome.line);
    if (outcome.line === 'sysname' || sysname) device.hostname = outcome.negated ? spec.defaultHostname : (sysname?.[1] ?? device.hostname);
    observeConfiguration(device);
    return { output: '' };
  };

  return {
    initialLevel: 'privileged',
    prompt,
    execute(device, connection, line) {
      if (line.trim() === '') return { output: '' };
      const promptText = prompt(device, connection);
      if (connection.level === 'config') return configure(device, connection, line, promptText);
      const reply = run(userTable, userHandlers, device, connection, line, promptText);
      return isRejection(reply) ? error(reply, line, promptText) : reply;
    },
  };
}

function isRejection(value: Reply | CommandMatch): value is Exclude<CommandMatch, { kind: 'match' }> {
  return 'kind' in value;
}
