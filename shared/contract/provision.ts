import { z } from 'zod';
import { DialectId, SafeText } from './device';

const SessionId = z.string().min(1).max(64);
/** Run ids name journal files: letters, digits and hyphens only. */
export const RunId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { message: 'a run id is 8-64 letters, digits or hyphens' });

/** A value from a form, a parameters file or a sheet cell. */
const ParameterValue = z.union([SafeText(1024), z.number(), z.null()]);

export const ProfileSelection = z.object({
  id: SafeText(64).min(1),
  values: z.record(z.string().max(63), ParameterValue).default({}),
});
export type ProfileSelection = z.infer<typeof ProfileSelection>;

/**
 * What to apply: library profiles with their parameter values (rendered for the device's
 * dialect), or the lines of a plain configuration file. File lines are given as the file has
 * them, blank and comment lines included, so a line's number is its index + 1.
 */
export const ProvisionSource = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('profiles'),
    profiles: z.array(ProfileSelection).min(1).max(32),
    /** Values for parameters other profiles declare are ignored rather than reported (one sheet row for several profiles). */
    ignoreUndeclared: z.boolean().default(true),
  }),
  z.object({
    kind: z.literal('config'),
    /** The file's name, for records (never read by the host). */
    name: SafeText(256).min(1),
    lines: z.array(SafeText(4096)).max(20_000),
  }),
]);
export type ProvisionSource = z.infer<typeof ProvisionSource>;

/** One line the plan sends. `number` is 1-based in the rendered lines or the file; null for an exit the planner added. */
export const PlannedLineView = z.object({
  number: z.number().int().positive().nullable(),
  /** Secrets masked. */
  text: z.string(),
  /** Section headers around the line. */
  path: z.array(z.string()),
  /** For profiles: which profile rendered the line. */
  profileId: z.string().nullable(),
});
export type PlannedLineView = z.infer<typeof PlannedLineView>;

export const PlanView = z.object({
  dialect: DialectId,
  lines: z.array(PlannedLineView),
  alreadyPresent: z.number().int().nonnegative(),
  /** `renderDiff` text, secrets masked. */
  diff: z.string(),
});
export type PlanView = z.infer<typeof PlanView>;

export const FailedLine = z.object({
  number: z.number().int().positive().nullable(),
  text: z.string(),
  /** The device's error text. */
  message: z.string(),
});
export type FailedLine = z.infer<typeof FailedLine>;

export const ReloadGuardOptions = z.object({
  /** Minutes until the scheduled reload into the saved configuration. */
  minutes: z.number().int().min(1).max(60).default(10),
});

export const ApplyOptions = z.object({
  /** Plan only: nothing is sent. */
  dryRun: z.boolean().default(false),
  save: z.boolean().default(true),
  /** On a device error, apply the profiles' reverse templates (profiles only). */
  rollbackOnFailure: z.boolean().default(false),
  /**
   * IOS-like only, off by default: `reload in N` before applying, cancelled once the lines and
   * the save succeeded. Use only when the saved configuration is the known-good state.
   */
  reloadGuard: ReloadGuardOptions.optional(),
  /** Continue an interrupted run: its journal is cross-checked against the new plan. */
  resumeRunId: RunId.optional(),
});

const Differences = z.object({ missing: z.array(z.string()), extra: z.array(z.string()) });

export const RollbackReport = z.object({
  /** False for a configuration file: it has no reverse template. */
  available: z.boolean(),
  note: z.string(),
  sent: z.number().int().nonnegative(),
  failedLine: FailedLine.nullable(),
  /** True when the running configuration equals the backup (volatile lines ignored). */
  matchesBackup: z.boolean().nullable(),
  differences: Differences.nullable(),
  /**
   * Reverse lines deliberately not sent (`section > line`, secrets masked): the backup does not
   * hold them, so they would move the device away from it (e.g. turn on a service that was off
   * before the apply). Empty when nothing was left out or there was no backup to check against.
   */
  skipped: z.array(z.string()).default([]),
});
export type RollbackReport = z.infer<typeof RollbackReport>;

export const ReloadGuardReport = z.object({
  scheduled: z.boolean(),
  cancelled: z.boolean(),
  minutes: z.number().int(),
  message: z.string(),
});

export const ApplyReport = z.object({
  runId: RunId,
  dialect: DialectId,
  dryRun: z.boolean(),
  planned: z.number().int().nonnegative(),
  sent: z.number().int().nonnegative(),
  acknowledged: z.number().int().nonnegative(),
  failedLine: FailedLine.nullable(),
  /** The line dropped (cable pulled, device rebooted): resume with `resumeRunId`. */
  interrupted: z.object({ index: z.number().int().nonnegative(), message: z.string() }).nullable(),
  saved: z.boolean(),
  /** The device's text when the save did not succeed (or was not asked for: null). */
  saveMessage: z.string().nullable(),
  /** Path of the masked running configuration taken before applying; null on a dry run. */
  backup: z.string().nullable(),
  journal: z.string().nullable(),
  diff: z.string(),
  lines: z.array(PlannedLineView),
  resumed: z
    .object({ fromRunId: RunId, acknowledgedBefore: z.number().int().nonnegative(), lostLines: z.array(z.string()) })
    .nullable(),
  rollback: RollbackReport.nullable(),
  reloadGuard: ReloadGuardReport.nullable(),
  timings: z.object({ backupMs: z.number(), applyMs: z.number(), saveMs: z.number() }),
});
export type ApplyReport = z.infer<typeof ApplyReport>;

/** Text in both product languages, as profiles and sheet problems carry it. */
const LocalizedText = z.object({ 'zh-CN': z.string(), en: z.string() });

/**
 * A parameter as the wizard's form needs it. The optional fields mirror the profile schema's
 * declaration (`shared/profiles/parameterSchema.ts`): `values` for an enum, `min`/`max` for an
 * integer, `minLength`/`maxLength` for text, secrets and host names. `default` is text and is
 * never given for a secret.
 */
export const ParameterSummary = z.object({
  name: z.string(),
  type: z.string(),
  required: z.boolean(),
  secret: z.boolean(),
  label: LocalizedText.optional(),
  description: LocalizedText.optional(),
  default: z.string().optional(),
  values: z.array(z.string()).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  minLength: z.number().optional(),
  maxLength: z.number().optional(),
});
export type ParameterSummary = z.infer<typeof ParameterSummary>;

export const ProfileSummary = z.object({
  id: z.string(),
  kind: z.string(),
  name: LocalizedText,
  description: LocalizedText.optional(),
  dialects: z.array(DialectId),
  parameters: z.array(ParameterSummary),
  reversible: z.array(DialectId),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

/** A problem with one parameter value, as found by the profile's validation (messages never quote a secret). */
export const ParameterProblemView = z.object({
  profileId: z.string(),
  parameter: z.string(),
  code: z.string(),
  message: LocalizedText,
});
export type ParameterProblemView = z.infer<typeof ParameterProblemView>;

/**
 * `details` of the `InvalidRequest` that `provision.plan` and `provision.apply` reject with when
 * the profiles cannot be rendered: `problems` in English (as before), `parameters` per field.
 */
export const RenderProblemDetails = z.object({
  problems: z.array(z.string()),
  parameters: z.array(ParameterProblemView).default([]),
});
export type RenderProblemDetails = z.infer<typeof RenderProblemDetails>;

/** Base64 of a site sheet is capped below the web carrier's 1 MiB frame. */
export const MAX_SHEET_BYTES = 700 * 1024;

export const SheetProblemView = z.object({
  code: z.string(),
  /** 1-based as the spreadsheet shows it. */
  row: z.number().int().optional(),
  column: z.string().optional(),
  message: LocalizedText,
});
export type SheetProblemView = z.infer<typeof SheetProblemView>;

export const SheetImportView = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** `sites[site][parameter] = value`; a blank cell leaves the parameter out. */
    sites: z.record(z.string(), z.record(z.string(), z.string())),
    columns: z.array(z.string()),
  }),
  z.object({ ok: z.literal(false), problems: z.array(SheetProblemView) }),
]);
export type SheetImportView = z.infer<typeof SheetImportView>;

export const provisionMethods = {
  /** Render (or read) and compare with the running configuration; nothing is sent. */
  'provision.plan': {
    request: z.object({ sessionId: SessionId, source: ProvisionSource }),
    response: PlanView,
  },
  'provision.apply': {
    request: z.object({ sessionId: SessionId, source: ProvisionSource, options: ApplyOptions.default({ dryRun: false, save: true, rollbackOnFailure: false }) }),
    response: ApplyReport,
  },
  /** Applies the profiles' reverse templates and compares the result with a run's backup. */
  'provision.rollback': {
    request: z.object({ sessionId: SessionId, source: ProvisionSource, runId: RunId.optional(), save: z.boolean().default(false) }),
    response: RollbackReport,
  },
  'profiles.list': {
    request: z.object({}),
    response: z.object({ profiles: z.array(ProfileSummary), problems: z.array(z.object({ file: z.string(), message: z.string() })) }),
  },
  /**
   * Reads a county site sheet (.csv or .xlsx, by the name's extension) that the UI picked with a
   * file input: the content travels, never a path. Column headers may be parameter names or
   * their labels; a `dialect` column is accepted and returned like a parameter.
   */
  'profiles.importSheet': {
    request: z.object({
      fileName: SafeText(256).min(1),
      contentBase64: z
        .string()
        .max(Math.ceil(MAX_SHEET_BYTES / 3) * 4)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'base64 text' }),
    }),
    response: SheetImportView,
  },
} as const;

export const provisionEvents = {
  /** After each acknowledged line: line `index` (1-based) of `total`. The line's secrets are masked. */
  'provision.progress': z.object({
    runId: RunId,
    sessionId: SessionId,
    index: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    bytesSent: z.number().int().nonnegative(),
    elapsedMs: z.number().nonnegative(),
    estimateMs: z.number().nonnegative().nullable(),
    line: z.string(),
  }),
} as const;
