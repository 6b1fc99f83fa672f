import { FieldKitError, type HostApi } from '../../shared/contract';
import { profileDialects } from '../../shared/profiles';
import type { SecretMasker } from '../../shared/secrets/types';
import type { EventBus } from '../carriers/eventBus';
import type { Logger } from '../logging/logger';
import { findProfile, loadProfileLibrary, type ProfileLibrary } from '../profiles';
import { applyProvision, createSessionLine, planProvision, readBackup, rollbackProvision, type ProvisionContext } from '../provision';
import type { LiveSession } from './liveSession';

export interface ProvisionServiceOptions {
  events: EventBus;
  logger: Logger;
  masker: SecretMasker;
  /** Journals and backups (`<dataDir>/runs`); null keeps none, so runs cannot be resumed. */
  runsDir: string | null;
  /** The profile library folder; default the checkout's `profiles/`. */
  profilesDir?: string;
  session(sessionId: string): LiveSession;
}

type ProvisionApi = Pick<HostApi, 'provision.plan' | 'provision.apply' | 'provision.rollback' | 'profiles.list'>;

/**
 * Waits inside save dialogues and `reload in` may take long on a big configuration (IOS builds
 * it before `[OK]`); plain lines use the session's own command timeout.
 */
const DIALOGUE_TIMEOUT_MS = 120_000;

/** The provisioning part of the contract: plan, apply, rollback over a connected session. */
export function createProvisionService(options: ProvisionServiceOptions): ProvisionApi {
  const { events, logger, masker } = options;
  const library = (): Promise<ProfileLibrary> => loadProfileLibrary(options.profilesDir);

  async function withContext<T>(sessionId: string, work: (context: ProvisionContext) => Promise<T>): Promise<T> {
    const live = options.session(sessionId);
    const loaded = await library();
    return live.withLine(async ({ session, channel, target }) => {
      const line = createSessionLine(session, channel, { commandTimeoutMs: DIALOGUE_TIMEOUT_MS, mask: (text) => masker.mask(text) });
      return work({
        line,
        sessionId,
        target,
        runsDir: options.runsDir,
        mask: (text) => masker.mask(text),
        lookup: (id) => findProfile(loaded, id),
        addSecrets: (secrets) => secrets.forEach((secret) => masker.add(secret)),
        progress: (event) => events.emit('provision.progress', event),
      });
    });
  }

  return {
    'provision.plan': ({ sessionId, source }) => withContext(sessionId, (context) => planProvision(context, source)),
    'provision.apply': ({ sessionId, source, options: applyOptions }) =>
      withContext(sessionId, async (context) => {
        const report = await applyProvision(context, source, applyOptions);
        logger.info('provision apply', {
          sessionId,
          runId: report.runId,
          planned: report.planned,
          acknowledged: report.acknowledged,
          failed: report.failedLine !== null,
          interrupted: report.interrupted !== null,
          saved: report.saved,
        });
        return report;
      }),
    'provision.rollback': ({ sessionId, source, runId, save }) =>
      withContext(sessionId, async (context) => {
        const backup = runId === undefined || options.runsDir === null ? null : readBackup(options.runsDir, runId);
        if (runId !== undefined && backup === null) throw new FieldKitError('InvalidRequest', `no backup for run ${runId}`);
        return rollbackProvision(context, source, { backup, save });
      }),
    'profiles.list': async () => {
      const loaded = await library();
      return {
        profiles: loaded.profiles.map(({ profile }) => ({
          id: profile.id,
          kind: profile.kind,
          name: profile.name,
          dialects: profileDialects(profile),
          parameters: profile.parameters.map((declaration) => ({
            name: declaration.name,
            type: declaration.type,
            required: declaration.required,
            secret: declaration.type === 'secret',
          })),
          reversible: profileDialects(profile).filter((dialect) => profile.templates[dialect]?.reverse !== undefined),
        })),
        problems: loaded.problems.map((problem) => ({ file: problem.file, message: problem.message.en })),
      };
    },
  };
}
