import { FieldKitError, isFieldKitError, type CommandResult, type DeviceFacts } from '../../shared/contract';
import { findModePath, identifyPrompt, reconcileIdentity, type CompiledDialect, type LoginRules, type ModeId, type PromptInfo } from '../../shared/dialects';
import { parseVersion } from '../../shared/parsers';
import { createSecretMasker, type SecretMasker } from '../../shared/secrets';
import type { DeviceChannel, ExpectMatch } from '../channel/types';
import { extractOutput, findFailure } from './commandOutput';
import { awaitFirstPrompt, type LoginCredentials } from './login';
import { crossEdge } from './modeEdge';

export interface SessionOptions {
  /** From the start of login to the first prompt (contract `Timeouts.loginMs`). */
  loginTimeoutMs: number;
  /** Default wait for the prompt after one command (contract `Timeouts.commandMs`). */
  commandTimeoutMs: number;
  /** Quiet time before a wake-up line ending during login. Default 1500 ms. */
  wakeUpMs?: number;
  /**
   * How long a doubtful prompt must stay the last thing received before it is believed: one with
   * a new host name (after `hostname`, or a prompt-like line inside output such as IOS's
   * `Device#  PID  SN` licence table) or one with no echo before it (a stray prompt). Default 500 ms.
   */
  promptSettleMs?: number;
  /** Cancels login, enable and paging-off. */
  signal?: AbortSignal;
  /**
   * Applied to commands, outputs and failure texts in results. Default: a masker of this session
   * with the standard config secret patterns. The login secrets are added to it either way.
   */
  masker?: SecretMasker;
}

/** What `loginAndIdentify`'s `identify` step sees of a line just logged in. */
export interface IdentifyContext {
  first: PromptInfo;
  /** Text received during login, banners and the first prompt included (masked). */
  greeting: string;
  /** Runs one command as `probeDialect` (no enable, no paging-off yet). */
  run(command: string, probeDialect: CompiledDialect): Promise<CommandResult>;
}

export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

const DEFAULT_WAKE_UP_MS = 1500;
const DEFAULT_PROMPT_SETTLE_MS = 500;
const MAX_WAKE_UPS = 5;
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A dialect spoken over a channel: login, commands as result objects, mode navigation, facts.
 * The session does not own the channel; whoever created the channel disposes it. Calls are
 * serialised: a second call waits for the first.
 */
export class DeviceSession {
  private currentMode: ModeId;
  private currentSubmode: string | null;
  private currentHostname: string;
  private currentPrompt: string;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly channel: DeviceChannel,
    readonly dialect: CompiledDialect,
    private readonly options: SessionOptions,
    private readonly credentials: LoginCredentials,
    first: PromptInfo,
    /** Text received during login, banners included (masked as the channel publishes it), for dialect detection. */
    readonly greeting: string,
    /** Paging-off commands of this dialect not yet sent; they go before the next call. */
    private pagingPending: boolean,
  ) {
    this.currentMode = first.mode;
    this.currentSubmode = first.submode;
    this.currentHostname = first.hostname;
    this.currentPrompt = first.prompt;
  }

  /**
   * Logs in (see `awaitFirstPrompt`), enters privileged mode when the device starts in user mode
   * (`EnableFailed` when it refuses), then turns paging off, ignoring a failure of those commands.
   */
  static login(channel: DeviceChannel, dialect: CompiledDialect, credentials: LoginCredentials, sessionOptions: SessionOptions): Promise<DeviceSession> {
    return DeviceSession.loginAndIdentify(channel, dialect, credentials, sessionOptions, async () => dialect);
  }

  /**
   * Logs in with `rules` (one dialect's, or every dialect's when auto-detecting), then lets
   * `identify` name the dialect before anything else is sent: it sees the first prompt and the
   * greeting and may run commands (a version command) as a probe dialect, with paging still on
   * (the channel must answer that dialect's pager). Only then come enable and paging-off, as in `login`.
   */
  static async loginAndIdentify(channel: DeviceChannel, rules: LoginRules, credentials: LoginCredentials, sessionOptions: SessionOptions, identify: (context: IdentifyContext) => Promise<CompiledDialect>): Promise<DeviceSession> {
    const masker = sessionOptions.masker ?? createSecretMasker();
    for (const secret of [credentials.password, credentials.enableSecret]) if (secret) masker.add(secret);
    const options = { ...sessionOptions, masker };
    let greeting = '';
    const recorder = channel.onText((text) => {
      greeting += text;
    });
    let first: PromptInfo;
    try {
      first = await awaitFirstPrompt(channel, rules, credentials, {
        loginTimeoutMs: options.loginTimeoutMs,
        wakeUpMs: options.wakeUpMs ?? DEFAULT_WAKE_UP_MS,
        maxWakeUps: MAX_WAKE_UPS,
        signal: options.signal,
      });
    } finally {
      recorder.dispose();
    }
    const start = (speaking: CompiledDialect) => new DeviceSession(channel, speaking, options, credentials, identifyPrompt(speaking, first.prompt) ?? first, greeting, false);
    let probe: DeviceSession | undefined;
    const dialect = await identify({
      first,
      greeting,
      run: (command, probeDialect) => {
        probe = probe ? probe.speaking(probeDialect, false) : start(probeDialect);
        return probe.run(command, { signal: options.signal });
      },
    });
    const session = probe ? probe.speaking(dialect, false) : start(dialect);
    const call = { signal: options.signal };
    if (session.currentMode === 'user' && findModePath(dialect.modeGraph, 'user', 'privileged')) {
      await session.enterMode('privileged', call);
    }
    session.pagingPending = true;
    await session.exclusive(call, async () => undefined);
    return session;
  }

  /**
   * The same logged-in line spoken in another dialect, e.g. once auto-detection has recognised
   * the device. Mode and host name are re-read from the last prompt; that dialect's paging-off
   * commands are sent before its first call. Use only the returned session from then on.
   */
  withDialect(dialect: CompiledDialect): DeviceSession {
    return this.speaking(dialect, true);
  }

  private speaking(dialect: CompiledDialect, pagingPending: boolean): DeviceSession {
    const info = identifyPrompt(dialect, this.currentPrompt) ?? { mode: this.currentMode, hostname: this.currentHostname, submode: this.currentSubmode, prompt: this.currentPrompt };
    return new DeviceSession(this.channel, dialect, this.options, this.credentials, info, this.greeting, pagingPending);
  }

  get mode(): ModeId {
    return this.currentMode;
  }

  /** Config sub-mode as the prompt shows it (`config-if`), null outside sub-modes. */
  get submode(): string | null {
    return this.currentSubmode;
  }

  /** Host name from the latest prompt, re-learned after each command. */
  get hostname(): string {
    return this.currentHostname;
  }

  get prompt(): string {
    return this.currentPrompt;
  }

  /**
   * Sends one command line and waits for the next prompt. A device error is `failed: true` with
   * the device's text; only faults of the line reject (`Timeout`, `ConnectionClosed`, `Cancelled`).
   */
  run(command: string, options: CallOptions = {}): Promise<CommandResult> {
    return this.exclusive(options, () => this.runNow(command, options));
  }

  /** Walks the mode graph's shortest path to `target` (e.g. `config`, or back to `privileged`). */
  enterMode(target: ModeId, options: CallOptions = {}): Promise<void> {
    return this.exclusive(options, async () => {
      const path = findModePath(this.dialect.modeGraph, this.currentMode, target);
      if (!path) throw new FieldKitError('ModeUnreachable', `${this.dialect.definition.displayName.en} has no way from ${this.currentMode} to ${target} mode.`);
      for (const edge of path) {
        const timeoutMs = options.timeoutMs ?? this.options.commandTimeoutMs;
        const matched = await crossEdge(this.channel, this.dialect, edge, this.credentials, { timeoutMs, signal: options.signal });
        const info = this.learn(matched);
        if (info.mode !== edge.to) {
          const code = edge.password ? 'EnableFailed' : 'PromptNotFound';
          throw new FieldKitError(code, `Expected a ${edge.to} prompt after "${edge.command}", got "${info.prompt}".`);
        }
      }
    });
  }

  /** Back to privileged mode when in configuration mode; nothing otherwise. */
  async leaveConfig(options: CallOptions = {}): Promise<void> {
    if (this.currentMode === 'config') await this.enterMode('privileged', options);
  }

  /** Runs the dialect's version command and parses it; the host name falls back to the prompt's. */
  async facts(options: CallOptions = {}): Promise<DeviceFacts> {
    await this.leaveConfig(options);
    const result = await this.run(this.dialect.definition.commands.version, options);
    const parsed = parseVersion(this.dialect.id, result.output);
    return { ...parsed, hostname: parsed.hostname ?? this.currentHostname, dialect: this.dialect.id };
  }

  /**
   * Re-learns mode and host name after someone typed into the live terminal: erases a half-typed
   * line where the dialect knows how (so it is not executed), sends a line ending, waits for a prompt.
   */
  resync(options: CallOptions = {}): Promise<PromptInfo> {
    return this.exclusive(options, async () => {
      const clearLine = this.dialect.definition.clearLine;
      if (clearLine) await this.channel.write(clearLine);
      this.channel.discardBuffered();
      await this.channel.sendLine('');
      const found = await this.waitForPrompt('', options, 'prompt after resync');
      return this.learn(found.matched);
    });
  }

  private async runNow(command: string, options: CallOptions): Promise<CommandResult> {
    if (CONTROL.test(command)) throw new FieldKitError('InvalidRequest', 'A command must not contain control characters (CR, LF, ESC…).');
    this.channel.discardBuffered();
    const startedAt = new Date();
    const started = performance.now();
    await this.channel.sendLine(command);
    const found = await this.waitForPrompt(command, options, `prompt after "${command}"`);
    const elapsedMs = Math.round(performance.now() - started);
    const info = this.learn(found.matched);
    const output = extractOutput(found.before, command);
    const failureMessage = findFailure(output, this.dialect.failures);
    const mask = (text: string) => this.options.masker?.mask(text) ?? text;
    return {
      command: mask(command),
      output: mask(output),
      prompt: info.prompt,
      startedAt: startedAt.toISOString(),
      elapsedMs,
      failed: failureMessage !== null,
      failureMessage: failureMessage === null ? null : mask(failureMessage),
    };
  }

  /**
   * Waits for a prompt, then checks it is not a false one (see `promptSettleMs`): a doubtful
   * prompt is believed only if nothing more arrives while it settles; otherwise the wait goes on
   * and the doubtful part becomes output.
   */
  private async waitForPrompt(command: string, options: CallOptions, timeoutName: string): Promise<ExpectMatch> {
    const totalMs = options.timeoutMs ?? this.options.commandTimeoutMs;
    const deadline = performance.now() + totalMs;
    let before = '';
    for (;;) {
      let found: ExpectMatch;
      try {
        const timeoutMs = Math.max(1, Math.ceil(deadline - performance.now()));
        found = await this.channel.expect([this.dialect.anyPrompt], { timeoutMs, timeoutName, signal: options.signal });
      } catch (error) {
        if (isFieldKitError(error) && error.code === 'Timeout') {
          throw new FieldKitError('Timeout', `No prompt within ${totalMs} ms: ${timeoutName}.`, { ...error.details, timeoutName, timeoutMs: totalMs });
        }
        throw error;
      }
      before += found.before;
      if (!this.isDoubtful(before, found.matched, command)) return { ...found, before };
      const settleMs = Math.min(this.options.promptSettleMs ?? DEFAULT_PROMPT_SETTLE_MS, Math.max(0, deadline - performance.now()));
      if (await this.staysQuiet(settleMs)) return { ...found, before };
      before += found.matched;
    }
  }

  private isDoubtful(before: string, matched: string, command: string): boolean {
    if (command.trim() !== '' && before.trim() === '') return true;
    const info = identifyPrompt(this.dialect, matched);
    if (!info) return true;
    return reconcileIdentity(this.currentHostname, info).hostname !== this.currentHostname;
  }

  /** True when no text arrives for `ms`. */
  private staysQuiet(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        listener.dispose();
        resolve(true);
      }, ms);
      const listener = this.channel.onText(() => {
        clearTimeout(timer);
        listener.dispose();
        resolve(false);
      });
    });
  }

  private learn(matched: string): PromptInfo {
    const info = identifyPrompt(this.dialect, matched);
    if (!info) throw new FieldKitError('PromptNotFound', `Unrecognised prompt "${matched.trim()}".`);
    const identity = reconcileIdentity(this.currentHostname, info);
    this.currentMode = info.mode;
    this.currentSubmode = identity.submode;
    this.currentHostname = identity.hostname;
    this.currentPrompt = info.prompt;
    return info;
  }

  /** Paging-off failures are ignored: FRR answers `terminal width` with "% Unknown command" (PEERS.md). */
  private async ensurePagingOff(options: CallOptions): Promise<void> {
    if (!this.pagingPending) return;
    this.pagingPending = false;
    for (const step of this.dialect.definition.pagingOff) await this.runNow(step.command, { signal: options.signal });
  }

  /** Runs `task` after every earlier call has settled, with paging turned off first if pending. */
  private exclusive<T>(options: CallOptions, task: () => Promise<T>): Promise<T> {
    const run = async () => {
      await this.ensurePagingOff(options);
      return task();
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
