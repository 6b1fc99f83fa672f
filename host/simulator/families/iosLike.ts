import { CommandTable, splitWords, wordColumn, type CommandMatch } from '../commandTable';
import { observeConfiguration } from '../features/runtime';
import { iosBanner, readTextBlock } from './textBlock';
import type { Hierarchy } from '../hierarchy';
import { FILTER_KEYWORDS, applyFilters, splitPipe } from '../outputFilter';
import type { CliBehaviour, CommandHandler, ConnectionState, Question, Reply, SimulatedDevice } from '../types';

/** Enable secrets tried before the device gives up (IOS: three, then `% Bad secrets`). */
const ENABLE_ATTEMPTS = 3;

export interface IosLikeSpec {
  hierarchy: Hierarchy;
  /** The host name a `no hostname` falls back to. */
  defaultHostname: string;
  errors: {
    /** The line after the caret, e.g. `% Invalid input detected at '^' marker.` */
    invalid: string;
    incomplete: string;
    ambiguous(typed: string): string;
  };
  /** Printed after `configure terminal`. */
  configureBanner: string;
  enableFailure: string;
  /** Exec commands by shape (see commandTable.ts); user-level ones also work in privileged mode. */
  user: Readonly<Record<string, CommandHandler>>;
  privileged: Readonly<Record<string, CommandHandler>>;
  /** Output of configuration lines that print something (`crypto key generate rsa`). */
  configOutput?(line: string, device: SimulatedDevice): string | undefined;
}

/**
 * The IOS family (Cisco IOS, Maipu MyPower, Ruijie RGOS): `R1>` → `enable` → `R1#` →
 * `configure terminal` → `R1(config)#`, sub-modes `R1(config-if)#`, `exit` one level, `end` out.
 */
export function createIosLikeBehaviour(spec: IosLikeSpec): CliBehaviour {
  const builtIns: Record<string, CommandHandler> = {
    exit: () => ({ output: '', logout: true }),
    quit: () => ({ output: '', logout: true }),
    logout: () => ({ output: '', logout: true }),
  };
  const userHandlers: Record<string, CommandHandler> = { ...builtIns, enable: ({ connection }) => enable(spec, connection), ...spec.user };
  const privilegedHandlers: Record<string, CommandHandler> = {
    ...userHandlers,
    enable: () => '',
    disable: ({ connection }) => {
      connection.level = 'user';
      return '';
    },
    'configure terminal': ({ connection }) => {
      connection.level = 'config';
      connection.sections = [];
      return { output: spec.configureBanner };
    },
    ...spec.privileged,
  };
  const userTable = new CommandTable(Object.keys(userHandlers));
  const privilegedTable = new CommandTable(Object.keys(privilegedHandlers));

  const prompt = (device: SimulatedDevice, connection: ConnectionState): string => {
    if (connection.level === 'user') return `${device.hostname}>`;
    if (connection.level === 'privileged') return `${device.hostname}#`;
    return `${device.hostname}(${connection.sections.at(-1)?.label ?? 'config'})#`;
  };

  const error = (match: Exclude<CommandMatch, { kind: 'match' }>, line: string, promptText: string): Reply => {
    if (match.kind === 'incomplete') return { output: `${spec.errors.incomplete}\n` };
    if (match.kind === 'ambiguous') return { output: `${spec.errors.ambiguous(splitWords(line)[match.wordIndex] ?? line.trim())}\n` };
    return { output: `${' '.repeat(promptText.length + wordColumn(line, match.wordIndex))}^\n${spec.errors.invalid}\n` };
  };

  const exec = (device: SimulatedDevice, connection: ConnectionState, line: string, level: 'user' | 'privileged', promptText: string): Reply => {
    const { command, filters } = splitPipe(line);
    const table = level === 'user' ? userTable : privilegedTable;
    const handlers = level === 'user' ? userHandlers : privilegedHandlers;
    const match = table.match(splitWords(command));
    if (match.kind !== 'match') return error(match, line, promptText);
    const handler = handlers[match.shape.source];
    const result = handler ? handler({ device, connection, words: match.words }) : '';
    const reply: Reply = typeof result === 'string' ? { output: result, paged: true } : result;
    if (filters.length === 0) return reply;
    const filtered = applyFilters(reply.output, filters, FILTER_KEYWORDS.iosLike);
    if (filtered === null) return error({ kind: 'invalid', wordIndex: splitWords(command).length + 1 }, line, promptText);
    return { ...reply, output: filtered };
  };

  const configure = (device: SimulatedDevice, connection: ConnectionState, line: string, promptText: string): Reply => {
    const words = splitWords(line);
    const first = words[0]?.toLowerCase() ?? '';
    if (first === 'end' && words.length === 1) {
      connection.level = 'privileged';
      connection.sections = [];
      return { output: '' };
    }
    if (first === 'exit' && words.length === 1) {
      if (connection.sections.length === 0) connection.level = 'privileged';
      else connection.sections.pop();
      return { output: '' };
    }
    if (first === 'do' && words.length > 1) {
      const reply = exec(device, connection, line.trim().slice(first.length).trim(), 'privileged', promptText);
      return { ...reply, logout: false };
    }
    const block = readTextBlock(device.running, line, iosBanner);
    if (block) {
      connection.sections = [];
      return block;
    }
    const outcome = spec.hierarchy.apply(device.running, connection, line);
    if (outcome.kind === 'rejected') return error(outcome.match, line, promptText);
    const hostname = /^hostname (\S+)$/.exec(outcome.line);
    if (outcome.line === 'hostname' || hostname) device.hostname = outcome.negated ? spec.defaultHostname : (hostname?.[1] ?? device.hostname);
    observeConfiguration(device);
    return { output: spec.configOutput?.(outcome.line, device) ?? '' };
  };

  return {
    initialLevel: 'user',
    prompt,
    execute(device, connection, line) {
      if (line.trim() === '') return { output: '' };
      const promptText = prompt(device, connection);
      if (connection.level === 'config') return configure(device, connection, line, promptText);
      return exec(device, connection, line, connection.level, promptText);
    },
  };
}

function enable(spec: IosLikeSpec, connection: ConnectionState): Reply {
  if (connection.enableSecret === undefined) {
    connection.level = 'privileged';
    return { output: '' };
  }
  const ask = (attempt: number): Question => ({
    prompt: 'Password: ',
    hidden: true,
    answer: (typed) => {
      if (typed === connection.enableSecret) {
        connection.level = 'privileged';
        return { output: '' };
      }
      if (attempt + 1 >= ENABLE_ATTEMPTS) return { output: `${spec.enableFailure}\n` };
      return { output: '', question: ask(attempt + 1) };
    },
  });
  return { output: '', question: ask(0) };
}
