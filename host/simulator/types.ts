import type { DialectId } from '../../shared/contract';
import type { ConfigNode } from './configTree';
import type { DeviceRuntime } from './features/model';

/** What a device prints in answer to one line. Line breaks are `\n`; the engine sends CR LF. */
export interface Reply {
  output: string;
  /** Long output goes through the pager while paging is on (show/display commands). */
  paged?: boolean;
  /** The device asks something and reads the next line as the answer (save dialogues, enable). */
  question?: Question;
  /** The user logged out: a Telnet line closes, a console shows its wake-up banner again. */
  logout?: boolean;
}

export interface Question {
  /** Printed (after the reply's output) where the answer will be typed, e.g. `Are you sure to continue?[Y/N]:`. */
  prompt: string;
  /** Secrets are read without echo. */
  hidden?: boolean;
  answer(line: string): Reply;
}

/** Device state shared by every connection to one simulated device, like a real box. */
export interface SimulatedDevice {
  hostname: string;
  running: ConfigNode;
  startup: ConfigNode;
  /** Junos and VRP8: the candidate configuration being edited, null when none is open. */
  candidate: ConfigNode | null;
  /** Clock, NTP progress, SA counters, what pings reach: state that is not configuration. */
  runtime: DeviceRuntime;
}

export type CliLevel = 'user' | 'privileged' | 'config';

export interface OpenSection {
  node: ConfigNode;
  /** What the prompt shows for this level: `config-if`, `GigabitEthernet0/0/1`, `interfaces ge-0/0/0`. */
  label: string;
  /** Name of the command table that applies inside it. */
  table: string;
}

/** One connection's place in the CLI. */
export interface ConnectionState {
  level: CliLevel;
  /** Open configuration sections, outermost first. */
  sections: OpenSection[];
  /** Lines per page; 0 = paging off. */
  pageLength: number;
  /** The line's page length when paging is on (what `more on`, `undo screen-length disable` restore). */
  defaultPageLength: number;
  /** Who logged in (Junos shows it in the prompt). */
  username: string;
  /** The secret `enable` asks for; undefined = `enable` asks nothing. */
  enableSecret: string | undefined;
}

/** A CLI family: prompts and command handling. Pure: state lives in `device` and `connection`. */
export interface CliBehaviour {
  prompt(device: SimulatedDevice, connection: ConnectionState): string;
  execute(device: SimulatedDevice, connection: ConnectionState, line: string): Reply;
  /** Level and state a connection starts in right after login. */
  initialLevel: CliLevel;
}

export interface PagerStyle {
  /** The pager text, printed where the next line would start. */
  prompt: string;
  /** Printed when the pager is answered, to erase the pager text. */
  eraser: string;
}

export interface LoginTexts {
  /** Printed before the first username/password prompt. */
  banner: string;
  usernamePrompt: string;
  passwordPrompt: string;
  /** Printed after refused credentials, before the prompt is asked again. */
  failure: string;
  /** Printed after a successful login, before the first prompt. */
  welcome: string;
}

/** A vendor's simulated CLI: data plus its behaviour. */
export interface Persona {
  dialect: DialectId;
  defaultHostname: string;
  login: LoginTexts;
  /**
   * What a console shows when idle (at start and after logout), ending in its wake-up line, e.g.
   * `Press RETURN to get started.` (DOMAIN.md §1 #1); null when the console goes straight to login.
   */
  consoleWakeUp(hostname: string): string | null;
  /** User name shown in prompts when the simulator runs without login (Junos prompts show one). */
  defaultUsername: string;
  pager: PagerStyle;
  /** Default lines per page before the paging-off command. */
  defaultPageLength: number;
  /**
   * The initial running (and startup) configuration, as `parseIndented` reads it. `ports` are
   * hardware sections the box has besides the persona's own (the ports a site sheet names:
   * `interface GigabitEthernet0/0/1`, `voice-port 0/1/0`), an interface with the vendor's
   * defaults for an unused port.
   */
  createDevice(hostname: string, ports?: readonly string[]): SimulatedDevice;
  behaviour: CliBehaviour;
}

/** What an exec command's handler gets: `words` have their keywords written out in full. */
export interface CommandContext {
  device: SimulatedDevice;
  connection: ConnectionState;
  words: readonly string[];
}

/** A string is plain (paged) output. */
export type CommandHandler = (context: CommandContext) => Reply | string;
