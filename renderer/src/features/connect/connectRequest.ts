import type { RequestOf } from '../../../../shared/contract';
import type { ConnectionTarget } from '../../store';

/** Secrets travel from the form straight into the request; they are never stored. */
export interface ConnectionSecrets {
  password: string;
  enableSecret: string;
  /** Unlocks the SSH private key; ignored for other transports. */
  passphrase: string;
}

type ConnectRequest = RequestOf<'session.connect'>;

const nonEmpty = (value: string): string | undefined => (value === '' ? undefined : value);

function requestTarget(target: ConnectionTarget, acceptHostKey: string | undefined): ConnectRequest['target'] {
  switch (target.kind) {
    case 'telnet':
      return { kind: 'telnet', host: target.host.trim(), port: target.port };
    case 'ssh':
      return { kind: 'ssh', host: target.host.trim(), port: target.port, ...(acceptHostKey ? { acceptHostKey } : {}) };
    case 'serial':
      return {
        kind: 'serial',
        path: target.path.trim(),
        baudRate: target.baudRate,
        dataBits: target.dataBits,
        parity: target.parity,
        stopBits: target.stopBits,
        flowControl: target.flowControl,
      };
  }
}

/**
 * The `session.connect` request for what the form holds. Empty optional fields are left out
 * (the host then applies its defaults); SSH key fields are sent for SSH only. `acceptHostKey`
 * is the fingerprint the technician confirmed after a HostKeyChanged refusal, for this one attempt.
 */
export function buildConnectRequest(target: ConnectionTarget, secrets: ConnectionSecrets, acceptHostKey?: string): ConnectRequest {
  const ssh = target.kind === 'ssh';
  return {
    target: requestTarget(target, acceptHostKey),
    credentials: {
      username: nonEmpty(target.username.trim()),
      password: nonEmpty(secrets.password),
      enableSecret: nonEmpty(secrets.enableSecret),
      privateKeyPath: ssh ? nonEmpty(target.privateKeyPath.trim()) : undefined,
      passphrase: ssh ? nonEmpty(secrets.passphrase) : undefined,
    },
    dialect: target.dialect,
    terminal: target.lineEnding === 'default' ? { charset: target.charset } : { charset: target.charset, lineEnding: target.lineEnding },
  };
}

/** The short "where" shown once connected: `host:port` or the serial path. */
export function endpointOf(target: ConnectionTarget): string {
  return target.kind === 'serial' ? target.path.trim() : `${target.host.trim()}:${target.port}`;
}
