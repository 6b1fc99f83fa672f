import { FieldKitError, isFieldKitError, type CommandResult } from '../../shared/contract';
import type { CompiledDialect, CompiledDialogueStep, ModeId } from '../../shared/dialects';
import type { DeviceChannel } from '../channel/types';
import { extractOutput, findFailure, type DeviceSession } from '../session';

export interface LineCallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** What a command with a dialogue printed, its questions included, and the prompt it ended at. */
export interface Conversation {
  /** Echo removed, secrets masked. */
  output: string;
  prompt: string;
}

/**
 * The device as the provisioning engine uses it: the session's paced commands plus the two
 * exchanges a session does not offer, a command that asks questions (save, `reload in`) and a
 * delimited block (a banner) whose lines get no prompt until the delimiter.
 */
export interface DeviceLine {
  readonly dialect: CompiledDialect;
  readonly mode: ModeId;
  run(command: string, options?: LineCallOptions): Promise<CommandResult>;
  enterMode(mode: ModeId, options?: LineCallOptions): Promise<void>;
  converse(command: string, dialogue: readonly CompiledDialogueStep[], options?: LineCallOptions): Promise<Conversation>;
  sendBlock(lines: readonly string[], options?: LineCallOptions): Promise<CommandResult>;
}

export interface SessionLineOptions {
  /** The session's default command timeout, used when a call gives none. */
  commandTimeoutMs: number;
  mask(text: string): string;
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A `DeviceLine` over a logged-in session and its channel. The caller must own the line for the
 * whole time (nobody else types). After a direct exchange the session re-learns its prompt, so
 * its mode and host name stay right.
 */
export function createSessionLine(session: DeviceSession, channel: DeviceChannel, options: SessionLineOptions): DeviceLine {
  const dialect = session.dialect;

  async function waitFor(patterns: readonly RegExp[], timeoutMs: number, name: string, signal: AbortSignal | undefined) {
    try {
      return await channel.expect(patterns, { timeoutMs, timeoutName: name, ...(signal ? { signal } : {}) });
    } catch (error) {
      if (isFieldKitError(error) && error.code === 'Timeout') {
        throw new FieldKitError('Timeout', `No prompt within ${timeoutMs} ms: ${name}.`, { ...error.details, timeoutName: name, timeoutMs });
      }
      throw error;
    }
  }

  async function relearn(call: LineCallOptions): Promise<void> {
    await session.resync({ ...(call.signal ? { signal: call.signal } : {}), timeoutMs: call.timeoutMs ?? options.commandTimeoutMs });
  }

  return {
    dialect,
    get mode() {
      return session.mode;
    },
    run: (command, call = {}) => session.run(command, call),
    enterMode: (mode, call = {}) => session.enterMode(mode, call),

    async converse(command, dialogue, call = {}) {
      if (CONTROL.test(command)) throw new FieldKitError('InvalidRequest', 'A command must not contain control characters (CR, LF, ESC…).');
      const timeoutMs = call.timeoutMs ?? options.commandTimeoutMs;
      const deadline = performance.now() + timeoutMs;
      const patterns = [...dialogue.map((step) => step.expect), dialect.anyPrompt];
      channel.discardBuffered();
      await channel.sendLine(command);
      let received = '';
      for (;;) {
        const remaining = Math.max(1, Math.ceil(deadline - performance.now()));
        const found = await waitFor(patterns, remaining, `prompt after "${command}"`, call.signal);
        const step = dialogue[found.patternIndex];
        if (!step) {
          received += found.before;
          await relearn(call);
          return { output: options.mask(extractOutput(received, command)), prompt: found.matched.trim() };
        }
        received += found.before + found.matched + '\n';
        await channel.sendLine(step.answer);
      }
    },

    async sendBlock(lines, call = {}) {
      const [first, ...rest] = lines;
      if (first === undefined) throw new FieldKitError('InvalidRequest', 'An empty block has nothing to send.');
      if (lines.some((line) => CONTROL.test(line))) throw new FieldKitError('InvalidRequest', 'A block line must not contain control characters.');
      const timeoutMs = call.timeoutMs ?? options.commandTimeoutMs;
      const started = performance.now();
      const startedAt = new Date().toISOString();
      channel.discardBuffered();
      // The device gives no prompt inside the block (IOS prints "Enter TEXT message. End with
      // the character '#'."): the lines go one after another and only the last one is waited for.
      await channel.sendLine(first);
      for (const line of rest) await channel.sendLine(line);
      const found = await waitFor([dialect.anyPrompt], timeoutMs, `prompt after the block "${first}"`, call.signal);
      const output = extractOutput(found.before, first);
      const failure = findFailure(output, dialect.failures);
      await relearn(call);
      return {
        command: options.mask(lines.join('\n')),
        output: options.mask(output),
        prompt: found.matched.trim(),
        startedAt,
        elapsedMs: Math.round(performance.now() - started),
        failed: failure !== null,
        failureMessage: failure === null ? null : options.mask(failure),
      };
    },
  };
}
