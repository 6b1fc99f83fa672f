import { parseArgs } from 'node:util';
import { checkResultJson, defaultDeviceRules, type CheckResult, type CheckSpecInput, type Measured } from '../../../shared/checks';
import type { ApiClient, ProfileSelection, RequestOf } from '../../../shared/contract';
import { createHost } from '../../compositionRoot';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../cliError';
import type { CliIo } from '../io';
import { buildConnectRequest, connectionOptions, type ConnectionValues } from '../target';
import { readParameterValues } from './provisionCommands';

export const CHECK_USAGE = `Usage:
  fieldkit check TARGET (--profile ID[,ID...] --params FILE [--site CODE] | --ping ADDR[,ADDR...]
                 [--source IF] [--count N] | --route PREFIX[,...]) [--retry-for SECONDS] [--json]
  fieldkit check [TARGET] --tcp HOST:PORT[,...] | --resolve NAME[,...] | --host-ping ADDR[,...] [--json]
                                checks from the device (TARGET) and from this computer;
                                exit 0 only if every check passed
`;

const options = {
  ...connectionOptions,
  profile: { type: 'string' },
  params: { type: 'string' },
  site: { type: 'string' },
  ping: { type: 'string' },
  route: { type: 'string' },
  'retry-for': { type: 'string' },
  source: { type: 'string' },
  count: { type: 'string' },
  tcp: { type: 'string' },
  resolve: { type: 'string' },
  'host-ping': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

function listOf(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter((item) => item.length > 0);
}

/** Check ids are lower case; an address or name keeps its dots and colons. */
function idFor(kind: string, target: string): string {
  return `${kind}-${target.toLowerCase().replace(/[^a-z0-9./:-]/g, '-')}`;
}

function hasTarget(values: ConnectionValues): boolean {
  return values.telnet !== undefined || values.ssh !== undefined || values.serial !== undefined;
}

/** The ad-hoc checks the flags ask for: reachability from the device, and the laptop's own probes. */
export function adHocChecks(values: { ping?: string | undefined; route?: string | undefined; source?: string | undefined; count?: string | undefined; tcp?: string | undefined; resolve?: string | undefined; 'host-ping'?: string | undefined }): CheckSpecInput[] {
  const count = values.count === undefined ? undefined : Number(values.count);
  if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > 1000)) throw new UsageError(`--count takes a whole number from 1 to 1000, got "${values.count}"`);
  if ((values.source !== undefined || values.count !== undefined) && values.ping === undefined && values['host-ping'] === undefined) throw new UsageError('--source and --count go with --ping');
  const checks: CheckSpecInput[] = [];
  for (const address of listOf(values.ping)) {
    checks.push({ id: idFor('ping', address), kind: 'ping', rule: defaultDeviceRules.ping, params: { target: address, count: count ?? 5, ...(values.source ? { source: values.source } : {}) } });
  }
  for (const address of listOf(values.route)) checks.push({ id: idFor('route', address), kind: 'route', rule: defaultDeviceRules.route, params: { address } });
  for (const target of listOf(values.tcp)) {
    if (!/^[^:\s]+:\d{1,5}$/.test(target)) throw new UsageError(`--tcp takes HOST:PORT, got "${target}"`);
    checks.push({ id: idFor('tcp', target), kind: 'tcp', rule: 'connected', params: { target } });
  }
  for (const name of listOf(values.resolve)) checks.push({ id: idFor('dns', name), kind: 'dns', rule: 'resolved', params: { name } });
  for (const address of listOf(values['host-ping'])) {
    checks.push({ id: idFor('host-ping', address), kind: 'host-ping', rule: 'loss <= 20%', params: { target: address, count: count ?? 4 } });
  }
  return checks;
}

function summary(measured: Measured): string {
  return Object.entries(measured)
    .filter(([, value]) => !Array.isArray(value) || value.length <= 6)
    .map(([name, value]) => `${name}=${Array.isArray(value) ? value.join(',') : String(value)}`)
    .join(' ');
}

/** The text report: one line a check, then for each one that did not pass why, its command and its output. */
export function formatCheckResults(results: readonly CheckResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    const tries = result.attempts.length > 1 ? `, ${result.attempts.length} attempts` : '';
    lines.push(`${result.status.toUpperCase().padEnd(5)} ${result.id}  [${result.rule}]  ${summary(result.measured)}  (${result.elapsedMs} ms${tries})`);
    if (result.status === 'pass') continue;
    if (result.message) lines.push(`      ${result.message}`);
    if (result.command) lines.push(...result.command.split('\n').map((command) => `      $ ${command}`));
    lines.push(...result.output.split('\n').filter((line) => line.trim() !== '').map((line) => `      | ${line}`));
  }
  const passed = results.filter((result) => result.status === 'pass').length;
  lines.push(`${passed}/${results.length} checks passed`);
  return lines.join('\n') + '\n';
}

async function runRequest(client: ApiClient, request: RequestOf<'checks.run'>, io: CliIo, json: boolean): Promise<CheckResult[]> {
  const unsubscribe = json
    ? () => undefined
    : client.subscribe('checks.progress', (event) => {
        if (event.phase === 'attempt' && event.attempt.status !== 'pass') io.err(`fieldkit: ${event.checkId}: attempt ${event.attempt.attempt} ${event.attempt.status}\n`);
      });
  try {
    return (await client.invoke('checks.run', request)).results;
  } finally {
    unsubscribe();
  }
}

export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  if (positionals.length > 0) throw new UsageError(`check takes no positional arguments (got "${positionals.join(' ')}")`);
  if (values.params !== undefined && values.profile === undefined) throw new UsageError('--params goes with --profile');
  const checks = adHocChecks(values);
  let profiles: ProfileSelection[] = [];
  if (values.profile !== undefined) {
    const ids = listOf(values.profile);
    if (ids.length === 0) throw new UsageError('--profile needs at least one profile id');
    const parameterValues = values.params === undefined ? {} : await readParameterValues(values.params, values.site);
    profiles = ids.map((id) => ({ id, values: parameterValues }));
  }
  if (profiles.length === 0 && checks.length === 0) throw new UsageError('say what to check: --profile ID --params FILE, --ping ADDR, --tcp HOST:PORT, --resolve NAME or --host-ping ADDR');
  const needsDevice = profiles.length > 0 || checks.some((check) => check.kind !== 'tcp' && check.kind !== 'dns' && check.kind !== 'host-ping');
  if (needsDevice && !hasTarget(values)) throw new UsageError('--profile, --ping and --route run on the device: give --telnet, --ssh or --serial');
  const retryFor = values['retry-for'] === undefined ? undefined : Number(values['retry-for']);
  if (retryFor !== undefined && (!Number.isFinite(retryFor) || retryFor < 0 || retryFor > 3600)) throw new UsageError(`--retry-for takes seconds from 0 to 3600, got "${values['retry-for']}"`);
  const limit = retryFor === undefined ? {} : { retryLimitMs: Math.round(retryFor * 1000) };

  const host = createHost({ carrier: 'in-process' });
  let results: CheckResult[];
  try {
    if (!hasTarget(values)) {
      results = await runRequest(host.client, { checks, ...limit }, io, values.json);
    } else {
      const { sessionId } = await host.client.invoke('session.connect', await buildConnectRequest(values, io));
      try {
        results = await runRequest(host.client, { sessionId, profiles, checks, ...limit }, io, values.json);
      } finally {
        await host.client.invoke('session.disconnect', { sessionId }).catch(() => undefined);
      }
    }
  } finally {
    await host.dispose();
  }
  io.out(values.json ? JSON.stringify(results.map(checkResultJson)) + '\n' : formatCheckResults(results));
  return results.every((result) => result.status === 'pass') ? EXIT_OK : EXIT_FAILURE;
}
