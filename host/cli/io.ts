/** Where a command writes and reads; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Ask for a secret without echo; undefined when no TTY is attached. */
  askSecret?: (prompt: string) => Promise<string>;
  /** All of standard input as text (for `parse`). */
  stdin?: () => Promise<string>;
  /** Resolves when the user asks to stop (Ctrl-C); used by long-running commands. */
  untilInterrupted?: () => Promise<void>;
}
