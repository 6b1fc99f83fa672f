import { z } from 'zod';

/** Checks run on the device, over its CLI; each has a per-platform command and a parser. */
export const DeviceCheckKind = z.enum(['ping', 'interfaces', 'bgp', 'ospf', 'route', 'vpn', 'voice', 'ntp', 'saved']);
export type DeviceCheckKind = z.infer<typeof DeviceCheckKind>;

/** Checks run from the laptop: a TCP connect, the operating system's ping, a DNS lookup. */
export const LaptopCheckKind = z.enum(['tcp', 'host-ping', 'dns']);
export type LaptopCheckKind = z.infer<typeof LaptopCheckKind>;

export const CheckKind = z.enum([...DeviceCheckKind.options, ...LaptopCheckKind.options]);
export type CheckKind = z.infer<typeof CheckKind>;

export function isDeviceCheck(kind: CheckKind): kind is DeviceCheckKind {
  return (DeviceCheckKind.options as readonly string[]).includes(kind);
}

/**
 * pass: the rule held. fail: it ran and the rule did not hold. warn: the rule did not hold but
 * the check's `warnRule` did. error: it could not run or could not be judged (command refused,
 * timed out, output not understood, rule naming a value the check does not measure).
 */
export const CheckStatus = z.enum(['pass', 'fail', 'warn', 'error']);
export type CheckStatus = z.infer<typeof CheckStatus>;

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const MeasuredValue = z.union([Scalar, z.array(Scalar)]);
export type MeasuredValue = z.infer<typeof MeasuredValue>;
export const Measured = z.record(z.string(), MeasuredValue);
export type Measured = z.infer<typeof Measured>;

export const CheckParams = z.record(z.string().regex(/^[a-z][a-zA-Z0-9_]*$/), z.union([z.string().max(1024), z.number(), z.boolean()]));
export type CheckParams = z.infer<typeof CheckParams>;

/** Try again every `intervalMs` while the check has not passed, until `withinMs` after the first attempt began. */
export const RetryPolicy = z.object({
  intervalMs: z.number().int().min(100).max(600_000),
  withinMs: z.number().int().min(0).max(3_600_000),
});
export type RetryPolicy = z.infer<typeof RetryPolicy>;

/** One check ready to run: parameters already rendered, the rule still text. */
export const CheckSpec = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9./:-]*$/).max(128),
  kind: CheckKind,
  title: z.object({ 'zh-CN': z.string(), en: z.string() }).optional(),
  params: CheckParams.default({}),
  rule: z.string().min(1).max(500),
  warnRule: z.string().min(1).max(500).optional(),
  retry: RetryPolicy.optional(),
  /** One attempt's limit; a check that exceeds it is `error`. Default: the kind's own. */
  timeoutMs: z.number().int().positive().max(600_000).optional(),
  /** The profile that declared it, when it came from one. */
  profileId: z.string().optional(),
});
export type CheckSpec = z.infer<typeof CheckSpec>;
export type CheckSpecInput = z.input<typeof CheckSpec>;

export const CheckAttempt = z.object({
  /** 1-based. */
  attempt: z.number().int().positive(),
  status: CheckStatus,
  measured: Measured,
  /** The command(s) run, one a line; for laptop checks what was done (`tcp connect 127.0.0.1:80`). */
  command: z.string(),
  /** The device's own output (masked), or the laptop tool's; on an error, whatever arrived so far. */
  output: z.string(),
  /** Why it did not pass: the rule's failing tests, or the error. Null on pass. */
  message: z.string().nullable(),
  startedAt: z.string(),
  elapsedMs: z.number().nonnegative(),
});
export type CheckAttempt = z.infer<typeof CheckAttempt>;

/** A check's outcome: the last attempt's evidence, plus every attempt. `elapsedMs` spans them all. */
export const CheckResult = z.object({
  id: z.string(),
  kind: CheckKind,
  title: z.object({ 'zh-CN': z.string(), en: z.string() }).optional(),
  profileId: z.string().optional(),
  status: CheckStatus,
  rule: z.string(),
  measured: Measured,
  command: z.string(),
  output: z.string(),
  message: z.string().nullable(),
  attempts: z.array(CheckAttempt),
  startedAt: z.string(),
  elapsedMs: z.number().nonnegative(),
});
export type CheckResult = z.infer<typeof CheckResult>;

/** Profiles say "N attempts, every S seconds"; the runner thinks in a time window. */
export function retryFromAttempts(attempts: number, intervalSeconds: number): RetryPolicy | undefined {
  if (attempts <= 1) return undefined;
  return { intervalMs: intervalSeconds * 1000, withinMs: (attempts - 1) * intervalSeconds * 1000 };
}

/** The `--json` shape of the CLI, stable for scripts. */
export function checkResultJson(result: CheckResult): Record<string, unknown> {
  return {
    id: result.id,
    kind: result.kind,
    status: result.status,
    rule: result.rule,
    measured: result.measured,
    command: result.command,
    output: result.output,
    attempts: result.attempts,
    elapsedMs: result.elapsedMs,
  };
}
