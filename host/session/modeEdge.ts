import { FieldKitError, isFieldKitError } from '../../shared/contract';
import type { CompiledDialect, CompiledModeEdge } from '../../shared/dialects';
import type { DeviceChannel } from '../channel/types';
import type { LoginCredentials } from './login';

export interface EdgeOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Sends one mode-graph edge's command (`enable`, `configure terminal`, `system-view`…) and
 * answers what it asks until a prompt shows; returns that prompt's text for the session to learn.
 * On an edge that may ask for the enable secret: a refusal string, the password asked again
 * (FRR re-asks `Password:`) or no secret given → `EnableFailed`. The device is then left where it
 * stopped (possibly at its password prompt); the caller closes the line.
 */
export async function crossEdge(channel: DeviceChannel, dialect: CompiledDialect, edge: CompiledModeEdge, credentials: LoginCredentials, options: EdgeOptions): Promise<string> {
  const failures = edge.password ? dialect.enableFailures : [];
  const password = edge.password ? dialect.login.password : [];
  const questions = edge.dialogue.map((step) => step.expect);
  const patterns = [...failures, ...password, ...questions, dialect.anyPrompt];
  const timeoutName = `prompt after "${edge.command}"`;
  const deadline = performance.now() + options.timeoutMs;
  let secretSent = false;
  channel.discardBuffered();
  await channel.sendLine(edge.command);
  for (;;) {
    let found;
    try {
      const timeoutMs = Math.max(1, Math.ceil(deadline - performance.now()));
      found = await channel.expect(patterns, { timeoutMs, timeoutName, signal: options.signal });
    } catch (error) {
      if (isFieldKitError(error) && error.code === 'Timeout') {
        throw new FieldKitError('Timeout', `No prompt within ${options.timeoutMs} ms: ${timeoutName}.`, { ...error.details, timeoutName, timeoutMs: options.timeoutMs });
      }
      throw error;
    }
    const index = found.patternIndex;
    if (index < failures.length) {
      throw new FieldKitError('EnableFailed', `"${edge.command}" was refused: ${found.matched.trim()}`);
    }
    if (index < failures.length + password.length) {
      if (secretSent) throw new FieldKitError('EnableFailed', `Wrong enable secret: the device asked for it again after "${edge.command}".`);
      if (credentials.enableSecret === undefined) {
        throw new FieldKitError('EnableFailed', `"${edge.command}" asks for an enable secret, but none was given.`);
      }
      secretSent = true;
      await channel.sendLine(credentials.enableSecret, { secret: true });
      continue;
    }
    const step = edge.dialogue[index - failures.length - password.length];
    if (step) {
      await channel.sendLine(step.answer);
      continue;
    }
    return found.matched;
  }
}
