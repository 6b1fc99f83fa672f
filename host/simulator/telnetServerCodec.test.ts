import { describe, expect, it } from 'vitest';
import { TelnetServerCodec } from './telnetServerCodec';

function codec() {
  const sent: number[][] = [];
  const echo: boolean[] = [];
  const instance = new TelnetServerCodec({ send: (bytes) => sent.push([...bytes]), echoChanged: (value) => echo.push(value) });
  return { instance, sent, echo };
}

describe('TelnetServerCodec', () => {
  it('offers WILL ECHO and WILL SGA first', () => {
    expect([...codec().instance.greeting()]).toEqual([255, 251, 1, 255, 251, 3]);
  });

  it('takes the client agreeing as is and refuses other options once', () => {
    const { instance, sent } = codec();
    expect(instance.receive(Uint8Array.of(255, 253, 1, 255, 253, 3))).toBe('');
    expect(sent).toEqual([]);
    instance.receive(Uint8Array.of(255, 251, 31, 255, 253, 24, 255, 251, 31));
    expect(sent).toEqual([
      [255, 254, 31],
      [255, 252, 24],
    ]);
  });

  it('stops echoing when the client says DONT ECHO', () => {
    const { instance, sent, echo } = codec();
    instance.receive(Uint8Array.of(255, 254, 1));
    expect(sent).toEqual([[255, 252, 1]]);
    expect(echo).toEqual([false]);
  });

  it('strips commands and subnegotiations split across chunks and keeps IAC IAC as 0xFF', () => {
    const { instance } = codec();
    const text = instance.receive(Uint8Array.of(0x61, 255)) + instance.receive(Uint8Array.of(250, 31, 0, 80, 255)) + instance.receive(Uint8Array.of(240, 0x62));
    expect(text).toBe('ab');
    expect([...new TextEncoder().encode(instance.receive(Uint8Array.of(255, 255)))]).toEqual([0xef, 0xbf, 0xbd]);
  });

  it('sends a bare CR as CR NUL and doubles 0xFF', () => {
    const { instance } = codec();
    expect([...instance.encode('a\r\nb\rc')]).toEqual([0x61, 13, 10, 0x62, 13, 0, 0x63]);
  });
});
