import { isFieldKitError, type CommandResult } from '../../shared/contract';
import { configSyntax, type PlannedLine } from '../../shared/config';
import type { DeviceLine, LineCallOptions } from './deviceLine';

/** What is typed as one exchange: a line, or a delimited block (banner) as a whole. */
export interface SendUnit {
  /** Indices into the planned lines this unit covers (one, or a block's lines). */
  indices: number[];
  lines: string[];
}

export type SendOutcome =
  | { kind: 'completed' }
  | { kind: 'failed'; index: number; result: CommandResult }
  | { kind: 'interrupted'; index: number; message: string };

export interface SendHooks extends LineCallOptions {
  /** Called once the device answered a unit with its next prompt and no error. */
  acknowledged(unit: SendUnit): void;
}

/**
 * Groups planned lines into units: a line opening a delimited block (IOS `banner motd #`) and
 * the following lines up to the one carrying the delimiter go together, since the device shows
 * no prompt inside the block.
 */
export function sendUnits(dialect: DeviceLine['dialect'], lines: readonly PlannedLine[]): SendUnit[] {
  const blockStart = configSyntax(dialect.id).blockStart;
  const units: SendUnit[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const text = lines[index]?.text ?? '';
    const start = blockStart?.exec(text.trim());
    const delimiter = start?.groups?.delimiter;
    const unit: SendUnit = { indices: [index], lines: [text] };
    if (start && delimiter && !text.trim().slice(start[0].length).includes(delimiter)) {
      // IOS shows `^C` where the technician typed one delimiter character; either closes it.
      const closes = (line: string): boolean => line.includes(delimiter) || (delimiter === '^C' && line.includes('\u0003'));
      while (index + 1 < lines.length) {
        index += 1;
        const next = lines[index]?.text ?? '';
        unit.indices.push(index);
        unit.lines.push(next);
        if (closes(next)) break;
      }
    }
    units.push(unit);
  }
  return units;
}

/** A fault of the line itself that a later run can resume from (cable pulled, device rebooted, silence). */
export function isLineDrop(error: unknown): error is Error {
  return isFieldKitError(error) && (error.code === 'ConnectionClosed' || error.code === 'Timeout');
}

/**
 * Types the units in configuration mode, each paced by its echo and the next prompt (the
 * session waits for them; no fixed delays), and stops at the first device error. The caller has
 * entered configuration mode. A dropped line ends the run as `interrupted` at the unit being sent;
 * any other fault rejects.
 */
export async function sendPlan(line: DeviceLine, units: readonly SendUnit[], hooks: SendHooks): Promise<SendOutcome> {
  const call: LineCallOptions = {};
  if (hooks.timeoutMs !== undefined) call.timeoutMs = hooks.timeoutMs;
  if (hooks.signal) call.signal = hooks.signal;
  for (const unit of units) {
    const first = unit.indices[0] ?? 0;
    let result: CommandResult;
    try {
      result = unit.lines.length === 1 ? await line.run(unit.lines[0] ?? '', call) : await line.sendBlock(unit.lines, call);
    } catch (error) {
      if (isLineDrop(error)) return { kind: 'interrupted', index: first, message: error.message };
      throw error;
    }
    if (result.failed) return { kind: 'failed', index: first, result };
    hooks.acknowledged(unit);
  }
  return { kind: 'completed' };
}
