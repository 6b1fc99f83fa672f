import { CommandTable, splitWords, wordColumn, type CommandMatch } from '../commandTable';
import { cloneTree, removeLines, setLeaf } from '../configTree';
import { FILTER_KEYWORDS, applyFilters, splitPipe } from '../outputFilter';
import type { CliBehaviour, CommandHandler, ConnectionState, Question, Reply, SimulatedDevice } from '../types';
import { observeConfiguration } from '../features/runtime';
import { compareConfigs, renderBraces, renderSetLines, replacedPrefix, sameStatements } from './junosConfig';

export interface JunosSpec {
  defaultHostname: string;
  /** Operational commands (besides `configure`, `exit`, `set cli …`). */
  operational: Readonly<Record<string, CommandHandler>>;
  /** Statements `set`/`delete` accept, as command shapes (`system *`, `interfaces *`). */
  hierarchy: readonly string[];
}

type Rejection = Exclude<CommandMatch, { kind: 'match' }>;

/**
 * Junos: operational `user@host>`, `configure` → `[edit]` + `user@host#`. Configuration is
 * two-stage: `set`/`delete` change the candidate (shared by every connection, as plain
 * `configure` is), `commit` makes it the active and saved configuration.
 */
export function createJunosBehaviour(spec: JunosSpec): CliBehaviour {
  const statements = new CommandTable(spec.hierarchy);
  const showConfiguration: CommandHandler = ({ device }) => renderBraces(device.running, ['## Last commit: 2025-03-03 10:21:07 UTC by admin']);
  const operational: Record<string, CommandHandler> = {
    exit: () => ({ output: '', logout: true }),
    quit: () => ({ output: '', logout: true }),
    'configure ...': ({ device, connection, words }) => {
      connection.level = 'config';
      connection.sections = [];
      device.candidate ??= cloneTree(device.running);
      const note = words[1] === 'private' ? 'warning: uncommitted changes will be discarded on exit\n' : '';
      return { output: `${note}Entering configuration mode` };
    },
    'set cli screen-length *': ({ connection, words }) => {
      connection.pageLength = Math.max(0, Number(words[3]) || 0);
      return { output: `Screen length set to ${connection.pageLength}` };
    },
    'set cli screen-width *': ({ words }) => ({ output: `Screen width set to ${words[3] ?? ''}` }),
    'show configuration ...': showConfiguration,
    ...spec.operational,
  };
  const operationalTable = new CommandTable(Object.keys(operational));

  const prompt = (device: SimulatedDevice, connection: ConnectionState): string => {
    const user = `${connection.username}@${device.hostname}`;
    if (connection.level !== 'config') return `${user}> `;
    const path = connection.sections.at(-1)?.label;
    return `\n[edit${path ? ` ${path}` : ''}]\n${user}# `;
  };

  const error = (match: Rejection, line: string, promptText: string, message: string): Reply => {
    const promptLine = promptText.split('\n').at(-1) ?? '';
    const column = match.kind === 'incomplete' ? line.trimEnd().length + 1 : wordColumn(line, match.wordIndex);
    return { output: `${' '.repeat(promptLine.length + column)}^\n${message}\n` };
  };

  const operate = (device: SimulatedDevice, connection: ConnectionState, line: string, promptText: string): Reply => {
    const { command, filters } = splitPipe(line);
    const match = operationalTable.match(splitWords(command));
    if (match.kind !== 'match') return error(match, line, promptText, match.kind === 'incomplete' ? 'error: command is not valid' : 'unknown command.');
    const handler = operational[match.shape.source];
    const result = handler ? handler({ device, connection, words: match.words }) : '';
    const reply: Reply = typeof result === 'string' ? { output: result, paged: true } : result;
    const displaySet = filters.some((filter) => /^display set$/.test(filter)) && match.shape.source === 'show configuration ...';
    const output = displaySet ? renderSetLines(device.running) : reply.output;
    const filtered = applyFilters(output, filters, FILTER_KEYWORDS.junos);
    if (filtered === null) return error({ kind: 'invalid', wordIndex: 0 }, line, promptText, 'syntax error.');
    const noMore = filters.some((filter) => filter.startsWith('no-more'));
    return { ...reply, output: filtered, paged: reply.paged === true && !noMore };
  };

  const commit = (device: SimulatedDevice, connection: ConnectionState, words: readonly string[]): Reply => {
    const candidate = device.candidate ?? cloneTree(device.running);
    if (words[1] === 'check') return { output: 'configuration check succeeds' };
    device.running = cloneTree(candidate);
    device.startup = cloneTree(candidate);
    const hostname = candidate.children.map((child) => /^system host-name (\S+)$/.exec(child.line)?.[1]).find((name) => name !== undefined);
    device.hostname = hostname ?? spec.defaultHostname;
    observeConfiguration(device);
    const confirmed = words[1] === 'confirmed' ? `commit confirmed will be automatically rolled back in ${words[2] ?? '10'} minutes unless confirmed\n` : '';
    if (words[1] === 'and-quit') {
      leave(device, connection);
      return { output: 'commit complete\nExiting configuration mode' };
    }
    return { output: `${confirmed}commit complete` };
  };

  const configure = (device: SimulatedDevice, connection: ConnectionState, line: string, promptText: string): Reply => {
    const words = splitWords(line);
    const verb = words[0]?.toLowerCase() ?? '';
    const candidate = (device.candidate ??= cloneTree(device.running));
    const path = connection.sections.at(-1)?.label;
    const statement = (rest: readonly string[]) => [...(path ? [path] : []), ...rest].join(' ');
    if (verb === 'set' || verb === 'delete') {
      const target = words.slice(1);
      const full = splitWords(statement(target));
      const match = statements.match(full);
      if (target.length === 0 || match.kind === 'invalid' || match.kind === 'ambiguous') {
        const wordIndex = match.kind === 'invalid' || match.kind === 'ambiguous' ? Math.max(1, match.wordIndex - (full.length - target.length) + 1) : 1;
        return error({ kind: 'invalid', wordIndex }, line, promptText, 'syntax error.');
      }
      if (verb === 'set') setLeaf(candidate, statement(target), replacedPrefix(statement(target)));
      else if (removeLines(candidate, statement(target)) === 0) return { output: 'warning: statement not found' };
      return { output: '' };
    }
    if (verb === 'edit' && words.length > 1) {
      connection.sections = [{ node: candidate, label: statement(words.slice(1)), table: 'junos' }];
      return { output: '' };
    }
    if (verb === 'top' || (verb === 'up' && words.length === 1)) {
      const parts = splitWords(path ?? '');
      const shorter = verb === 'top' ? [] : parts.slice(0, -1);
      connection.sections = shorter.length === 0 ? [] : [{ node: candidate, label: shorter.join(' '), table: 'junos' }];
      return { output: '' };
    }
    if (verb === 'commit') return commit(device, connection, words);
    if (verb === 'rollback') {
      device.candidate = cloneTree(device.running);
      return { output: 'load complete' };
    }
    if (verb === 'run' && words.length > 1) return operate(device, connection, line.trim().slice(3).trim(), promptText);
    if (verb === 'show') {
      const { filters } = splitPipe(line);
      if (filters.some((filter) => filter === 'compare')) return { output: compareConfigs(device.running, candidate), paged: true };
      const displaySet = filters.some((filter) => filter === 'display set');
      return { output: displaySet ? renderSetLines(candidate) : renderBraces(candidate), paged: true };
    }
    if (verb === 'exit' || verb === 'quit') {
      if (path && words.length === 1) {
        connection.sections = [];
        return { output: '' };
      }
      return exitConfiguration(device, connection);
    }
    return error({ kind: 'invalid', wordIndex: 0 }, line, promptText, 'unknown command.');
  };

  return {
    initialLevel: 'privileged',
    prompt,
    execute(device, connection, line) {
      if (line.trim() === '') return { output: '' };
      const promptText = prompt(device, connection);
      return connection.level === 'config' ? configure(device, connection, line, promptText) : operate(device, connection, line, promptText);
    },
  };
}

function leave(device: SimulatedDevice, connection: ConnectionState): void {
  connection.level = 'privileged';
  connection.sections = [];
  device.candidate = null;
}

function exitConfiguration(device: SimulatedDevice, connection: ConnectionState): Reply {
  if (device.candidate === null || sameStatements(device.candidate, device.running)) {
    leave(device, connection);
    return { output: 'Exiting configuration mode' };
  }
  const question: Question = {
    prompt: 'Exit with uncommitted changes? [yes,no] (yes) ',
    answer: (typed) => {
      if (/^no?$/i.test(typed.trim()) && typed.trim() !== '') return { output: '' };
      leave(device, connection);
      return { output: 'Exiting configuration mode' };
    },
  };
  return { output: 'The configuration has been changed but not committed', question };
}
