import { FieldKitError } from '../../shared/contract';
import type { CompiledDialogueStep } from '../../shared/dialects';
import type { DeviceLine, LineCallOptions } from './deviceLine';

/**
 * The reload guard (DOMAIN.md §3.4) for CLIs without commit: `reload in N` before applying, so
 * a change that cuts the technician off is undone by a reboot into the saved configuration;
 * `reload cancel` once the apply and the checks passed. IOS-like dialects only: VRP's
 * `schedule reboot` keywords are unverified, Junos has `commit confirmed`.
 */
const QUESTIONS: readonly CompiledDialogueStep[] = [
  // Unsaved changes: reboot into the saved (known-good) configuration, do not save them.
  { expect: /System configuration has been modified\. Save\? \[yes\/no\]:/, answer: 'no' },
  { expect: /Proceed with reload\? \[confirm\]/, answer: '' },
];

export interface GuardOutcome {
  ok: boolean;
  message: string;
}

export function supportsReloadGuard(line: DeviceLine): boolean {
  return line.dialect.definition.family === 'ios-like';
}

export async function scheduleReload(line: DeviceLine, minutes: number, options: LineCallOptions = {}): Promise<GuardOutcome> {
  if (!supportsReloadGuard(line)) throw new FieldKitError('InvalidRequest', `the reload guard is for IOS-like CLIs; ${line.dialect.definition.displayName.en} has none`);
  await line.enterMode('privileged', options);
  const answer = await line.converse(`reload in ${minutes}`, QUESTIONS, options);
  const refused = line.dialect.failures.some((failure) => failure.test(answer.output));
  return { ok: !refused, message: answer.output.trim() };
}

export async function cancelReload(line: DeviceLine, options: LineCallOptions = {}): Promise<GuardOutcome> {
  await line.enterMode('privileged', options);
  // Real IOS asks nothing here; answering a confirmation anyway is harmless and keeps a
  // device (or simulator) that asks from hanging.
  const answer = await line.converse('reload cancel', [{ expect: /Proceed with reload\? \[confirm\]/, answer: 'n' }], options);
  const refused = line.dialect.failures.some((failure) => failure.test(answer.output));
  return { ok: !refused, message: answer.output.trim() };
}
