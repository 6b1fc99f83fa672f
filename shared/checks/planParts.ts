import type { DialectId } from '../contract/device';
import { OutputParseError } from '../parsers';
import { CheckCommandError, type CommandPlatform } from './commands';
import type { CheckParams, Measured } from './model';

/** One command a device check sends. `interruptAfter`: the command never ends by itself (FRR ping). */
export interface PlannedCommand {
  command: string;
  /** Send Ctrl-C after this many reply lines, or once `deadlineMs` have passed since it was sent. */
  interruptAfter?: { replies: number; deadlineMs: number };
}

/** The output of one planned command, and whether the device flagged it as an error. */
export interface CommandOutput {
  output: string;
  failed: boolean;
  failureMessage: string | null;
}

export interface DeviceCheckPlan {
  commands: PlannedCommand[];
  /**
   * The measured values, from the outputs in the commands' order. Throws OutputParseError when
   * an output is not what the parser reads (then the check is `error`, not `fail`).
   */
  measure(outputs: readonly CommandOutput[]): Measured;
}

/** FRRouting speaks the `ios` dialect; its parsers are the `ios` ones. */
export function dialectOf(platform: CommandPlatform): DialectId {
  return platform === 'frr' ? 'ios' : platform;
}

/** The first of `names` the check sets to a non-empty value, as text. */
export function text(params: CheckParams, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = params[name];
    if (value !== undefined && value !== '') return String(value);
  }
  return undefined;
}

/** A comma-separated parameter as its items, blanks dropped. */
export function list(params: CheckParams, name: string): string[] {
  return (text(params, name) ?? '').split(',').map((item) => item.trim()).filter((item) => item.length > 0);
}

export function need(value: string | undefined, what: string): string {
  if (value === undefined) throw new CheckCommandError(`the check needs ${what}`);
  return value;
}

/** The output of command `index`; a command the device refused is unreadable, not a failed test. */
export function output(outputs: readonly CommandOutput[], index: number): string {
  const entry = outputs[index];
  if (!entry) throw new OutputParseError(`command ${index + 1} gave no output`);
  if (entry.failed) throw new OutputParseError(`the device refused the command: ${entry.failureMessage ?? 'error'}`);
  return entry.output;
}
