import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { ApiClient, ApplyReport, EventOf, PlannedLineView, PlanView, ProvisionSource } from '../../../shared/contract';
import { createHost } from '../../compositionRoot';
import { importSiteSheet } from '../../profiles';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../cliError';
import type { CliIo } from '../io';
import { buildConnectRequest, connectionOptions } from '../target';
type Values = Record<string, string | number | null>;

export interface SourceFlags {
  profile?: string | undefined;
  params?: string | undefined;
  site?: string | undefined;
  config?: string | undefined;
}

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/**
 * A configuration file as lines, numbered as in the file. A TAB becomes one space (it would ask
 * most CLIs for completion); any other control character is refused with its line number.
 */
export function configFileLines(text: string, file: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, index) => {
    const cleaned = line.replace(/\t/g, ' ');
    if (CONTROL.test(cleaned)) throw new UsageError(`${file}:${index + 1}: the line contains a control character`);
    return cleaned;
  });
}

function flatValues(parsed: unknown, file: string): Values {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(`${file}: expected a mapping of parameter names to values`);
  const values: Values = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value === 'string' || typeof value === 'number' || value === null) values[name] = value;
    else if (typeof value === 'boolean') values[name] = String(value);
    else throw new UsageError(`${file}: the value of "${name}" must be text or a number`);
  }
  return values;
}

/** `--params FILE`: a YAML or JSON mapping, or a county sheet (.csv/.xlsx) with `--site` naming the row. */
export async function readParameterValues(file: string, site: string | undefined): Promise<Values> {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv' || extension === '.xlsx') {
    const sheet = await importSiteSheet(file);
    if (!sheet.ok) throw new UsageError(`${file}: ${sheet.problems.map((problem) => problem.message.en).join('; ')}`);
    const sites = Object.keys(sheet.sites);
    const chosen = site ?? (sites.length === 1 ? sites[0] : undefined);
    if (chosen === undefined) throw new UsageError(`${file} has ${sites.length} sites; say which with --site (${sites.slice(0, 5).join(', ')}${sites.length > 5 ? ', ...' : ''})`);
    const values = sheet.sites[chosen];
    if (!values) throw new UsageError(`${file} has no site "${chosen}"`);
    return { ...values };
  }
  const text = await readFile(file, 'utf8');
  try {
    return flatValues(extension === '.json' ? JSON.parse(text) : parseYaml(text), file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `--profile ID[,ID...] --params FILE` or `--config FILE`, exactly one of them. */
export async function readProvisionSource(flags: SourceFlags): Promise<ProvisionSource> {
  if ((flags.profile === undefined) === (flags.config === undefined)) throw new UsageError('give either --profile ID[,ID...] (with --params FILE) or --config FILE');
  if (flags.config !== undefined) {
    if (flags.params !== undefined || flags.site !== undefined) throw new UsageError('--params and --site go with --profile, not --config');
    return { kind: 'config', name: flags.config, lines: configFileLines(await readFile(flags.config, 'utf8'), flags.config) };
  }
  const ids = (flags.profile ?? '').split(',').map((id) => id.trim()).filter((id) => id.length > 0);
  if (ids.length === 0) throw new UsageError('--profile needs at least one profile id');
  const values = flags.params === undefined ? {} : await readParameterValues(flags.params, flags.site);
  return { kind: 'profiles', profiles: ids.map((id) => ({ id, values })), ignoreUndeclared: true };
}

export const PROVISION_USAGE = `fieldkit plan|apply TARGET [--username U] [--password-env VAR] [--enable-env VAR]
                 (--profile ID[,ID...] --params FILE [--site CODE] | --config FILE)
                 [--dry-run] [--no-save] [--rollback-on-failure] [--reload-guard MINUTES]
                 [--resume RUN_ID] [--json]`;

const provisionOptions = {
  ...connectionOptions,
  profile: { type: 'string' },
  params: { type: 'string' },
  site: { type: 'string' },
  config: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  'no-save': { type: 'boolean', default: false },
  'rollback-on-failure': { type: 'boolean', default: false },
  'reload-guard': { type: 'string' },
  resume: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

type ProvisionValues = ReturnType<typeof parseProvisionArgs>['values'];

function parseProvisionArgs(argv: string[]) {
  return parseArgs({ args: argv, options: provisionOptions, allowPositionals: true, strict: true });
}

/** Connects, runs `work` with the connect time, always disconnects and disposes the host. */
async function connected<T>(values: ProvisionValues, io: CliIo, work: (client: ApiClient, sessionId: string, connectMs: number) => Promise<T>): Promise<T> {
  const request = await buildConnectRequest(values, io);
  const host = createHost({ carrier: 'in-process' });
  try {
    const started = performance.now();
    const { sessionId } = await host.client.invoke('session.connect', request);
    const connectMs = Math.round(performance.now() - started);
    try {
      return await work(host.client, sessionId, connectMs);
    } finally {
      await host.client.invoke('session.disconnect', { sessionId }).catch(() => undefined);
    }
  } finally {
    await host.dispose();
  }
}

function numbered(line: PlannedLineView): string {
  return `${line.number === null ? '    ' : String(line.number).padStart(4)}  ${' '.repeat(line.path.length)}${line.text}`;
}

function formatPlan(plan: PlanView): string {
  const head = plan.lines.length === 0 ? 'Nothing to send: the device already has every line.' : `${plan.lines.length} line(s) to send, ${plan.alreadyPresent} already present.`;
  return `${plan.diff}${plan.diff === '' ? '' : '\n'}\n${head}\n`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function formatProgress(event: EventOf<'provision.progress'>): string {
  const left = event.estimateMs === null ? '' : `, ~${seconds(event.estimateMs)} left`;
  return `[${event.index}/${event.total}] ${event.bytesSent} B, ${seconds(event.elapsedMs)}${left}  ${event.line}\n`;
}

/** The stable `apply --json` shape (issue: plan|apply CLI), plus the run's id, journal and safety results. */
export function applyJson(report: ApplyReport, connectMs: number): Record<string, unknown> {
  return {
    planned: report.planned,
    sent: report.sent,
    acknowledged: report.acknowledged,
    failedLine: report.failedLine,
    saved: report.saved,
    backup: report.backup,
    timings: { connectMs, ...report.timings },
    runId: report.runId,
    dryRun: report.dryRun,
    journal: report.journal,
    interrupted: report.interrupted,
    saveMessage: report.saveMessage,
    resumed: report.resumed,
    rollback: report.rollback,
    reloadGuard: report.reloadGuard,
  };
}

function formatReport(report: ApplyReport): string {
  const out: string[] = [];
  if (report.dryRun) out.push(`Dry run: nothing was sent. ${report.planned} line(s) would be sent.`);
  else out.push(`Run ${report.runId}: ${report.acknowledged} of ${report.planned} line(s) acknowledged.`);
  if (report.resumed) out.push(`Resumed: ${report.resumed.acknowledgedBefore} line(s) were acknowledged before.${report.resumed.lostLines.length > 0 ? ` The device lost: ${report.resumed.lostLines.join(' | ')}` : ''}`);
  if (report.failedLine) out.push(`Line ${report.failedLine.number ?? '-'} failed: ${report.failedLine.text}`, `  ${report.failedLine.message.replace(/\n/g, '\n  ')}`);
  if (report.interrupted) out.push(`The line dropped: ${report.interrupted.message}`, `Reconnect and run the same command with --resume ${report.runId}`);
  if (report.rollback) out.push(`Rollback: ${report.rollback.note}${report.rollback.differences ? formatDifferences(report.rollback.differences) : ''}`);
  if (report.rollback && report.rollback.skipped.length > 0) out.push(`  Not sent (the backup already has the device that way): ${report.rollback.skipped.join(' | ')}`);
  if (report.reloadGuard) out.push(`Reload guard (${report.reloadGuard.minutes} min): ${report.reloadGuard.cancelled ? 'cancelled' : report.reloadGuard.scheduled ? 'STILL SCHEDULED: the device will reload into its saved configuration' : 'not scheduled'}. ${report.reloadGuard.message}`);
  if (!report.dryRun && report.failedLine === null && report.interrupted === null) out.push(report.saved ? `Saved: ${report.saveMessage ?? ''}` : `Not saved${report.saveMessage ? `: ${report.saveMessage}` : ' (--no-save)'}`);
  if (report.backup) out.push(`Backup: ${report.backup}`);
  return out.join('\n') + '\n';
}

function formatDifferences(differences: { missing: string[]; extra: string[] }): string {
  return [...differences.missing.map((line) => `\n  - ${line}`), ...differences.extra.map((line) => `\n  + ${line}`)].join('');
}

function reloadGuard(value: string | undefined): { minutes: number } | undefined {
  if (value === undefined) return undefined;
  const minutes = Number(value);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 60) throw new UsageError(`--reload-guard takes minutes (1-60), got "${value}"`);
  return { minutes };
}

/** `fieldkit plan`: the diff against the running configuration; nothing is sent. */
export async function planCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseProvisionArgs(argv);
  if (positionals.length > 0) throw new UsageError(`plan takes no positional arguments (got "${positionals.join(' ')}")`);
  const source = await readProvisionSource(values);
  const plan = await connected(values, io, (client, sessionId) => client.invoke('provision.plan', { sessionId, source }));
  io.out(values.json ? JSON.stringify(plan) + '\n' : formatPlan(plan) + plan.lines.map(numbered).join('\n') + (plan.lines.length > 0 ? '\n' : ''));
  return EXIT_OK;
}

/**
 * `fieldkit apply`: backup, paced apply with progress on stderr, save. Exit 1 when a line failed,
 * the line dropped or the save did not succeed.
 */
export async function applyCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseProvisionArgs(argv);
  if (positionals.length > 0) throw new UsageError(`apply takes no positional arguments (got "${positionals.join(' ')}")`);
  const source = await readProvisionSource(values);
  const guard = reloadGuard(values['reload-guard']);
  const options = {
    dryRun: values['dry-run'],
    save: !values['no-save'],
    rollbackOnFailure: values['rollback-on-failure'],
    ...(guard ? { reloadGuard: guard } : {}),
    ...(values.resume !== undefined ? { resumeRunId: values.resume } : {}),
  };
  const { report, connectMs } = await connected(values, io, async (client, sessionId, connectMs) => {
    const unsubscribe = client.subscribe('provision.progress', (event) => {
      if (event.sessionId === sessionId && !values.json) io.err(formatProgress(event));
    });
    try {
      return { report: await client.invoke('provision.apply', { sessionId, source, options }), connectMs };
    } finally {
      unsubscribe();
    }
  });
  io.out(values.json ? JSON.stringify(applyJson(report, connectMs)) + '\n' : (report.dryRun ? report.diff + '\n' : '') + formatReport(report));
  const incomplete = report.failedLine !== null || report.interrupted !== null || (!report.dryRun && options.save && !report.saved);
  return incomplete ? EXIT_FAILURE : EXIT_OK;
}
