import type { ConnectionState, Persona, Question, Reply, SimulatedDevice } from './types';

export interface EngineOptions {
  persona: Persona;
  /** Shared by every connection to the same simulated device. */
  device: SimulatedDevice;
  /** With a username the device asks `Username:` then `Password:`; with a password only, `Password:`. */
  username?: string;
  password?: string;
  enableSecret?: string;
  /** Lines per page until the paging-off command; default the persona's. */
  pageLength?: number;
  /** A console line: idle behind its wake-up banner, back to it after logout instead of closing. */
  console?: boolean;
}

/** Wrong logins before the line gives up (IOS, VRP and Junos all stop after three). */
const MAX_LOGIN_ATTEMPTS = 3;
const ERASE_CHARACTER = '\b \b';

type Phase =
  | { kind: 'wake' }
  | { kind: 'username'; attempts: number }
  | { kind: 'password'; username: string | undefined; attempts: number }
  | { kind: 'cli' }
  | { kind: 'question'; question: Question }
  | { kind: 'paging'; remaining: string[] }
  | { kind: 'closed' };

/**
 * One connection to a simulated device: typed characters in, what the device prints out. Pure
 * and synchronous (no I/O, no timers); transports feed it. It echoes as a device with Telnet
 * WILL ECHO does (never secrets), reads CR, LF, CR LF and CR NUL as one Enter, honours
 * backspace/DEL and Ctrl-U, and reads pager keys one at a time.
 */
export class SimulatorEngine {
  readonly connection: ConnectionState;
  /** Echo typed characters; a Telnet client that refuses ECHO turns it off. */
  echo = true;
  private phase: Phase = { kind: 'closed' };
  private typed = '';
  private afterCarriageReturn = false;

  constructor(private readonly options: EngineOptions) {
    const pageLength = options.pageLength ?? options.persona.defaultPageLength;
    this.connection = {
      level: options.persona.behaviour.initialLevel,
      sections: [],
      pageLength,
      defaultPageLength: pageLength,
      username: options.username ?? options.persona.defaultUsername,
      enableSecret: options.enableSecret,
    };
  }

  get closed(): boolean {
    return this.phase.kind === 'closed';
  }

  /** What the device prints when the line opens. */
  start(): string {
    return crlf(this.idle());
  }

  /** Feeds typed characters; returns everything the device prints in answer, echo included. */
  receive(text: string): string {
    let output = '';
    for (const character of text) {
      if (this.phase.kind === 'closed') break;
      const swallowed = this.afterCarriageReturn && (character === '\n' || character === '\0');
      this.afterCarriageReturn = character === '\r';
      if (swallowed) continue;
      output += this.phase.kind === 'paging' ? this.pagerKey(this.phase.remaining, character) : this.key(character);
    }
    return crlf(output);
  }

  private key(character: string): string {
    const hidden = this.isHidden();
    if (character === '\r' || character === '\n') {
      const line = this.typed;
      this.typed = '';
      return '\n' + this.enter(line);
    }
    if (character === '\b' || character === '\x7f') {
      if (this.typed.length === 0) return '';
      this.typed = this.typed.slice(0, -1);
      return hidden || !this.echo ? '' : ERASE_CHARACTER;
    }
    if (character === '\x15') {
      const erased = hidden || !this.echo ? '' : ERASE_CHARACTER.repeat(this.typed.length);
      this.typed = '';
      return erased;
    }
    if (character < ' ') return '';
    this.typed += character;
    return hidden || !this.echo ? '' : character;
  }

  private isHidden(): boolean {
    return this.phase.kind === 'password' || (this.phase.kind === 'question' && this.phase.question.hidden === true);
  }

  private enter(line: string): string {
    const phase = this.phase;
    switch (phase.kind) {
      case 'wake':
        return this.beginLogin();
      case 'username':
        // Like a real console, an empty line (a wake-up Enter) just asks again.
        if (line.trim() === '') return this.options.persona.login.usernamePrompt;
        this.phase = { kind: 'password', username: line.trim(), attempts: phase.attempts };
        return this.options.persona.login.passwordPrompt;
      case 'password':
        return this.checkLogin(phase.username, line, phase.attempts);
      case 'cli':
        return this.show(this.options.persona.behaviour.execute(this.options.device, this.connection, line));
      case 'question':
        return this.show(phase.question.answer(line));
      case 'paging':
      case 'closed':
        return '';
    }
  }

  /** Console idle banner, or straight to login on a Telnet line. */
  private idle(): string {
    const wakeUp = this.options.console ? this.options.persona.consoleWakeUp(this.options.device.hostname) : null;
    if (wakeUp === null) return this.beginLogin();
    this.phase = { kind: 'wake' };
    return wakeUp;
  }

  private beginLogin(): string {
    const { login } = this.options.persona;
    if (this.options.username !== undefined) {
      this.phase = { kind: 'username', attempts: 0 };
      return login.banner + login.usernamePrompt;
    }
    if (this.options.password !== undefined) {
      this.phase = { kind: 'password', username: undefined, attempts: 0 };
      return login.banner + login.passwordPrompt;
    }
    return '\n' + this.enterCli();
  }

  private checkLogin(username: string | undefined, password: string, attempts: number): string {
    const { login } = this.options.persona;
    const accepted = username === this.options.username && password === this.options.password;
    if (accepted) return login.welcome + this.enterCli();
    const tried = attempts + 1;
    if (tried >= MAX_LOGIN_ATTEMPTS) return login.failure + this.logout();
    if (username === undefined) {
      // Password-only lines ask again without a message (FRR VTY, frr-vty-zebra-session.txt).
      this.phase = { kind: 'password', username: undefined, attempts: tried };
      return login.passwordPrompt;
    }
    this.phase = { kind: 'username', attempts: tried };
    return login.failure + login.usernamePrompt;
  }

  private enterCli(): string {
    this.connection.level = this.options.persona.behaviour.initialLevel;
    this.connection.sections = [];
    this.connection.pageLength = this.connection.defaultPageLength;
    this.phase = { kind: 'cli' };
    return this.prompt();
  }

  private prompt(): string {
    return this.options.persona.behaviour.prompt(this.options.device, this.connection);
  }

  private logout(): string {
    if (!this.options.console) {
      this.phase = { kind: 'closed' };
      return '';
    }
    return this.idle();
  }

  private show(reply: Reply): string {
    const output = reply.output === '' || reply.output.endsWith('\n') ? reply.output : reply.output + '\n';
    if (reply.logout) return output + this.logout();
    if (reply.question) {
      this.phase = { kind: 'question', question: reply.question };
      return output + reply.question.prompt;
    }
    const perPage = this.connection.pageLength - 1;
    if (reply.paged && perPage > 0) {
      const lines = output.split('\n').slice(0, -1);
      if (lines.length > perPage) return this.page(lines.slice(0, perPage), lines.slice(perPage));
    }
    this.phase = { kind: 'cli' };
    return output + this.prompt();
  }

  private page(shown: string[], remaining: string[]): string {
    const text = shown.map((line) => line + '\n').join('');
    if (remaining.length === 0) {
      this.phase = { kind: 'cli' };
      return text + this.prompt();
    }
    this.phase = { kind: 'paging', remaining };
    return text + this.options.persona.pager.prompt;
  }

  /** Enter shows one more line, `q` quits, any other key the next page (what every vendor's pager does). */
  private pagerKey(remaining: string[], character: string): string {
    const eraser = this.options.persona.pager.eraser;
    if (character === 'q' || character === 'Q') {
      this.phase = { kind: 'cli' };
      return eraser + this.prompt();
    }
    const count = character === '\r' || character === '\n' ? 1 : this.connection.pageLength - 1;
    return eraser + this.page(remaining.slice(0, count), remaining.slice(count));
  }
}

/** Devices end lines with CR LF. */
function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
