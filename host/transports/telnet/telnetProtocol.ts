import { TelnetInput } from 'telnet-stream';
import { FieldKitError } from '../../../shared/contract';
import { GA, IAC, OptionNegotiator, SB, SE, TelnetOption, optionName, verbCodes, type OptionSide } from './telnetOptions';

/** Longest subnegotiation kept; the bytes past it are dropped and that subnegotiation is ignored. */
export const maxSubnegotiationBytes = 4096;

const carriageReturn = 0x0d;
const nul = 0x00;
const ttypeIs = 0;
const ttypeSend = 1;

export interface TelnetProtocolOptions {
  /** Sent in reply to `SB TTYPE SEND` (RFC 1091): 1 to 40 printable ASCII characters. */
  terminalType: string;
  /** Window size reported through NAWS (RFC 1073); 0 means "not specified". */
  columns: number;
  rows: number;
  /** Writes protocol bytes (answers, subnegotiations) to the peer, in call order. */
  send(bytes: Uint8Array): void;
  /** Payload bytes, IAC sequences removed, IAC IAC turned into 0xFF, CR NUL into CR. */
  deliver(bytes: Uint8Array): void;
  /** Negotiation events as `RCVD DO TTYPE` / `SENT WILL TTYPE` lines (debugging, transcripts). */
  log?(line: string): void;
}

/**
 * Which options we take part in. The client performs SGA, NAWS and TTYPE; the device may echo
 * and suppress go-ahead. BINARY is refused both ways: every CLI works in NVT mode, 8-bit bytes
 * pass through unchanged anyway (charsets are decoded above the transport), and refusing keeps
 * the CR NUL rule of RFC 854 valid for every byte we receive. Everything else is refused; that
 * is what lets inetutils telnetd go on to its login prompt (peers/transcripts/tcp-first-bytes.txt).
 */
const acceptedLocal: ReadonlySet<number> = new Set([TelnetOption.suppressGoAhead, TelnetOption.windowSize, TelnetOption.terminalType]);
const acceptedRemote: ReadonlySet<number> = new Set([TelnetOption.echo, TelnetOption.suppressGoAhead]);

/**
 * The byte-level Telnet client for one connection: feed it what the socket receives; it answers
 * negotiations through `send` and hands the payload to `deliver`. telnet-stream's TelnetInput
 * splits IAC sequences (also across chunks); it is driven by hand rather than through
 * TelnetSocket, because TelnetSocket pipes the socket into the parser, and Node's pipe unpipes
 * and pauses the socket when the parser emits 'error', which it does for a malformed or
 * oversized subnegotiation: the session would hang (or, with no listener, crash the process).
 */
export class TelnetProtocol {
  private readonly parser = new TelnetInput({ bufferSize: maxSubnegotiationBytes, errorPolicy: 'keepBoth' });
  private readonly negotiator: OptionNegotiator;
  private columns: number;
  private rows: number;
  private afterCarriageReturn = false;
  private subnegotiationOverflowed = false;

  constructor(private readonly options: TelnetProtocolOptions) {
    assertTerminalType(options.terminalType);
    this.columns = windowDimension(options.columns, 'columns');
    this.rows = windowDimension(options.rows, 'rows');
    this.negotiator = new OptionNegotiator({
      accepts: (side, option) => (side === 'local' ? acceptedLocal : acceptedRemote).has(option),
      send: (verb, option) => options.send(Uint8Array.of(IAC, verbCodes[verb], option)),
      changed: (side, option, enabled) => this.optionChanged(side, option, enabled),
      log: options.log,
    });
    for (const verb of ['WILL', 'WONT', 'DO', 'DONT'] as const) {
      this.parser.on(verb.toLowerCase(), (option: number) => this.negotiator.receive(verb, option));
    }
    this.parser.on('sub', (option: number, payload: Buffer) => this.subnegotiation(option, payload));
    this.parser.on('command', (command: number) => {
      if (command !== GA) this.options.log?.(`RCVD IAC ${command}`);
    });
    // The parser reports "subnegotiation buffer overflow" and "expected IAC or SE" as events,
    // not as failures of the stream: only the overflow changes what we do.
    this.parser.on('error', (error: Error) => {
      if (error.message.includes('overflow')) this.subnegotiationOverflowed = true;
    });
  }

  isEnabled(side: OptionSide, option: number): boolean {
    return this.negotiator.isEnabled(side, option);
  }

  /** Processes bytes from the peer synchronously: answers first, then the chunk's payload. */
  receive(chunk: Uint8Array): void {
    this.parser.write(chunk);
    let decoded: Buffer | null;
    while ((decoded = this.parser.read() as Buffer | null) !== null) {
      const payload = this.dropNulAfterCarriageReturn(decoded);
      if (payload.length > 0) this.options.deliver(payload);
    }
  }

  /** Payload to send: every 0xFF doubled so the peer does not read it as IAC. */
  encode(data: Uint8Array): Uint8Array {
    return escapeIac(data);
  }

  /** Records the size and, when NAWS is on, tells the peer at once. */
  resize(columns: number, rows: number): void {
    this.columns = windowDimension(columns, 'columns');
    this.rows = windowDimension(rows, 'rows');
    if (this.negotiator.isEnabled('local', TelnetOption.windowSize)) this.sendWindowSize();
  }

  private optionChanged(side: OptionSide, option: number, enabled: boolean): void {
    if (side === 'local' && option === TelnetOption.windowSize && enabled) this.sendWindowSize();
  }

  private subnegotiation(option: number, payload: Buffer): void {
    const heard = `RCVD SB ${optionName(option)}`;
    if (this.subnegotiationOverflowed) {
      this.subnegotiationOverflowed = false;
      this.options.log?.(`${heard} (longer than ${maxSubnegotiationBytes} bytes, ignored)`);
      return;
    }
    const isTerminalTypeSend = option === TelnetOption.terminalType && payload.length === 1 && payload[0] === ttypeSend;
    if (!isTerminalTypeSend) {
      this.options.log?.(`${heard} (${payload.length} bytes, ignored)`);
    } else if (!this.negotiator.isEnabled('local', TelnetOption.terminalType)) {
      this.options.log?.(`${heard} SEND (ignored: TTYPE was not agreed)`);
    } else if (!this.negotiator.spendAnswer('local', TelnetOption.terminalType)) {
      this.options.log?.(`${heard} SEND (ignored: asked too often)`);
    } else {
      this.options.log?.(`${heard} SEND`);
      this.options.log?.(`SENT SB TTYPE IS ${this.options.terminalType}`);
      const name = new TextEncoder().encode(this.options.terminalType);
      this.options.send(subnegotiationBytes(TelnetOption.terminalType, Uint8Array.of(ttypeIs, ...name)));
    }
  }

  private sendWindowSize(): void {
    const size = Uint8Array.of(this.columns >> 8, this.columns & 0xff, this.rows >> 8, this.rows & 0xff);
    this.options.log?.(`SENT SB NAWS ${this.columns} ${this.rows}`);
    this.options.send(subnegotiationBytes(TelnetOption.windowSize, size));
  }

  /** RFC 854: a bare CR travels as CR NUL; the NUL may arrive in the next chunk. */
  private dropNulAfterCarriageReturn(bytes: Buffer): Uint8Array {
    if (!this.afterCarriageReturn && !bytes.includes(carriageReturn)) return bytes;
    const kept = new Uint8Array(bytes.length);
    let length = 0;
    for (const byte of bytes) {
      const skip = byte === nul && this.afterCarriageReturn;
      this.afterCarriageReturn = byte === carriageReturn;
      if (!skip) kept[length++] = byte;
    }
    return kept.subarray(0, length);
  }
}

export function escapeIac(data: Uint8Array): Uint8Array {
  if (!data.includes(IAC)) return data;
  const escaped: number[] = [];
  for (const byte of data) {
    escaped.push(byte);
    if (byte === IAC) escaped.push(IAC);
  }
  return Uint8Array.from(escaped);
}

export function subnegotiationBytes(option: number, payload: Uint8Array): Uint8Array {
  return Uint8Array.of(IAC, SB, option, ...escapeIac(payload), IAC, SE);
}

function windowDimension(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff) {
    throw new FieldKitError('InvalidRequest', `telnet window ${name} must be a whole number from 0 to 65535, got ${value}`);
  }
  return value;
}

function assertTerminalType(terminalType: string): void {
  if (!/^[\x21-\x7e]{1,40}$/.test(terminalType)) {
    throw new FieldKitError('InvalidRequest', `telnet terminal type must be 1 to 40 printable ASCII characters, got "${terminalType}"`);
  }
}
