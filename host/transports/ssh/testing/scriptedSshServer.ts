import type { AddressInfo } from 'node:net';
import ssh2, { type Connection, type ServerChannel } from 'ssh2';

const { Server, utils } = ssh2;
import { fingerprintOf } from '../hostKey';

/**
 * A scripted SSH "device" on 127.0.0.1 for unit tests (ssh2's server, pure JS). It accepts the
 * user `admin` with `password` by the methods listed in `methods`, grants a pty shell that
 * prints `prompt`, and hands the shell's stream to the test. Test support only.
 */
export interface ScriptedSshServerOptions {
  password: string;
  methods: ('password' | 'keyboard-interactive')[];
  prompt?: string;
  /** Prompts for keyboard-interactive; default one `Password: ` without echo. */
  keyboardPrompts?: { prompt: string; echo: boolean }[];
}

export interface ScriptedSshServer {
  port: number;
  hostKeyFingerprint: string;
  /** Resolves with each shell's stream, in order. */
  nextShell(): Promise<ServerChannel>;
  /** Every keyboard-interactive answer list received. */
  keyboardAnswers: string[][];
  /** Connections currently open. */
  connections: Set<Connection>;
  close(): Promise<void>;
}

export async function startScriptedSshServer(options: ScriptedSshServerOptions): Promise<ScriptedSshServer> {
  // Not ed25519: ssh2's generator makes an unparsable ed25519 key about once in 256 (mscdex/ssh2#1390).
  const hostKey = utils.generateKeyPairSync('ecdsa', { bits: 256 });
  const publicBlob = Buffer.from(hostKey.public.split(' ')[1] ?? '', 'base64');
  const shells: ServerChannel[] = [];
  const waiting: ((shell: ServerChannel) => void)[] = [];
  const keyboardAnswers: string[][] = [];
  const connections = new Set<Connection>();
  // A device with no method we script offers public keys only.
  const offered = options.methods.length > 0 ? options.methods : ['publickey' as const];
  const server = new Server({ hostKeys: [hostKey.private] }, (connection) => {
    connections.add(connection);
    connection.on('close', () => connections.delete(connection));
    connection.on('error', () => undefined);
    connection.on('authentication', (context) => {
      if (context.username !== 'admin' || !(options.methods as string[]).includes(context.method)) {
        context.reject(offered);
        return;
      }
      if (context.method === 'password') {
        if (context.password === options.password) context.accept();
        else context.reject(offered);
        return;
      }
      if (context.method === 'keyboard-interactive') {
        context.prompt(options.keyboardPrompts ?? [{ prompt: 'Password: ', echo: false }], (answers) => {
          keyboardAnswers.push(answers);
          if (answers.includes(options.password)) context.accept();
          else context.reject(offered);
        });
        return;
      }
      context.reject(offered);
    });
    connection.on('ready', () => {
      connection.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('pty', (accept) => accept());
        session.on('window-change', (accept) => accept?.());
        session.on('shell', (accept) => {
          const stream = accept();
          stream.write(options.prompt ?? 'R1>');
          const waiter = waiting.shift();
          if (waiter) waiter(stream);
          else shells.push(stream);
        });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hostKeyFingerprint: fingerprintOf(publicBlob),
    nextShell: () => {
      const ready = shells.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    keyboardAnswers,
    connections,
    close: async () => {
      for (const connection of connections) connection.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
