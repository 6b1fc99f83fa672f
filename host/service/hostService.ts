import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { DialectId, FieldKitError, type HostApi } from '../../shared/contract';
import { compileDialect, dialects, identificationRules } from '../../shared/dialects';
import type { SecretMasker, TranscriptSink } from '../../shared/secrets/types';
import { Channel } from '../channel/channel';
import type { EventBus } from '../carriers/eventBus';
import type { Logger } from '../logging/logger';
import { DeviceSession, loginAutoDetect } from '../session';
import { createFileTranscript } from '../transcript';
import { listSerialPorts } from '../transports/serial';
import { LiveSession } from './liveSession';
import { createChecksService } from './checksService';
import { createProvisionService } from './provisionService';
import type { ConnectRequest, TransportFactory } from './transportFactory';

const LINE_ENDINGS = { cr: '\r', lf: '\n', crlf: '\r\n' } as const;

export interface HostServiceOptions {
  events: EventBus;
  logger: Logger;
  /** Process-wide masker: every session registers its secrets here, so logs mask them too. */
  masker: SecretMasker;
  /** Folder for masked transcripts; null keeps none (tests that do not need files). */
  transcriptDir: string | null;
  carrier: 'electron' | 'web' | 'in-process';
  version: string;
  /** Builds the transport for a connect request (see transportFactory.ts). */
  createTransport: TransportFactory;
  /** Run journals and backups; default `runs` beside the transcript folder, none without one. */
  runsDir?: string | null;
}

export interface HostService {
  readonly api: HostApi;
  /** Close every session (reverse order of opening). */
  dispose(): Promise<void>;
}

/** The contract's single implementation, shared by every carrier. */
export function createHostService(options: HostServiceOptions): HostService {
  const sessions = new Map<string, LiveSession>();
  const { events, logger, masker } = options;
  const { createTransport } = options;

  function get(sessionId: string): LiveSession {
    const session = sessions.get(sessionId);
    if (!session) throw new FieldKitError('SessionNotFound', `no open session ${sessionId}; connect first`);
    return session;
  }

  async function connect(request: ConnectRequest) {
    const { credentials, timeouts } = request;
    for (const secret of [credentials.password, credentials.enableSecret]) if (secret) masker.add(secret);
    const id = randomUUID();
    const transport = await createTransport(request);
    logger.info('connecting', { sessionId: id, target: transport.description, dialect: request.dialect });
    events.emit('session.state', { sessionId: id, state: 'connecting' });

    let transcript: TranscriptSink | undefined;
    let transcriptPath: string | null = null;
    if (options.transcriptDir) {
      const file = createFileTranscript({ directory: options.transcriptDir, label: request.label ?? 'session', host: transport.description });
      transcript = file.sink;
      transcriptPath = file.path;
    }
    const loginDialect = compileDialect(dialects[request.dialect === 'auto' ? 'ios' : request.dialect]);
    const channel = new Channel(transport, {
      lineEnding: request.terminal.lineEnding ? LINE_ENDINGS[request.terminal.lineEnding] : (loginDialect.definition.lineEnding ?? '\n'),
      charset: request.terminal.charset,
      // No write wider than the device's terminal: consoles drop or garble what wraps
      // (DOMAIN.md §1 #20). We announce 200 columns over Telnet/SSH; a console is 80 wide.
      maxWriteChunk: request.target.kind === 'serial' ? 64 : 200,
      // Auto-detection runs a version command before paging is off: answer every vendor's pager.
      pagers: request.dialect === 'auto' ? identificationRules().pagers : loginDialect.pagers,
      masker,
      ...(transcript ? { transcript } : {}),
    });
    let seq = 0;
    const textSubscription = channel.onText((data) => events.emit('terminal.output', { sessionId: id, seq: seq++, data }));
    try {
      await transport.open();
      // One masker for the channel, the session's results and provisioning: a secret a profile
      // brings (PSK, SNMP keys) is then masked in every output, backup and report too.
      const sessionOptions = { loginTimeoutMs: timeouts.loginMs, commandTimeoutMs: timeouts.commandMs, masker };
      const activeSession =
        request.dialect === 'auto'
          ? await loginAutoDetect(channel, credentials, sessionOptions)
          : await DeviceSession.login(channel, loginDialect, credentials, sessionOptions);
      const facts = await activeSession.facts();
      const live = new LiveSession(
        { id, transport, channel, session: activeSession, dialect: facts.dialect, facts, transcript, transcriptPath },
        events,
        (closedId) => {
          textSubscription.dispose();
          sessions.delete(closedId);
          logger.info('session closed', { sessionId: closedId });
        },
      );
      sessions.set(id, live);
      events.emit('session.state', { sessionId: id, state: 'ready' });
      logger.info('connected', { sessionId: id, hostname: facts.hostname, vendor: facts.vendor, version: facts.version });
      return { sessionId: id, facts, transcriptPath };
    } catch (error) {
      textSubscription.dispose();
      channel.dispose();
      await transport.close().catch(() => undefined);
      await transcript?.close().catch(() => undefined);
      const failure = error instanceof FieldKitError ? error : new FieldKitError('Internal', String(error));
      events.emit('session.state', { sessionId: id, state: 'closed', error: failure.toPayload() });
      logger.warn('connect failed', { sessionId: id, code: failure.code, message: failure.message });
      throw failure;
    }
  }

  const api: HostApi = {
    'session.connect': connect,
    'session.facts': async ({ sessionId }) => get(sessionId).refreshFacts(),
    'session.run': async ({ sessionId, command, timeoutMs }) => get(sessionId).run(command, timeoutMs),
    'session.disconnect': async ({ sessionId }) => {
      await get(sessionId).disconnect();
      return { closed: true as const };
    },
    'terminal.input': async ({ sessionId, data }) => ({ accepted: await get(sessionId).terminalInput(data) }),
    'terminal.resize': async ({ sessionId, columns, rows }) => ({ accepted: get(sessionId).resize(columns, rows) }),
    'serial.list': async () => listSerialPorts(),
    'host.info': async () => ({ version: options.version, carrier: options.carrier, dialects: [...DialectId.options] }),
    ...createChecksService({ events, logger, masker, session: get }),
    ...createProvisionService({
      events,
      logger,
      masker,
      runsDir: options.runsDir !== undefined ? options.runsDir : options.transcriptDir ? join(dirname(options.transcriptDir), 'runs') : null,
      session: get,
    }),
  };

  return {
    api,
    async dispose() {
      for (const session of [...sessions.values()].reverse()) await session.disconnect();
    },
  };
}
