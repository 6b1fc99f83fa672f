import { createConnection, type Socket } from 'node:net';

const iac = 255;
const subnegotiationBegin = 250;
const subnegotiationEnd = 240;
const will = 251;
const wont = 252;
const doOption = 253;
const dont = 254;
const echoOption = 1;
const suppressGoAheadOption = 3;

/**
 * A minimal Telnet client for tests that check a peer, not for product code: it accepts the
 * server's ECHO and SUPPRESS-GO-AHEAD, refuses every other option, drops subnegotiations and
 * keeps the text. Chunk boundaries inside commands are handled.
 */
export interface TelnetProbe {
  /** All text received so far, Telnet commands removed. */
  text(): string;
  /** Resolves the text received so far once pattern matches text received after `from` (default: all). */
  waitFor(pattern: RegExp, options?: { timeoutMilliseconds?: number; from?: number }): Promise<string>;
  send(text: string): void;
  /** Telnet commands received, as [command, option] pairs (e.g. [251, 1] = WILL ECHO). */
  commands(): Array<[number, number]>;
  close(): void;
}

export function connectTelnetProbe(port: number): Promise<TelnetProbe> {
  return new Promise((resolve, reject) => {
    const socket: Socket = createConnection({ host: '127.0.0.1', port });
    const received: number[] = [];
    const commands: Array<[number, number]> = [];
    const listeners = new Set<() => void>();
    let state: 'data' | 'command' | 'option' | 'subnegotiation' | 'subnegotiationCommand' = 'data';
    let pendingCommand = 0;

    const answer = (command: number, option: number): void => {
      commands.push([command, option]);
      const wanted = option === echoOption || option === suppressGoAheadOption;
      if (command === will) socket.write(Buffer.from([iac, wanted ? doOption : dont, option]));
      if (command === doOption) socket.write(Buffer.from([iac, wont, option]));
    };
    const consume = (byte: number): void => {
      switch (state) {
        case 'data':
          if (byte === iac) state = 'command';
          else received.push(byte);
          return;
        case 'command':
          if (byte === iac) {
            received.push(iac);
            state = 'data';
          } else if (byte >= will && byte <= dont) {
            pendingCommand = byte;
            state = 'option';
          } else {
            state = byte === subnegotiationBegin ? 'subnegotiation' : 'data';
          }
          return;
        case 'option':
          answer(pendingCommand, byte);
          state = 'data';
          return;
        case 'subnegotiation':
          if (byte === iac) state = 'subnegotiationCommand';
          return;
        case 'subnegotiationCommand':
          state = byte === subnegotiationEnd ? 'data' : 'subnegotiation';
          return;
      }
    };

    socket.on('data', (chunk: Buffer) => {
      for (const byte of chunk) consume(byte);
      for (const listener of listeners) listener();
    });
    socket.on('error', reject); // after connect a no-op: the probe then just stops receiving.
    socket.once('connect', () => {
      const text = (): string => Buffer.from(received).toString('utf8');
      resolve({
        text,
        commands: () => [...commands],
        send: (value) => socket.write(value),
        close: () => socket.destroy(),
        waitFor: (pattern, options = {}) =>
          new Promise((resolveWait, rejectWait) => {
            const timeout = options.timeoutMilliseconds ?? 20_000;
            const check = (): void => {
              if (!pattern.test(text().slice(options.from ?? 0))) return;
              clearTimeout(timer);
              listeners.delete(check);
              resolveWait(text());
            };
            const timer = setTimeout(() => {
              listeners.delete(check);
              rejectWait(new Error(`no ${String(pattern)} within ${timeout} ms; received: ${JSON.stringify(text().slice(-300))}`));
            }, timeout);
            listeners.add(check);
            check();
          }),
      });
    });
  });
}
