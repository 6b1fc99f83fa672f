import type { Socket } from 'node:net';
import ssh2, { type Client as SshClient, type ClientChannel, type ParsedKey } from 'ssh2';

// ssh2 is CommonJS: Node's ESM loader sees only its default export.
const { Client } = ssh2;
import { FieldKitError } from '../../../shared/contract';
import type { Disposable } from '../../../shared/lifecycle';
import { cancelledError, notOpenError } from '../errors';
import type { Transport } from '../transport';
import { TransportEvents } from '../transportEvents';
import { decideHostKey, identify, type HostKeyIdentity, type PresentedHostKey } from './hostKey';
import type { KnownHostEntry, KnownHostsStore } from './knownHosts';
import { SshAuthPlan, loadPrivateKey, type SshAuthMethod } from './sshAuth';
import { closedDuringOpenError, openError, openTimeoutError, printable, sessionLostError, type OpenFacts } from './sshErrors';
import { connectSocket, legacyAlgorithms, validateOptions } from './sshSupport';

export interface SshTransportOptions {
  host: string;
  port: number;
  /** Hard limit for the TCP connection to be set up, in milliseconds. */
  connectTimeoutMs: number;
  /** Hard limit from the TCP connection to an open terminal: handshake, sign-in, pty. Default 20 s. */
  handshakeTimeoutMs?: number;
  username: string;
  password?: string;
  privateKeyPath?: string;
  passphrase?: string;
  /** Trust-on-first-use store of device host keys. */
  knownHosts: KnownHostsStore;
  /** A fingerprint (`SHA256:...`) the technician confirmed: replaces a stored key that differs. */
  acceptHostKey?: string;
  /** The pty's terminal type. Default `vt100`. */
  terminalType?: string;
  /** Pty size. Default 200 × 24. */
  columns?: number;
  rows?: number;
}

export const defaultTerminalType = 'vt100';
/** Wide enough that long configuration lines do not wrap; 24 rows is a height every CLI knows. */
export const defaultColumns = 200;
export const defaultRows = 24;
export const defaultHandshakeTimeoutMs = 20_000;
/** How long `close()` waits for the device to acknowledge before it drops the socket. */
const closeFlushLimitMs = 2000;
/** SSH keep-alive: a ping after this much silence; the line counts as lost after 3 unanswered. */
const keepAliveIntervalMs = 15_000;
const keepAliveCountMax = 3;

type State = 'idle' | 'opening' | 'open' | 'closing' | 'closed';

/**
 * An interactive shell on a pty over SSH (ssh2, pure JS). Lifecycle as {@link Transport}: `open()`
 * once; `onClose` fires exactly once for a transport that opened (`undefined` after `close()`,
 * `ConnectionClosed` when the device or the network ended it). A failed `open()` fires nothing.
 *
 * The host key is checked against the {@link KnownHostsStore} before any credential is sent;
 * a key seen for the first time is stored once the device proved it holds it (handshake done).
 */
export class SshTransport implements Transport {
  readonly kind = 'ssh';
  readonly description: string;
  private state: State = 'idle';
  private socket: Socket | undefined;
  private client: SshClient | undefined;
  private stream: ClientChannel | undefined;
  private lineError: unknown;
  private presentedKey: PresentedHostKey | undefined;
  private method: SshAuthMethod | undefined;
  private readonly cancelOpen = new AbortController();
  private closed: Promise<void> | undefined;
  private readonly events = new TransportEvents();

  constructor(private readonly options: SshTransportOptions) {
    validateOptions(options);
    this.description = `ssh ${options.host}:${options.port}`;
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /** The device's key as checked during `open()`; undefined before the handshake. */
  get hostKey(): PresentedHostKey | undefined {
    return this.presentedKey;
  }

  /** The sign-in method that succeeded. */
  get authenticatedWith(): SshAuthMethod | undefined {
    return this.method;
  }

  async open(signal?: AbortSignal): Promise<void> {
    if (this.state !== 'idle') throw new FieldKitError('InvalidRequest', `${this.description}: open() was already called`);
    this.state = 'opening';
    const onAbort = (): void => this.cancelOpen.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) this.cancelOpen.abort();
    try {
      this.throwIfCancelled();
      const key = this.options.privateKeyPath === undefined ? undefined : await loadPrivateKey(this.description, this.options.privateKeyPath, this.options.passphrase);
      const stored = await this.options.knownHosts.lookup(this.options.host, this.options.port);
      this.throwIfCancelled();
      const socket = await connectSocket(this.description, this.options, this.cancelOpen.signal);
      this.socket = socket;
      this.throwIfCancelled();
      await this.startSession(socket, key, stored);
    } catch (error) {
      this.discard();
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  write(data: Uint8Array): Promise<void> {
    const stream = this.stream;
    if (this.state !== 'open' || !stream) return Promise.reject(notOpenError(this.description));
    return new Promise<void>((resolve, reject) => {
      stream.write(data, (error) => {
        if (error) reject(sessionLostError(this.description, this.lineError ?? error));
        else resolve();
      });
    });
  }

  onData(listener: (chunk: Uint8Array) => void): Disposable {
    return this.events.onData(listener);
  }

  onClose(listener: (error: FieldKitError | undefined) => void): Disposable {
    return this.events.onClose(listener);
  }

  /** Tells the device's pty the new size (SSH `window-change`). */
  resize(columns: number, rows: number): void {
    if (this.state === 'open') this.stream?.setWindow(rows, columns, 0, 0);
  }

  /**
   * Closes the shell and the connection; resolves once the socket is released. During `open()`
   * it cancels the attempt (`open()` rejects with `Cancelled`).
   */
  close(): Promise<void> {
    if (this.closed) return this.closed;
    if (this.state !== 'open') {
      this.cancelOpen.abort();
      if (this.state === 'idle') this.state = 'closed';
      return Promise.resolve();
    }
    this.state = 'closing';
    const socket = this.socket;
    const client = this.client;
    this.closed = new Promise<void>((resolve) => {
      if (!socket || socket.destroyed) {
        resolve();
        return;
      }
      const limit = setTimeout(() => socket.destroy(), closeFlushLimitMs);
      socket.once('close', () => {
        clearTimeout(limit);
        resolve();
      });
      // SSH_MSG_DISCONNECT, then FIN; the device answers by closing its side.
      client?.end();
    });
    return this.closed;
  }

  private throwIfCancelled(): void {
    if (this.cancelOpen.signal.aborted) throw cancelledError(this.description);
  }

  /** Handshake, host key check, sign-in and the pty shell, under one time limit. */
  private startSession(socket: Socket, key: ParsedKey | undefined, stored: KnownHostEntry | undefined): Promise<void> {
    const { username, password, acceptHostKey, knownHosts, host, port } = this.options;
    const plan = new SshAuthPlan({ username, password, key });
    const facts: OpenFacts = { phase: 'handshake', firstBytes: '', sawIdentification: false, attempts: plan.attempts, offered: [] };
    const client = new Client();
    this.client = client;
    const timeoutMs = this.options.handshakeTimeoutMs ?? defaultHandshakeTimeoutMs;
    let received = Buffer.alloc(0);
    const watchIdentification = (chunk: Buffer): void => {
      received = Buffer.concat([received, chunk]).subarray(0, 256);
      facts.firstBytes = printable(received);
      facts.sawIdentification = received.toString('latin1').includes('SSH-');
      if (facts.sawIdentification) socket.off('data', watchIdentification);
    };
    socket.on('data', watchIdentification);

    return new Promise<void>((resolve, reject) => {
      let accepted: HostKeyIdentity | undefined;
      let refusal: FieldKitError | undefined;
      let pendingStore: Promise<void> | undefined;
      let settled = false;
      const settle = (error?: FieldKitError): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.cancelOpen.signal.removeEventListener('abort', onAbort);
        socket.off('data', watchIdentification);
        if (error) reject(error);
        else resolve();
      };
      const current = (): OpenFacts => ({ ...facts, offered: plan.offered });
      const fail = (error: unknown): void => settle(refusal ?? openError(this.description, error, current()));
      const onAbort = (): void => settle(cancelledError(this.description));
      const timer = setTimeout(() => settle(refusal ?? openTimeoutError(this.description, timeoutMs, current())), timeoutMs);
      this.cancelOpen.signal.addEventListener('abort', onAbort, { once: true });

      const hostVerifier = (keyBlob: Buffer): boolean => {
        const presented = identify(keyBlob);
        // A re-key later in the session must show the key accepted at the start.
        if (accepted !== undefined) return accepted.fingerprint === presented.fingerprint;
        const decision = decideHostKey(this.description, stored, presented, acceptHostKey);
        if (decision.verdict === 'changed') {
          refusal = decision.error;
          return false;
        }
        accepted = presented;
        this.presentedKey = { ...presented, firstSeen: decision.verdict === 'first-use', replaced: decision.verdict === 'replace' };
        return true;
      };

      client.on('handshake', () => {
        if (facts.phase !== 'handshake') return;
        facts.phase = 'authentication';
        const presented = this.presentedKey;
        if (presented !== undefined && (presented.firstSeen || presented.replaced)) {
          pendingStore = knownHosts.remember(host, port, presented);
          // Not remembering a first-seen key would make the next changed key look like a first use.
          pendingStore.catch((storeError: unknown) => fail(storeError));
        }
      });
      client.on('error', (error) => {
        if (this.state === 'opening') fail(error);
        else this.lineError ??= error;
      });
      client.on('close', () => {
        if (this.state === 'opening') settle(refusal ?? closedDuringOpenError(this.description, current()));
        else this.finish();
      });
      client.on('ready', () => {
        facts.phase = 'shell';
        this.method = plan.current;
        const window = { term: this.options.terminalType ?? defaultTerminalType, cols: this.options.columns ?? defaultColumns, rows: this.options.rows ?? defaultRows };
        client.shell(window, (error, stream) => {
          if (settled) {
            if (!error) stream.close();
            return;
          }
          if (error) {
            fail(error);
            return;
          }
          const attach = (): void => {
            if (settled) {
              stream.close();
              return;
            }
            this.attach(stream);
            settle();
          };
          (pendingStore ?? Promise.resolve()).then(attach, () => undefined);
        });
      });
      client.connect({
        sock: socket,
        username,
        hostVerifier,
        authHandler: plan.handler,
        readyTimeout: 0,
        keepaliveInterval: keepAliveIntervalMs,
        keepaliveCountMax: keepAliveCountMax,
        algorithms: legacyAlgorithms,
      });
    });
  }

  private attach(stream: ClientChannel): void {
    this.state = 'open';
    this.stream = stream;
    const socket = this.socket;
    socket?.setNoDelay(true);
    socket?.setKeepAlive(true, keepAliveIntervalMs);
    const deliver = (chunk: Buffer): void => {
      if (this.state === 'open') this.events.fireData(chunk);
    };
    stream.on('data', deliver);
    stream.stderr.on('data', deliver);
    // The shell ended (`exit`, or the device closed the channel): the session is over.
    stream.on('close', () => {
      if (this.state === 'open') this.client?.end();
    });
  }

  private finish(): void {
    if (this.state === 'closed') return;
    const closedByUs = this.state === 'closing';
    this.state = 'closed';
    const error = closedByUs ? undefined : sessionLostError(this.description, this.lineError);
    this.stream?.removeAllListeners('data');
    this.stream = undefined;
    this.client = undefined;
    this.socket = undefined;
    this.events.fireClose(error);
  }

  /** Releases everything a failed `open()` created. */
  private discard(): void {
    this.state = 'closed';
    const client = this.client;
    const socket = this.socket;
    this.client = undefined;
    this.socket = undefined;
    this.stream = undefined;
    client?.removeAllListeners();
    client?.on('error', () => undefined);
    socket?.on('error', () => undefined);
    socket?.destroy();
  }
}

export function createSshTransport(options: SshTransportOptions): SshTransport {
  return new SshTransport(options);
}
