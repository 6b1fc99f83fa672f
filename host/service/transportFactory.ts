import type { ParsedRequestOf } from '../../shared/contract';
import { FieldKitError } from '../../shared/contract';
import { detectBaudRate, createSerialTransport } from '../transports/serial';
import { createSshTransport, type KnownHostsStore } from '../transports/ssh';
import { createTelnetTransport } from '../transports/telnet';
import type { Transport } from '../transports/transport';

export type ConnectRequest = ParsedRequestOf<'session.connect'>;
export type TransportFactory = (request: ConnectRequest, signal?: AbortSignal) => Promise<Transport>;

/**
 * Builds the (unopened) transport a connect request asks for. A serial target with speed
 * `auto` is probed first: the probe opens and releases the port before the real open.
 */
export function createTransportFactory(dependencies: { knownHosts: KnownHostsStore }): TransportFactory {
  return async (request, signal) => {
    const { target, credentials, timeouts } = request;
    switch (target.kind) {
      case 'telnet':
        return createTelnetTransport({ host: target.host, port: target.port, connectTimeoutMs: timeouts.connectMs });
      case 'ssh': {
        if (!credentials.username) throw new FieldKitError('InvalidRequest', `ssh ${target.host}:${target.port}: SSH needs a user name`);
        return createSshTransport({
          host: target.host,
          port: target.port,
          connectTimeoutMs: timeouts.connectMs,
          handshakeTimeoutMs: timeouts.loginMs,
          username: credentials.username,
          ...(credentials.password !== undefined ? { password: credentials.password } : {}),
          ...(credentials.privateKeyPath !== undefined ? { privateKeyPath: credentials.privateKeyPath } : {}),
          ...(credentials.passphrase !== undefined ? { passphrase: credentials.passphrase } : {}),
          ...(target.acceptHostKey !== undefined ? { acceptHostKey: target.acceptHostKey } : {}),
          knownHosts: dependencies.knownHosts,
        });
      }
      case 'serial': {
        const line = { dataBits: target.dataBits, parity: target.parity, stopBits: target.stopBits, flowControl: target.flowControl };
        const baudRate = target.baudRate === 'auto' ? (await detectBaudRate(target.path, line, signal ? { signal } : {})).baudRate : target.baudRate;
        return createSerialTransport({ path: target.path, baudRate, ...line, openTimeoutMs: timeouts.connectMs });
      }
    }
  };
}
