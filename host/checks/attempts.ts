import { CheckCommandError, isDeviceCheck, judge, measurePing, planDeviceCheck, type CheckParams, type CheckSpec, type CommandOutput, type CommandPlatform, type Measured } from '../../shared/checks';
import type { CommandResult } from '../../shared/contract';
import { OutputParseError } from '../../shared/parsers';
import { CommandInterruptedError, runPlannedCommand, type CheckLine } from './deviceLine';
import { ProbeTimeoutError, type LaptopProbes } from './laptopProbes';

/** Where checks run: the device (when connected) and the laptop. */
export interface CheckEnvironment {
  device?: {
    line: CheckLine;
    platform: CommandPlatform;
    /** One command's wait for its prompt, unless the check sets `timeoutMs`. */
    commandTimeoutMs: number;
  };
  laptop: LaptopProbes;
  signal?: AbortSignal;
}

/** What one attempt found, before it is numbered and timed. `final`: trying again cannot change it. */
export interface AttemptOutcome {
  measured: Measured;
  command: string;
  output: string;
  /** Set when the check could not run or be read; the verdict is then `error` whatever the rule. */
  error: string | null;
  final: boolean;
}

const SAFE_HOST = /^[A-Za-z0-9][A-Za-z0-9.:-]{0,253}$/;
const DEFAULT_TCP_TIMEOUT_MS = 5_000;
const DEFAULT_DNS_TIMEOUT_MS = 10_000;
/** Resolver answers that mean "no such name": the check ran and the name does not resolve. */
const NOT_FOUND_CODES = new Set(['ENOTFOUND', 'ENODATA', 'EAI_NONAME']);

function param(params: CheckParams, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = params[name];
    if (value !== undefined && value !== '') return String(value);
  }
  return undefined;
}

function setupError(message: string, command = ''): AttemptOutcome {
  return { measured: {}, command, output: '', error: message, final: true };
}

/** One attempt of a device check: its commands in order, outputs joined, then measured. */
async function deviceAttempt(spec: CheckSpec, environment: CheckEnvironment): Promise<AttemptOutcome> {
  const device = environment.device;
  if (!device || !isDeviceCheck(spec.kind)) return setupError(`the ${spec.kind} check runs on a device: connect to one first`);
  let plan;
  try {
    plan = planDeviceCheck(device.platform, spec.kind, spec.params);
  } catch (error) {
    if (error instanceof CheckCommandError) return setupError(error.message);
    throw error;
  }
  const command = plan.commands.map((entry) => entry.command).join('\n');
  const results: CommandResult[] = [];
  const transcript = (extra = ''): string =>
    [...results.map((result, index) => (plan.commands.length > 1 ? `${result.prompt} ${plan.commands[index]?.command ?? ''}\n` : '') + result.output), extra].filter((part) => part !== '').join('\n');
  for (const planned of plan.commands) {
    try {
      results.push(await runPlannedCommand(device.line, planned, { timeoutMs: spec.timeoutMs ?? device.commandTimeoutMs, ...(environment.signal ? { signal: environment.signal } : {}) }));
    } catch (error) {
      if (!(error instanceof CommandInterruptedError)) throw error;
      return { measured: {}, command, output: transcript(error.partialOutput), error: `${planned.command}: ${error.code}: ${error.message}`, final: error.code === 'ConnectionClosed' || error.code === 'Cancelled' };
    }
  }
  const outputs: CommandOutput[] = results.map((result) => ({ output: result.output, failed: result.failed, failureMessage: result.failureMessage }));
  try {
    return { measured: plan.measure(outputs), command, output: transcript(), error: null, final: false };
  } catch (error) {
    if (!(error instanceof OutputParseError) && !(error instanceof CheckCommandError)) throw error;
    return { measured: {}, command, output: transcript(), error: `the output could not be read: ${error.message}`, final: false };
  }
}

async function tcpAttempt(spec: CheckSpec, environment: CheckEnvironment): Promise<AttemptOutcome> {
  const target = param(spec.params, 'target');
  const host = param(spec.params, 'host') ?? target?.replace(/:\d+$/, '');
  const port = Number(param(spec.params, 'port') ?? /:(\d+)$/.exec(target ?? '')?.[1]);
  if (host === undefined || !SAFE_HOST.test(host)) return setupError('the tcp check needs a host (host, or target HOST:PORT)');
  if (!Number.isInteger(port) || port < 1 || port > 65535) return setupError('the tcp check needs a port from 1 to 65535');
  const command = `tcp connect ${host}:${port}`;
  try {
    const outcome = await environment.laptop.tcpConnect(host, port, { timeoutMs: spec.timeoutMs ?? DEFAULT_TCP_TIMEOUT_MS, ...(environment.signal ? { signal: environment.signal } : {}) });
    const output = outcome.connected ? `connected to ${host}:${port} in ${outcome.elapsedMs} ms` : `connect to ${host}:${port} failed: ${outcome.error ?? 'error'}`;
    return { measured: { host, port, connected: outcome.connected, connectMs: outcome.connected ? outcome.elapsedMs : null, error: outcome.error }, command, output, error: null, final: false };
  } catch (error) {
    if (!(error instanceof ProbeTimeoutError)) throw error;
    return { measured: {}, command, output: '', error: error.message, final: false };
  }
}

async function hostPingAttempt(spec: CheckSpec, environment: CheckEnvironment): Promise<AttemptOutcome> {
  const address = param(spec.params, 'target', 'address');
  const count = Number(param(spec.params, 'count') ?? 4);
  if (address === undefined || !SAFE_HOST.test(address)) return setupError('the host-ping check needs a target address');
  if (!Number.isInteger(count) || count < 1 || count > 100) return setupError('count must be a whole number from 1 to 100');
  const command = `ping -n -c ${count} -W 2 ${address}`;
  try {
    const outcome = await environment.laptop.ping(address, count, { timeoutMs: spec.timeoutMs ?? count * 1000 + 5_000, ...(environment.signal ? { signal: environment.signal } : {}) });
    try {
      // iputils' summary is the Linux one, which the `ios` dialect reads (FRR's ping is the same program).
      return { measured: measurePing('ios', outcome.output), command, output: outcome.output, error: null, final: false };
    } catch (error) {
      if (!(error instanceof OutputParseError)) throw error;
      return { measured: {}, command, output: outcome.output, error: `ping exited with ${outcome.exitCode}: ${error.message}`, final: false };
    }
  } catch (error) {
    if (error instanceof ProbeTimeoutError) return { measured: {}, command, output: error.partialOutput, error: error.message, final: false };
    return setupError(`ping could not run: ${error instanceof Error ? error.message : String(error)}`, command);
  }
}

async function dnsAttempt(spec: CheckSpec, environment: CheckEnvironment): Promise<AttemptOutcome> {
  const name = param(spec.params, 'name', 'target');
  if (name === undefined || !SAFE_HOST.test(name)) return setupError('the dns check needs a name');
  const command = `resolve ${name}`;
  const timeoutMs = spec.timeoutMs ?? DEFAULT_DNS_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeoutError(`no answer for ${name} within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const addresses = await Promise.race([environment.laptop.resolve(name), timeout]);
    return { measured: { name, resolved: addresses.length > 0, addresses, count: addresses.length }, command, output: addresses.join('\n'), error: null, final: false };
  } catch (error) {
    if (error instanceof ProbeTimeoutError) return { measured: {}, command, output: '', error: error.message, final: false };
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
    if (code !== null && NOT_FOUND_CODES.has(code)) return { measured: { name, resolved: false, addresses: [], count: 0 }, command, output: code, error: null, final: false };
    return { measured: {}, command, output: '', error: `resolving ${name} failed: ${code ?? (error instanceof Error ? error.message : String(error))}`, final: false };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs one attempt of any check kind. Only programming faults reject; everything else is an outcome. */
export function attemptCheck(spec: CheckSpec, environment: CheckEnvironment): Promise<AttemptOutcome> {
  switch (spec.kind) {
    case 'tcp':
      return tcpAttempt(spec, environment);
    case 'host-ping':
      return hostPingAttempt(spec, environment);
    case 'dns':
      return dnsAttempt(spec, environment);
    default:
      return deviceAttempt(spec, environment);
  }
}

/** The attempt's status and message: an error outcome is `error` whatever the rule; otherwise the rule decides. */
export function verdictOf(spec: CheckSpec, outcome: AttemptOutcome): { status: 'pass' | 'fail' | 'warn' | 'error'; message: string | null; ruleError: boolean } {
  if (outcome.error !== null) return { status: 'error', message: outcome.error, ruleError: false };
  const verdict = judge(spec.rule, outcome.measured, spec.warnRule);
  return { ...verdict, ruleError: verdict.status === 'error' };
}

