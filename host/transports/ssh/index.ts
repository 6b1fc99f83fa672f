export {
  SshTransport,
  createSshTransport,
  defaultColumns,
  defaultHandshakeTimeoutMs,
  defaultRows,
  defaultTerminalType,
  type SshTransportOptions,
} from './sshTransport';
export { JsonKnownHostsStore, createKnownHostsStore, endpointKey, type KnownHostEntry, type KnownHostsStore } from './knownHosts';
export { fingerprintOf, normalizeFingerprint, type HostKeyIdentity, type PresentedHostKey } from './hostKey';
export type { SshAuthMethod } from './sshAuth';
