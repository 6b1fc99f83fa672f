import { extname } from 'node:path';
import {
  FieldKitError,
  MAX_SHEET_BYTES,
  type DialectId,
  type HostApi,
  type ParameterProblemView,
  type ParameterSummary,
  type ProvisionSource,
  type SheetImportView,
} from '../../shared/contract';
import { profileDialects, renderProfile, type ParameterDeclaration } from '../../shared/profiles';
import type { SecretMasker } from '../../shared/secrets/types';
import type { EventBus } from '../carriers/eventBus';
import type { Logger } from '../logging/logger';
import { findProfile, importCsvSheet, importXlsxSheet, loadProfileLibrary, type ProfileLibrary, type SheetImport } from '../profiles';
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

type ProvisionApi = Pick<HostApi, 'provision.plan' | 'provision.apply' | 'provision.rollback' | 'profiles.list' | 'profiles.importSheet'>;

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
    'provision.plan': ({ sessionId, source }) =>
      withContext(sessionId, (context) => {
        checkParameterValues(source, context.line.dialect.id, context.lookup);
        return planProvision(context, source);
      }),
    'provision.apply': ({ sessionId, source, options: applyOptions }) =>
      withContext(sessionId, async (context) => {
        checkParameterValues(source, context.line.dialect.id, context.lookup);
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
          description: profile.description,
          dialects: profileDialects(profile),
          parameters: profile.parameters.map(parameterSummary),
          reversible: profileDialects(profile).filter((dialect) => profile.templates[dialect]?.reverse !== undefined),
        })),
        problems: loaded.problems.map((problem) => ({ file: problem.file, message: problem.message.en })),
      };
    },
    'profiles.importSheet': async ({ fileName, contentBase64 }) => {
      const bytes = new Uint8Array(Buffer.from(contentBase64, 'base64'));
      if (bytes.length > MAX_SHEET_BYTES) {
        return sheetFailure('file-format', `文件超过 ${MAX_SHEET_BYTES / 1024} KB`, `the file is larger than ${MAX_SHEET_BYTES / 1024} KB`);
      }
      const extension = extname(fileName).toLowerCase();
      const options = { parameters: sheetColumns(await library()) };
      if (extension === '.csv') return sheetView(importCsvSheet(bytes, options));
      if (extension === '.xlsx') return sheetView(await importXlsxSheet(bytes, options));
      return sheetFailure('file-format', `只支持 .csv 和 .xlsx 文件，收到 ${extension || '无扩展名'}`, `only .csv and .xlsx files are supported, got ${extension || 'no extension'}`);
    },
  };
}

function parameterSummary(declaration: ParameterDeclaration): ParameterSummary {
  const secret = declaration.type === 'secret';
  return {
    name: declaration.name,
    type: declaration.type,
    required: declaration.required,
    secret,
    label: declaration.label,
    ...(declaration.description ? { description: declaration.description } : {}),
    ...('default' in declaration && declaration.default !== undefined && !secret ? { default: declaration.default } : {}),
    ...(declaration.type === 'enum' ? { values: declaration.values } : {}),
    ...(declaration.type === 'integer' ? { min: declaration.min, max: declaration.max } : {}),
    ...(declaration.type === 'secret' ? { minLength: declaration.minLength } : {}),
    ...('maxLength' in declaration ? { maxLength: declaration.maxLength } : {}),
  };
}

/**
 * Validates the values of every selected profile before anything is read from the device, so
 * the UI can show each problem at its field (`details.parameters`). Other render problems are
 * left to the engine, which reports them as before.
 */
function checkParameterValues(source: ProvisionSource, dialect: DialectId, lookup: ProvisionContext['lookup']): void {
  if (source.kind !== 'profiles') return;
  const problems: string[] = [];
  const parameters: ParameterProblemView[] = [];
  for (const selection of source.profiles) {
    const profile = lookup(selection.id);
    if (!profile) continue;
    const rendered = renderProfile(profile, dialect, selection.values, { direction: 'apply', ignoreUndeclared: source.ignoreUndeclared });
    if (rendered.ok) continue;
    for (const problem of rendered.problems) {
      problems.push(`${profile.id}: ${problem.message.en}`);
      if (problem.parameter !== undefined) parameters.push({ profileId: profile.id, parameter: problem.parameter, code: problem.code, message: problem.message });
    }
  }
  if (parameters.length > 0) throw new FieldKitError('InvalidRequest', `cannot render the profiles: ${problems.join('; ')}`, { problems, parameters });
}

/** Example sheets name the row's dialect in a `dialect` column; it is read like a parameter. */
const DIALECT_COLUMN: ParameterDeclaration = { name: 'dialect', type: 'text', label: { 'zh-CN': '设备类型', en: 'Dialect' }, required: false, maxLength: 32 };

/** Every parameter of the library (first declaration of a name wins), so headers may be labels. */
function sheetColumns(loaded: ProfileLibrary): ParameterDeclaration[] {
  const byName = new Map<string, ParameterDeclaration>([[DIALECT_COLUMN.name, DIALECT_COLUMN]]);
  for (const { profile } of loaded.profiles) {
    for (const declaration of profile.parameters) if (!byName.has(declaration.name)) byName.set(declaration.name, declaration);
  }
  return [...byName.values()];
}

function sheetView(imported: SheetImport): SheetImportView {
  if (imported.ok) return { ok: true, sites: imported.sites, columns: imported.columns };
  return {
    ok: false,
    problems: imported.problems.map((problem) => ({
      code: problem.code,
      ...(problem.row === undefined ? {} : { row: problem.row }),
      ...(problem.column === undefined ? {} : { column: problem.column }),
      message: problem.message,
    })),
  };
}

function sheetFailure(code: string, chinese: string, english: string): SheetImportView {
  return { ok: false, problems: [{ code, message: { 'zh-CN': chinese, en: english } }] };
}
