import { describe, expect, it } from 'vitest';
import { FieldKitError } from '../../../shared/contract';
import { TelnetProtocol, maxSubnegotiationBytes, type TelnetProtocolOptions } from './telnetProtocol';
import { maxAnswersPerOption } from './telnetOptions';

const IAC = 255;
const [SE, NOP, GA, SB, WILL, WONT, DO, DONT] = [240, 241, 249, 250, 251, 252, 253, 254];

function bytes(...parts: (string | number[] | Uint8Array)[]): Buffer {
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Uint8Array.from(part))));
}

function client(overrides: Partial<TelnetProtocolOptions> = {}) {
  const sent: Buffer[] = [];
  const received: Buffer[] = [];
  const log: string[] = [];
  const protocol = new TelnetProtocol({
    terminalType: 'VT100',
    columns: 200,
    rows: 24,
    send: (chunk) => sent.push(Buffer.from(chunk)),
    deliver: (chunk) => received.push(Buffer.from(chunk)),
    log: (line) => log.push(line),
    ...overrides,
  });
  return {
    protocol,
    log,
    sent: () => Buffer.concat(sent),
    received: () => Buffer.concat(received),
  };
}

// peers/transcripts/tcp-first-bytes.txt: what FRR's zebra VTY sends before any answer.
const frrOpening = bytes(
  '\r\nHello, this is FRRouting (version 8.4.4).\r\nCopyright 1996-2005 Kunihiro Ishiguro, et al.\r\n\r\n\r\nUser Access Verification\r\n\r\n',
  [IAC, WILL, 1, IAC, WILL, 3, IAC, DONT, 34, IAC, DO, 31],
  'Password: ',
);
const frrAnswer = bytes([IAC, DO, 1, IAC, DO, 3, IAC, WILL, 31, IAC, SB, 31, 0, 200, 0, 24, IAC, SE]);

// The same transcript: inetutils telnetd's opening, then its answers once the client replied.
const telnetdOpening = bytes([IAC, WILL, 37, IAC, WILL, 38, IAC, DO, 24, IAC, DO, 32, IAC, DO, 35, IAC, DO, 39, IAC, DO, 36]);
const telnetdAnswer = bytes([IAC, DONT, 37, IAC, DONT, 38, IAC, WILL, 24, IAC, WONT, 32, IAC, WONT, 35, IAC, WONT, 39, IAC, WONT, 36]);

/** One stream with every kind of sequence the client meets, and what it must produce. */
const mixedStream = bytes(
  frrOpening,
  [IAC, DO, 24, IAC, SB, 24, 1, IAC, SE],
  'a',
  [IAC, IAC],
  'b\r',
  [0],
  'c\r\n',
  [IAC, NOP, IAC, GA],
  [IAC, SB, 39, 1, 0, 0x55, 0x53, 0x45, 0x52, IAC, SE],
  [IAC, WILL, 37],
  'end\r',
  [0],
);
const mixedPayload = bytes(frrOpening.subarray(0, frrOpening.indexOf(IAC)), 'Password: a', [0xff], 'b\rc\r\nend\r');
const mixedAnswer = bytes(frrAnswer, [IAC, WILL, 24, IAC, SB, 24, 0], 'VT100', [IAC, SE, IAC, DONT, 37]);

describe('TelnetProtocol, well-behaved peers', () => {
  it('answers FRR VTY negotiation with the exact bytes and delivers the banner and prompt', () => {
    const { protocol, sent, received, log } = client();
    protocol.receive(frrOpening);
    expect(sent()).toEqual(frrAnswer);
    expect(received().toString('latin1')).toBe(frrOpening.subarray(0, frrOpening.indexOf(IAC)).toString('latin1') + 'Password: ');
    expect(log).toEqual([
      'RCVD WILL ECHO',
      'SENT DO ECHO',
      'RCVD WILL SGA',
      'SENT DO SGA',
      'RCVD DONT LINEMODE',
      'RCVD DO NAWS',
      'SENT WILL NAWS',
      'SENT SB NAWS 200 24',
    ]);
  });

  it('refuses everything inetutils telnetd opens with except TTYPE', () => {
    const { protocol, sent } = client();
    protocol.receive(telnetdOpening);
    expect(sent()).toEqual(telnetdAnswer);
  });

  it('produces the same payload and answers however the stream is split in two', () => {
    for (let split = 0; split <= mixedStream.length; split += 1) {
      const { protocol, sent, received } = client();
      protocol.receive(mixedStream.subarray(0, split));
      protocol.receive(mixedStream.subarray(split));
      expect({ split, payload: received(), answer: sent() }).toEqual({ split, payload: mixedPayload, answer: mixedAnswer });
    }
  });

  it('produces the same payload and answers when the stream arrives one byte at a time', () => {
    const { protocol, sent, received } = client();
    for (const byte of mixedStream) protocol.receive(Uint8Array.of(byte));
    expect(received()).toEqual(mixedPayload);
    expect(sent()).toEqual(mixedAnswer);
  });

  it('keeps NUL bytes that do not follow a CR', () => {
    const { protocol, received } = client();
    protocol.receive(bytes('x', [0], '\r', [IAC, NOP], [0], 'y'));
    expect(received()).toEqual(bytes('x', [0], '\ry'));
  });

  it('does not answer SB TTYPE SEND unless TTYPE was agreed', () => {
    const { protocol, sent, log } = client();
    protocol.receive(bytes([IAC, SB, 24, 1, IAC, SE]));
    expect(sent()).toHaveLength(0);
    expect(log).toContain('RCVD SB TTYPE SEND (ignored: TTYPE was not agreed)');
  });

  it('sends the configured terminal type', () => {
    const { protocol, sent } = client({ terminalType: 'XTERM' });
    protocol.receive(bytes([IAC, DO, 24, IAC, SB, 24, 1, IAC, SE]));
    expect(sent()).toEqual(bytes([IAC, WILL, 24, IAC, SB, 24, 0], 'XTERM', [IAC, SE]));
  });

  it('keeps a resize until NAWS is agreed, then reports every new size, escaping 255', () => {
    const { protocol, sent } = client();
    protocol.resize(255, 65535);
    expect(sent()).toHaveLength(0);
    protocol.receive(bytes([IAC, DO, 31]));
    protocol.resize(80, 0);
    expect(sent()).toEqual(bytes([IAC, WILL, 31, IAC, SB, 31, 0, 255, 255, 255, 255, 255, 255, IAC, SE], [IAC, SB, 31, 0, 80, 0, 0, IAC, SE]));
  });

  it('escapes 0xFF in payload it sends', () => {
    expect(Buffer.from(client().protocol.encode(bytes('a', [0xff], 'b')))).toEqual(bytes('a', [0xff, 0xff], 'b'));
  });

  it('rejects settings a peer could not be sent', () => {
    expect(() => client({ terminalType: 'VT 100' })).toThrow(FieldKitError);
    expect(() => client({ columns: 70000 })).toThrow(/columns/);
    expect(() => client().protocol.resize(-1, 24)).toThrow(/columns/);
  });
});

describe('TelnetProtocol, broken negotiation', () => {
  it('ignores a subnegotiation longer than the cap and carries on with the data after it', () => {
    const { protocol, sent, received, log } = client();
    protocol.receive(bytes([IAC, DO, 24]));
    protocol.receive(bytes([IAC, SB, 24, 1], 'x'.repeat(1024 * 1024), [IAC, SE], 'after'));
    expect(received().toString()).toBe('after');
    expect(sent()).toEqual(bytes([IAC, WILL, 24]));
    expect(log).toContain(`RCVD SB TTYPE (longer than ${maxSubnegotiationBytes} bytes, ignored)`);
  });

  it('swallows an unterminated subnegotiation without answering, until its end arrives', () => {
    const { protocol, sent, received } = client();
    protocol.receive(bytes([IAC, DO, 24, IAC, SB, 24, 1]));
    for (let chunk = 0; chunk < 64; chunk += 1) protocol.receive(Buffer.alloc(4096, 0x41));
    expect(received()).toHaveLength(0);
    protocol.receive(bytes([IAC, SE], 'after'));
    expect(received().toString()).toBe('after');
    expect(sent()).toEqual(bytes([IAC, WILL, 24]));
  });

  it('keeps reading after a command inside a subnegotiation (a parser error event)', () => {
    const { protocol, received } = client();
    protocol.receive(bytes([IAC, SB, 24, 1, IAC, WILL, 1, IAC, SE], 'after'));
    protocol.receive(bytes('more'));
    expect(received().toString()).toBe('aftermore');
  });

  it('answers a peer that repeats a refused option only once', () => {
    const { protocol, sent } = client();
    const repeated = Buffer.concat(Array.from({ length: 1000 }, () => bytes([IAC, WILL, 200, IAC, DO, 200])));
    protocol.receive(bytes(repeated, 'ok'));
    expect(sent()).toEqual(bytes([IAC, DONT, 200, IAC, WONT, 200]));
  });

  it('stops answering a peer that toggles an accepted option forever', () => {
    const { protocol, sent, received } = client();
    const toggles = Buffer.concat(Array.from({ length: 1000 }, () => bytes([IAC, WILL, 1, IAC, WONT, 1])));
    protocol.receive(bytes(toggles, 'ok'));
    expect(sent()).toHaveLength(maxAnswersPerOption * 3);
    expect(received().toString()).toBe('ok');
  });

  it('survives random bytes rich in IAC sequences and reads a marker after them', () => {
    let seed = 0x2545f491;
    const random = (): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 0x1_0000_0000;
    };
    const { protocol, sent, received } = client();
    for (let chunk = 0; chunk < 256; chunk += 1) {
      const garbage = Buffer.alloc(1 + Math.floor(random() * 2048));
      for (let index = 0; index < garbage.length; index += 1) {
        const roll = random();
        garbage[index] = roll < 0.3 ? IAC : roll < 0.6 ? 240 + Math.floor(random() * 16) : Math.floor(random() * 256);
      }
      protocol.receive(garbage);
    }
    // Whatever state the parser is in, two IAC SE pairs bring it back to plain data.
    protocol.receive(bytes([IAC, SE, IAC, SE], 'MARK'));
    expect(received().toString('latin1').endsWith('MARK')).toBe(true);
    // At most every option on both sides answered up to its budget, plus NAWS/TTYPE replies.
    expect(sent().length).toBeLessThanOrEqual(256 * 2 * maxAnswersPerOption * 3 + 2 * maxAnswersPerOption * 16);
  });
});
