import type { DialectId, EventOf } from '../../../shared/contract';
import { getCompiledDialect } from '../../../shared/dialects';
import type { ProfileDefinition } from '../../../shared/profiles';
import { createSecretMasker } from '../../../shared/secrets';
import { Channel } from '../../channel/channel';
import { DeviceSession, type LoginCredentials } from '../../session';
import type { Transport } from '../../transports/transport';
import type { ProvisionContext } from '../context';
import { createSessionLine } from '../deviceLine';

export interface ConnectedLine {
  context: ProvisionContext;
  progress: EventOf<'provision.progress'>[];
  /** Everything the device sent, masked, as the live terminal would show it. */
  received(): string;
  close(): Promise<void>;
}

export interface ConnectLineOptions {
  transport: Transport;
  dialect: DialectId;
  credentials: LoginCredentials;
  runsDir: string;
  profiles?: readonly ProfileDefinition[];
  /** Called on every progress event, after it is recorded (e.g. to pull the cable at line N). */
  onProgress?(event: EventOf<'provision.progress'>): void;
}

/**
 * Test support only: opens `transport`, logs in, and builds the provisioning context the host
 * service would (masker with the login secrets, journal folder, profile lookup).
 */
export async function connectLine(options: ConnectLineOptions): Promise<ConnectedLine> {
  const dialect = getCompiledDialect(options.dialect);
  const masker = createSecretMasker();
  const channel = new Channel(options.transport, { lineEnding: dialect.definition.lineEnding ?? '\n', charset: 'utf-8', pagers: dialect.pagers, masker });
  let received = '';
  const tap = channel.onText((text) => {
    received += text;
  });
  const close = async (): Promise<void> => {
    tap.dispose();
    channel.dispose();
    await options.transport.close().catch(() => undefined);
  };
  try {
    await options.transport.open();
    const session = await DeviceSession.login(channel, dialect, options.credentials, { loginTimeoutMs: 20_000, commandTimeoutMs: 20_000 });
    const progress: EventOf<'provision.progress'>[] = [];
    const context: ProvisionContext = {
      line: createSessionLine(session, channel, { commandTimeoutMs: 60_000, mask: (text) => masker.mask(text) }),
      sessionId: 'test',
      target: options.transport.description,
      runsDir: options.runsDir,
      mask: (text) => masker.mask(text),
      lookup: (id) => options.profiles?.find((profile) => profile.id === id),
      addSecrets: (secrets) => secrets.forEach((secret) => masker.add(secret)),
      progress: (event) => {
        progress.push(event);
        options.onProgress?.(event);
      },
    };
    return { context, progress, received: () => received, close };
  } catch (error) {
    await close();
    throw error;
  }
}
