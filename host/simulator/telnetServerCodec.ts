/**
 * The device side of Telnet (RFC 854/857/858), as small as a CLI needs: the server offers
 * WILL ECHO and WILL SGA (what FRR's VTY sends, peers/transcripts/tcp-first-bytes.txt), agrees to
 * a client turning them off, and refuses every other option once. Subnegotiations are skipped.
 */

const IAC = 255;
const DONT = 254;
const DO = 253;
const WONT = 252;
const WILL = 251;
const SB = 250;
const SE = 240;
const ECHO = 1;
const SGA = 3;
const CR = 0x0d;
const LF = 0x0a;
const NUL = 0x00;

type State = 'data' | 'iac' | 'verb' | 'subnegotiation' | 'subnegotiationIac';

export interface ServerCodecHooks {
  /** Protocol bytes for the client (answers to its requests). */
  send(bytes: Uint8Array): void;
  /** The client agreed (true) or refused (false) that the server echoes. */
  echoChanged(echoing: boolean): void;
}

export class TelnetServerCodec {
  private state: State = 'data';
  private verb = 0;
  private readonly decoder = new TextDecoder('utf-8');
  private readonly offered = new Set<number>([ECHO, SGA]);
  private readonly refused = new Set<string>();

  constructor(private readonly hooks: ServerCodecHooks) {}

  /** What the server sends first: IAC WILL ECHO, IAC WILL SGA. */
  greeting(): Uint8Array {
    return Uint8Array.of(IAC, WILL, ECHO, IAC, WILL, SGA);
  }

  /** Client bytes in; the typed text out (IAC sequences removed, IAC IAC kept as 0xFF). */
  receive(chunk: Uint8Array): string {
    const payload: number[] = [];
    for (const byte of chunk) {
      switch (this.state) {
        case 'data':
          if (byte === IAC) this.state = 'iac';
          else payload.push(byte);
          break;
        case 'iac':
          if (byte === IAC) {
            payload.push(IAC);
            this.state = 'data';
          } else if (byte >= WILL && byte <= DONT) {
            this.verb = byte;
            this.state = 'verb';
          } else {
            this.state = byte === SB ? 'subnegotiation' : 'data';
          }
          break;
        case 'verb':
          this.negotiate(this.verb, byte);
          this.state = 'data';
          break;
        case 'subnegotiation':
          if (byte === IAC) this.state = 'subnegotiationIac';
          break;
        case 'subnegotiationIac':
          this.state = byte === SE ? 'data' : 'subnegotiation';
          break;
      }
    }
    return this.decoder.decode(Uint8Array.from(payload), { stream: true });
  }

  /** Device text out: UTF-8, 0xFF doubled, a bare CR sent as CR NUL (RFC 854). */
  encode(text: string): Uint8Array {
    const bytes = new TextEncoder().encode(text);
    const encoded: number[] = [];
    bytes.forEach((byte, index) => {
      encoded.push(byte);
      if (byte === IAC) encoded.push(IAC);
      if (byte === CR && bytes[index + 1] !== LF) encoded.push(NUL);
    });
    return Uint8Array.from(encoded);
  }

  private negotiate(verb: number, option: number): void {
    const ours = option === ECHO || option === SGA;
    if (verb === DO && !ours) this.refuseOnce(WONT, option);
    else if (verb === WILL) this.refuseOnce(DONT, option);
    else if (verb === DO && !this.offered.has(option)) {
      this.offered.add(option);
      this.hooks.send(Uint8Array.of(IAC, WILL, option));
      if (option === ECHO) this.hooks.echoChanged(true);
    } else if (verb === DONT && this.offered.has(option)) {
      this.offered.delete(option);
      this.hooks.send(Uint8Array.of(IAC, WONT, option));
      if (option === ECHO) this.hooks.echoChanged(false);
    }
  }

  /** One refusal per option and verb: a peer that keeps asking gets no reply loop. */
  private refuseOnce(verb: number, option: number): void {
    const key = `${verb}:${option}`;
    if (this.refused.has(key)) return;
    this.refused.add(key);
    this.hooks.send(Uint8Array.of(IAC, verb, option));
  }
}
