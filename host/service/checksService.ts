import { randomBytes } from 'node:crypto';
import { commandPlatform, profileCheckSpecs, type CheckResult, type CheckSpec } from '../../shared/checks';
import { FieldKitError, type ChecksProfileSelection, type DialectId, type HostApi, type ParsedRequestOf } from '../../shared/contract';
import type { ProfileDefinition } from '../../shared/profiles';
import type { SecretMasker } from '../../shared/secrets/types';
import type { EventBus } from '../carriers/eventBus';
import { runChecks, systemProbes, type CheckEnvironment, type LaptopProbes } from '../checks';
import type { Logger } from '../logging/logger';
import { findProfile, loadProfileLibrary } from '../profiles';
import type { LiveSession } from './liveSession';

export interface ChecksServiceOptions {
  events: EventBus;
  logger: Logger;
  masker: SecretMasker;
  session(sessionId: string): LiveSession;
  /** The profile library folder; default the checkout's `profiles/`. */
  profilesDir?: string;
  /** Default the operating system's (TCP, /bin/ping, the resolver). */
  laptop?: LaptopProbes;
}

type ChecksApi = Pick<HostApi, 'checks.run'>;

/** One command's wait for its prompt during checks (contract `Timeouts.commandMs` default). */
const CHECK_COMMAND_TIMEOUT_MS = 30_000;

function newRunId(): string {
  return `checks-${randomBytes(6).toString('hex')}`;
}

/**
 * The profile with only the checks the selection names, in the profile's order; the whole profile
 * when it names none. Only the chosen checks are rendered, so a re-run of one check is not held up
 * by another's parameters.
 */
function selectProfileChecks(profile: ProfileDefinition, selection: Pick<ChecksProfileSelection, 'checkIds'>): ProfileDefinition {
  if (selection.checkIds === undefined) return profile;
  const declared = profile.checks.map((check) => check.id);
  const unknown = selection.checkIds.find((checkId) => !declared.includes(checkId));
  if (unknown !== undefined) {
    throw new FieldKitError('InvalidRequest', `profile "${profile.id}" has no check "${unknown}" (it declares: ${declared.join(', ') || 'none'})`, { profileId: profile.id, checkId: unknown });
  }
  const wanted = new Set(selection.checkIds);
  return { ...profile, checks: profile.checks.filter((check) => wanted.has(check.id)) };
}

async function profileSpecs(request: ParsedRequestOf<'checks.run'>, dialect: DialectId | null, profilesDir: string | undefined): Promise<CheckSpec[]> {
  if (request.profiles.length === 0) return [];
  if (dialect === null) throw new FieldKitError('InvalidRequest', 'profile checks run on a device: connect first (sessionId)');
  const library = await loadProfileLibrary(profilesDir);
  const specs: CheckSpec[] = [];
  for (const selection of request.profiles) {
    const profile = findProfile(library, selection.id);
    if (!profile) throw new FieldKitError('InvalidRequest', `no profile "${selection.id}" in the library`);
    const rendered = profileCheckSpecs(selectProfileChecks(profile, selection), dialect, selection.values);
    if (!rendered.ok) throw new FieldKitError('InvalidRequest', `${selection.id}: ${rendered.problems.map((problem) => problem.message.en).join('; ')}`, { problems: rendered.problems });
    specs.push(...rendered.checks);
  }
  return specs;
}

/** The checks part of the contract: profile and ad-hoc checks over a connected session and from the laptop. */
export function createChecksService(options: ChecksServiceOptions): ChecksApi {
  const { events, logger, masker } = options;
  const laptop = options.laptop ?? systemProbes;

  return {
    'checks.run': async (request) => {
      const runId = request.runId ?? newRunId();
      const live = request.sessionId === undefined ? null : options.session(request.sessionId);
      const facts = live?.currentFacts ?? null;
      const limit = request.retryLimitMs;
      const specs = [...(await profileSpecs(request, facts?.dialect ?? null, options.profilesDir)), ...request.checks].map((spec) =>
        spec.retry && limit !== undefined ? { ...spec, retry: { ...spec.retry, withinMs: Math.min(spec.retry.withinMs, limit) } } : spec,
      );
      const sessionId = request.sessionId ?? null;
      const progress = { runId, sessionId };
      const run = (environment: CheckEnvironment): Promise<CheckResult[]> =>
        runChecks(specs, environment, {
          onProgress: (event) => {
            if (event.phase === 'started') events.emit('checks.progress', { ...progress, phase: 'started', checkId: event.checkId, kind: event.kind });
            else if (event.phase === 'attempt') events.emit('checks.progress', { ...progress, phase: 'attempt', checkId: event.checkId, attempt: { ...event.attempt, output: masker.mask(event.attempt.output) } });
            else events.emit('checks.progress', { ...progress, phase: 'finished', checkId: event.checkId, result: maskResult(event.result, masker) });
          },
        });
      const results =
        live === null || facts === null
          ? await run({ laptop })
          : await live.withLine(({ session, channel }) => run({ laptop, device: { line: { session, channel }, platform: commandPlatform(facts), commandTimeoutMs: CHECK_COMMAND_TIMEOUT_MS } }));
      const masked = results.map((result) => maskResult(result, masker));
      const passed = masked.every((result) => result.status === 'pass');
      logger.info('checks run', { runId, sessionId, checks: masked.length, passed, statuses: masked.map((result) => `${result.id}:${result.status}`).join(' ') });
      return { runId, results: masked, passed };
    },
  };
}

/** Device outputs are masked by the session already; laptop outputs and messages are masked here too. */
function maskResult(result: CheckResult, masker: SecretMasker): CheckResult {
  const mask = (text: string) => masker.mask(text);
  return {
    ...result,
    output: mask(result.output),
    message: result.message === null ? null : mask(result.message),
    attempts: result.attempts.map((attempt) => ({ ...attempt, output: mask(attempt.output), message: attempt.message === null ? null : mask(attempt.message) })),
  };
}
