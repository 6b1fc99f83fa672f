import { findFailure } from '../session';
import type { DeviceLine, LineCallOptions } from './deviceLine';

export interface SaveResult {
  saved: boolean;
  /** The device's text (secrets masked): the proof of the save, or why it did not succeed. */
  message: string;
  command: string;
}

/**
 * Saves the running configuration with the dialect's first save procedure, answering its
 * dialogue (`Destination filename [startup-config]?`, `Are you sure to continue?[Y/N]`). The
 * save counts only when the procedure's success text shows (FRR `Configuration saved to`, IOS
 * `[OK]`); a procedure without a known success text counts when no error text shows. Junos
 * saves with `commit` inside configuration mode, every other family from privileged mode.
 */
export async function saveConfiguration(line: DeviceLine, options: LineCallOptions = {}): Promise<SaveResult> {
  const procedure = line.dialect.save[0];
  if (!procedure) return { saved: false, message: 'this dialect has no save procedure', command: '' };
  const inConfig = line.dialect.definition.family === 'junos';
  await line.enterMode(inConfig ? 'config' : 'privileged', options);
  const answer = await line.converse(procedure.command, procedure.dialogue, options);
  const failure = findFailure(answer.output, line.dialect.failures);
  if (inConfig) await line.enterMode('privileged', options);
  if (failure !== null) return { saved: false, message: failure, command: procedure.command };
  if (procedure.success) {
    const proof = answer.output.split('\n').find((text) => procedure.success?.test(text));
    return proof === undefined
      ? { saved: false, message: answer.output.trim() || '(the device printed nothing)', command: procedure.command }
      : { saved: true, message: proof.trim(), command: procedure.command };
  }
  return { saved: true, message: answer.output.trim() || '(no confirmation text is known for this device)', command: procedure.command };
}
