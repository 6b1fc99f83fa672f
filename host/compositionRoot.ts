import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ApiClient } from '../shared/contract';
import { configSecretPatterns, createSecretMasker } from '../shared/secrets';
import type { SecretMasker } from '../shared/secrets/types';
import { EventBus } from './carriers/eventBus';
import { createInProcessClient } from './carriers/inProcess';
import { resolveDataDir, subDir } from './config/dataDir';
import { createFileLogger, type Logger } from './logging/logger';
import { createHostService, type HostService, type HostServiceOptions } from './service/hostService';
import { createTransportFactory } from './service/transportFactory';
import { createKnownHostsStore } from './transports/ssh';
import { join } from 'node:path';

export interface HostOptions {
  carrier: HostServiceOptions['carrier'];
  /** Defaults to FIELDKIT_DATA_DIR or the per-user data folder. */
  dataDir?: string;
  /** Keep transcripts on disk (on by default: technicians are asked for them afterwards). */
  transcripts?: boolean;
  /** Replace how transports are built (tests); by default Telnet, SSH and serial. */
  createTransport?: HostServiceOptions['createTransport'];
}

export interface Host {
  readonly dataDir: string;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly masker: SecretMasker;
  readonly service: HostService;
  /** The in-process carrier over this host. */
  readonly client: ApiClient;
  dispose(): Promise<void>;
}

/** The one place where the host's parts are wired together. */
export function createHost(options: HostOptions): Host {
  const dataDir = resolveDataDir(options.dataDir);
  const masker = createSecretMasker({ patterns: configSecretPatterns });
  const logger = createFileLogger(subDir(dataDir, 'logs'), masker);
  const events = new EventBus();
  const service = createHostService({
    events,
    logger,
    masker,
    transcriptDir: options.transcripts === false ? null : subDir(dataDir, 'transcripts'),
    runsDir: subDir(dataDir, 'runs'),
    carrier: options.carrier,
    version: packageVersion(),
    createTransport: options.createTransport ?? createTransportFactory({ knownHosts: createKnownHostsStore(join(dataDir, 'known_hosts.json')) }),
  });
  return {
    dataDir,
    events,
    logger,
    masker,
    service,
    client: createInProcessClient(service.api, events),
    dispose: () => service.dispose(),
  };
}

export function packageVersion(): string {
  const file = fileURLToPath(new URL('../package.json', import.meta.url));
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}
