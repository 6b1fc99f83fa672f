import { isFieldKitError, type CommandResult } from '../../shared/contract';
import type { PlannedCommand } from '../../shared/checks';
import type { CallOptions } from '../session';

/** What device checks need of a connected line: the session's commands and the raw channel (for Ctrl-C). */
export interface CheckLine {
  session: {
    run(command: string, options?: CallOptions): Promise<CommandResult>;
    resync(options?: CallOptions): Promise<unknown>;
  };
  channel: {
    write(text: string): Promise<void>;
    onText(listener: (text: string) => void): { dispose(): void };
  };
}

const CTRL_C = '\x03';
/** Linux ping (FRR) prints one line per echo: `64 bytes from …: icmp_seq=N` or `From …: icmp_seq=N Destination Host Unreachable`. */
const ECHO_LINE = /icmp_seq=\d+/g;
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** A command that did not come back with a prompt: the line's error, and what the device had printed by then. */
export class CommandInterruptedError extends Error {
  override readonly name = 'CommandInterruptedError';
  constructor(
    readonly code: string,
    message: string,
    readonly partialOutput: string,
  ) {
    super(message);
  }
}

/**
 * Runs one planned command and returns the session's result. A command with `interruptAfter`
 * gets Ctrl-C once enough echo lines arrived or its deadline passed, then the session reads the
 * summary it prints before the prompt. When the line fails (timeout, cancel, closed) this throws
 * {@link CommandInterruptedError} carrying the text received so far, after trying to bring the
 * device back to a prompt (Ctrl-C, then a resync) so the next check starts clean.
 */
export async function runPlannedCommand(line: CheckLine, planned: PlannedCommand, options: { timeoutMs: number; signal?: AbortSignal }): Promise<CommandResult> {
  let received = '';
  let interrupted = false;
  const interrupt = (): void => {
    if (interrupted) return;
    interrupted = true;
    void line.channel.write(CTRL_C).catch(() => undefined);
  };
  const wanted = planned.interruptAfter;
  const listener = line.channel.onText((text) => {
    received += text;
    if (wanted && (received.match(ECHO_LINE)?.length ?? 0) >= wanted.replies) interrupt();
  });
  const timer = wanted ? setTimeout(interrupt, wanted.deadlineMs) : undefined;
  const timeoutMs = options.timeoutMs + (wanted?.deadlineMs ?? 0);
  try {
    return await line.session.run(planned.command, { timeoutMs, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    const partialOutput = received.replace(ANSI, '');
    const code = isFieldKitError(error) ? error.code : 'Internal';
    const message = error instanceof Error ? error.message : String(error);
    if (code !== 'ConnectionClosed') await recover(line, options.timeoutMs);
    throw new CommandInterruptedError(code, message, partialOutput);
  } finally {
    if (timer) clearTimeout(timer);
    listener.dispose();
  }
}

/** Best effort: stop whatever still runs and find the prompt again; a failure here is left for the next command to report. */
async function recover(line: CheckLine, timeoutMs: number): Promise<void> {
  await line.channel.write(CTRL_C).catch(() => undefined);
  await line.session.resync({ timeoutMs }).catch(() => undefined);
}
