/**
 * Telnet option negotiation (RFC 854/855) with the "Q method" of RFC 1143, which keeps both
 * ends from looping on WILL/DO ping-pong. Pure logic: bytes go out through {@link NegotiatorHooks}.
 */

export const IAC = 255;
export const SE = 240;
export const SB = 250;
export const GA = 249;

export type TelnetVerb = 'WILL' | 'WONT' | 'DO' | 'DONT';

export const verbCodes: Readonly<Record<TelnetVerb, number>> = { WILL: 251, WONT: 252, DO: 253, DONT: 254 };

export const TelnetOption = {
  binary: 0,
  echo: 1,
  suppressGoAhead: 3,
  status: 5,
  timingMark: 6,
  terminalType: 24,
  windowSize: 31,
  terminalSpeed: 32,
  remoteFlowControl: 33,
  lineMode: 34,
  displayLocation: 35,
  oldEnvironment: 36,
  authentication: 37,
  encrypt: 38,
  newEnvironment: 39,
} as const;

const optionNames = new Map<number, string>([
  [0, 'BINARY'],
  [1, 'ECHO'],
  [3, 'SGA'],
  [5, 'STATUS'],
  [6, 'TIMING-MARK'],
  [24, 'TTYPE'],
  [31, 'NAWS'],
  [32, 'TSPEED'],
  [33, 'LFLOW'],
  [34, 'LINEMODE'],
  [35, 'XDISPLOC'],
  [36, 'OLD-ENVIRON'],
  [37, 'AUTHENTICATION'],
  [38, 'ENCRYPT'],
  [39, 'NEW-ENVIRON'],
]);

/** The name telnet clients print with `toggle options`, e.g. `TTYPE`; `OPTION 200` when unknown. */
export function optionName(option: number): string {
  return optionNames.get(option) ?? `OPTION ${option}`;
}

/**
 * Which end performs an option. `local`: this client performs it (the peer sends DO/DONT and we
 * answer WILL/WONT). `remote`: the device performs it (the peer sends WILL/WONT, we answer DO/DONT).
 */
export type OptionSide = 'local' | 'remote';

export interface NegotiatorHooks {
  /** Whether we agree that `side` performs `option`. Must not change during a connection. */
  accepts(side: OptionSide, option: number): boolean;
  send(verb: TelnetVerb, option: number): void;
  /** Called when an option becomes enabled (state YES) or stops being enabled. */
  changed?(side: OptionSide, option: number, enabled: boolean): void;
  log?(line: string): void;
}

/**
 * Answers allowed per option and side. A real device negotiates an option a handful of times
 * (ECHO toggles around each password prompt); a peer past this is looping, and the option freezes.
 */
export const maxAnswersPerOption = 50;

type QState = 'no' | 'yes' | 'wantNo' | 'wantYes';

interface OptionEntry {
  state: QState;
  /** RFC 1143 queue bit: the opposite of the pending request was asked for meanwhile. */
  opposite: boolean;
  answers: number;
  /** We refused this option once already; a repeated request is not answered again. */
  refused: boolean;
}

export class OptionNegotiator {
  private readonly entries = new Map<string, OptionEntry>();

  constructor(
    private readonly hooks: NegotiatorHooks,
    private readonly maxAnswers = maxAnswersPerOption,
  ) {}

  isEnabled(side: OptionSide, option: number): boolean {
    return this.entries.get(key(side, option))?.state === 'yes';
  }

  /**
   * Counts an answer that is not a WILL/WONT/DO/DONT (e.g. a subnegotiation reply) against the
   * option's budget. Returns false, and counts nothing, when the budget is spent.
   */
  spendAnswer(side: OptionSide, option: number): boolean {
    const entry = this.entry(side, option);
    if (entry.answers >= this.maxAnswers) return false;
    entry.answers += 1;
    return true;
  }

  /** Handles `IAC <verb> <option>` from the peer. */
  receive(verb: TelnetVerb, option: number): void {
    const side: OptionSide = verb === 'DO' || verb === 'DONT' ? 'local' : 'remote';
    const entry = this.entry(side, option);
    const heard = `RCVD ${verb} ${optionName(option)}`;
    if (entry.answers >= this.maxAnswers) {
      this.hooks.log?.(`${heard} (ignored: negotiated too often)`);
      return;
    }
    if (entry.state === 'no' && entry.refused && (verb === 'WILL' || verb === 'DO')) {
      this.hooks.log?.(`${heard} (already refused, not answered again)`);
      return;
    }
    this.hooks.log?.(heard);
    const wasEnabled = entry.state === 'yes';
    if (verb === 'WILL' || verb === 'DO') {
      this.peerEnables(side, option, entry);
    } else {
      this.peerDisables(side, option, entry);
    }
    this.notify(side, option, wasEnabled, entry);
  }

  /** Asks the peer to enable or disable an option on `side` (RFC 1143, "we want..." rules). */
  request(side: OptionSide, option: number, enable: boolean): void {
    const entry = this.entry(side, option);
    const wasEnabled = entry.state === 'yes';
    if (enable) {
      if (entry.state === 'no') {
        entry.state = 'wantYes';
        this.answer(side, option, entry, true);
      } else if (entry.state === 'wantNo') {
        entry.opposite = true;
      } else if (entry.state === 'wantYes') {
        entry.opposite = false;
      }
    } else if (entry.state === 'yes') {
      entry.state = 'wantNo';
      this.answer(side, option, entry, false);
    } else if (entry.state === 'wantNo') {
      entry.opposite = false;
    } else if (entry.state === 'wantYes') {
      entry.opposite = true;
    }
    this.notify(side, option, wasEnabled, entry);
  }

  private peerEnables(side: OptionSide, option: number, entry: OptionEntry): void {
    switch (entry.state) {
      case 'no':
        if (this.hooks.accepts(side, option)) {
          entry.state = 'yes';
          this.answer(side, option, entry, true);
        } else {
          entry.refused = true;
          this.answer(side, option, entry, false);
        }
        return;
      case 'yes':
        return;
      case 'wantNo':
        // The peer answered our disable with an enable: RFC 1143 takes it as it stands.
        entry.state = entry.opposite ? 'yes' : 'no';
        entry.opposite = false;
        return;
      case 'wantYes':
        if (entry.opposite) {
          entry.state = 'wantNo';
          entry.opposite = false;
          this.answer(side, option, entry, false);
        } else {
          entry.state = 'yes';
        }
        return;
    }
  }

  private peerDisables(side: OptionSide, option: number, entry: OptionEntry): void {
    switch (entry.state) {
      case 'no':
        return;
      case 'yes':
        entry.state = 'no';
        this.answer(side, option, entry, false);
        return;
      case 'wantNo':
        if (entry.opposite) {
          entry.state = 'wantYes';
          entry.opposite = false;
          this.answer(side, option, entry, true);
        } else {
          entry.state = 'no';
        }
        return;
      case 'wantYes':
        entry.state = 'no';
        entry.opposite = false;
        return;
    }
  }

  private answer(side: OptionSide, option: number, entry: OptionEntry, enable: boolean): void {
    const verb: TelnetVerb = side === 'local' ? (enable ? 'WILL' : 'WONT') : enable ? 'DO' : 'DONT';
    entry.answers += 1;
    this.hooks.log?.(`SENT ${verb} ${optionName(option)}`);
    this.hooks.send(verb, option);
  }

  private notify(side: OptionSide, option: number, wasEnabled: boolean, entry: OptionEntry): void {
    const enabled = entry.state === 'yes';
    if (enabled !== wasEnabled) this.hooks.changed?.(side, option, enabled);
  }

  private entry(side: OptionSide, option: number): OptionEntry {
    const id = key(side, option);
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { state: 'no', opposite: false, answers: 0, refused: false };
      this.entries.set(id, entry);
    }
    return entry;
  }
}

function key(side: OptionSide, option: number): string {
  return `${side}:${option}`;
}
