import { afterEach, describe, expect, it } from 'vitest';
import { maxAnswersPerOption } from './telnetOptions';
import { TelnetTransport, type TelnetTransportOptions } from './telnetTransport';
import { endsWith, startLoopbackPeer, type LoopbackPeer, type PeerConnection } from '../testing/loopbackPeer';

const IAC = 255;
const [SE, SB, WILL, WONT, DO, DONT] = [240, 250, 251, 252, 253, 254];

function bytes(...parts: (string | number[] | Uint8Array)[]): Buffer {
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Uint8Array.from(part))));
}

let peer: LoopbackPeer | undefined;
let transport: TelnetTransport | undefined;

afterEach(async () => {
  await transport?.close();
  await peer?.close();
  transport = undefined;
  peer = undefined;
});

async function connect(serve: (connection: PeerConnection) => Promise<void>, options: Partial<TelnetTransportOptions> = {}) {
  peer = await startLoopbackPeer(serve);
  const received: Buffer[] = [];
  const log: string[] = [];
  const client = new TelnetTransport({ host: '127.0.0.1', port: peer.port, connectTimeoutMs: 10_000, onNegotiation: (line) => log.push(line), ...options });
  transport = client;
  let notify: () => void = () => undefined;
  client.onData((chunk) => {
    received.push(Buffer.from(chunk));
    notify();
  });
  /** Resolves once the payload received so far ends with `tail`. */
  const dataEndingWith = (tail: string) =>
    new Promise<string>((resolve) => {
      const check = (): void => {
        const text = Buffer.concat(received).toString('latin1');
        if (text.endsWith(tail)) resolve(text);
      };
      notify = check;
      check();
    });
  await client.open();
  const connection = await peer.nextConnection();
  return { client, connection, log, dataEndingWith };
}

// peers/transcripts/tcp-first-bytes.txt and telnet-negotiation-frr-vty.txt
const frrBanner = '\r\nHello, this is FRRouting (version 8.4.4).\r\nCopyright 1996-2005 Kunihiro Ishiguro, et al.\r\n\r\n\r\nUser Access Verification\r\n\r\n';
const frrOpening = bytes(frrBanner, [IAC, WILL, 1, IAC, WILL, 3, IAC, DONT, 34, IAC, DO, 31], 'Password: ');
const frrAnswer = bytes([IAC, DO, 1, IAC, DO, 3, IAC, WILL, 31, IAC, SB, 31, 0, 200, 0, 24, IAC, SE]);

// peers/transcripts/telnet-negotiation-telnetd.txt: telnetd waits for the answers to each step.
const telnetdOpening = bytes([IAC, WILL, 37, IAC, WILL, 38, IAC, DO, 24, IAC, DO, 32, IAC, DO, 35, IAC, DO, 39, IAC, DO, 36]);
const telnetdAnswer = bytes([IAC, DONT, 37, IAC, DONT, 38, IAC, WILL, 24, IAC, WONT, 32, IAC, WONT, 35, IAC, WONT, 39, IAC, WONT, 36]);
const terminalTypeSend = bytes([IAC, SB, 24, 1, IAC, SE]);
const terminalTypeIs = bytes([IAC, SB, 24, 0], 'VT100', [IAC, SE]);
const telnetdSecondRound = bytes([IAC, WILL, 3, IAC, DO, 1, IAC, DO, 34, IAC, DO, 31, IAC, WILL, 5, IAC, DO, 33, IAC, WILL, 1, IAC, DO, 0]);
const secondRoundAnswer = bytes(
  [IAC, DO, 3, IAC, WONT, 1, IAC, WONT, 34, IAC, WILL, 31, IAC, SB, 31, 0, 200, 0, 24, IAC, SE],
  [IAC, DONT, 5, IAC, WONT, 33, IAC, DO, 1, IAC, WONT, 0],
);

describe('TelnetTransport against scripted peers on 127.0.0.1', () => {
  it('answers FRR VTY with the exact bytes, shows its prompt, and escapes 0xFF when writing', async () => {
    const { client, connection, dataEndingWith } = await connect(async ({ socket }) => {
      socket.write(frrOpening);
    });
    expect(await dataEndingWith('Password: ')).toBe(frrBanner + 'Password: ');
    await client.write(bytes('pass', [0xff], '\n'));
    const received = await connection.readUntil(endsWith('\n'));
    expect(received).toEqual(bytes(frrAnswer, 'pass', [0xff, 0xff], '\n'));
  });

  it('gets inetutils telnetd past its negotiation to the login prompt', async () => {
    const { client, connection, log, dataEndingWith } = await connect(async (connection) => {
      connection.socket.write(telnetdOpening);
      await connection.readUntil((received) => received.length >= telnetdAnswer.length);
      connection.socket.write(terminalTypeSend);
      await connection.readUntil(endsWith(terminalTypeIs));
      connection.socket.write(bytes(telnetdSecondRound, '\r\n\r', [0], 'r1 login: '));
    });
    expect(await dataEndingWith('login: ')).toBe('\r\n\rr1 login: ');
    await client.write(bytes('END'));
    const received = await connection.readUntil(endsWith('END'));
    expect(received).toEqual(bytes(telnetdAnswer, terminalTypeIs, secondRoundAnswer, 'END'));
    expect(log.slice(0, 4)).toEqual(['RCVD WILL AUTHENTICATION', 'SENT DONT AUTHENTICATION', 'RCVD WILL ENCRYPT', 'SENT DONT ENCRYPT']);
    expect(log).toContain('SENT SB TTYPE IS VT100');
  });

  it('sends a new window size on resize once the device asked for NAWS', async () => {
    const { client, connection, dataEndingWith } = await connect(async ({ socket }) => {
      socket.write(frrOpening);
    });
    await dataEndingWith('Password: ');
    client.resize(132, 43);
    await client.write(bytes('END'));
    const received = await connection.readUntil(endsWith('END'));
    expect(received).toEqual(bytes(frrAnswer, [IAC, SB, 31, 0, 132, 0, 43, IAC, SE], 'END'));
  });

  it('stops answering a peer that turns ECHO off each time we agree to it, and stays usable', async () => {
    let loopDetected: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (loopDetected = resolve));
    const { client, connection, dataEndingWith } = await connect(
      async (connection) => {
        const { socket } = connection;
        let answered = 0;
        socket.on('data', () => {
          // The client's answers are 3-byte commands; TCP may join or split them.
          const received = connection.received();
          for (; answered + 3 <= received.length; answered += 3) {
            if (received[answered + 1] === DO) socket.write(bytes([IAC, WONT, 1]));
            if (received[answered + 1] === DONT) socket.write(bytes([IAC, WILL, 1]));
          }
        });
        socket.write(bytes([IAC, WILL, 1]));
      },
      {
        onNegotiation: (line) => {
          if (line.includes('negotiated too often')) loopDetected();
        },
      },
    );
    await stopped;
    await client.write(bytes('END'));
    const received = await connection.readUntil(endsWith('END'));
    const answers = received.subarray(0, received.length - 3);
    expect(answers.length).toBe(maxAnswersPerOption * 3);
    connection.socket.write('still here');
    expect(await dataEndingWith('still here')).toBe('still here');
    expect(client.isOpen).toBe(true);
  });
});

describe('unsolicited commands', () => {
  // FRR's VTY reads every IAC command as three bytes: a two-byte IAC NOP sent to speed up the
  // ACK of an echo swallowed the first character of the password that followed. So we send
  // nothing the peer did not ask for.
  it('sends nothing but answers to what the peer negotiated', async () => {
    const { connection, dataEndingWith } = await connect(async (peerConnection) => {
      peerConnection.socket.write(frrOpening);
    });
    await dataEndingWith('Password: ');
    await connection.readUntil(endsWith(frrAnswer));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(connection.receivedRaw()).toEqual(frrAnswer);
  });

  it('sends nothing at all to a peer that never negotiates (a raw TCP console)', async () => {
    const { connection, dataEndingWith } = await connect(async (peerConnection) => {
      peerConnection.socket.write('\r\nr1# ');
    });
    await dataEndingWith('r1# ');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(connection.receivedRaw()).toEqual(Buffer.alloc(0));
  });
});
