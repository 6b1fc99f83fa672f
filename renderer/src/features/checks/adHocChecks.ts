import { defaultDeviceRules, type CheckSpec } from '../../../../shared/checks';

/** What the ad-hoc form offers: reachability from the device, and the laptop's own probes. */
export const adHocKinds = ['ping', 'route', 'tcp', 'dns', 'host-ping'] as const;
export type AdHocKind = (typeof adHocKinds)[number];

export function isAdHocKind(kind: string): kind is AdHocKind {
  return (adHocKinds as readonly string[]).includes(kind);
}

/** The ad-hoc form's values; `port` is for tcp, `count` and `source` for the pings. */
export interface AdHocValues {
  kind: AdHocKind;
  target: string;
  port?: number | null;
  count?: number | null;
  source?: string;
  /** Seconds to keep trying while the check has not passed; 0 or empty runs it once. */
  retrySeconds?: number | null;
}

/** Device commands take one token (shared/checks/commands.ts); the laptop's probes a host name or address. */
const DEVICE_TOKEN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
const LAPTOP_HOST = /^[A-Za-z0-9][A-Za-z0-9.:-]{0,253}$/;

export const DEFAULT_DEVICE_PING_COUNT = 5;
export const DEFAULT_HOST_PING_COUNT = 4;
/** Attempts of a retried ad-hoc check start this far apart. */
export const RETRY_INTERVAL_MS = 5_000;

const rules: Record<AdHocKind, string> = {
  ping: defaultDeviceRules.ping,
  route: defaultDeviceRules.route,
  tcp: 'connected',
  dns: 'resolved',
  'host-ping': 'loss <= 20%',
};

export function isDeviceKind(kind: AdHocKind): boolean {
  return kind === 'ping' || kind === 'route';
}

/** Whether `target` can go to the check as it is: one token for the device, a host for the laptop. */
export function validTarget(kind: AdHocKind, target: string): boolean {
  return (isDeviceKind(kind) ? DEVICE_TOKEN : LAPTOP_HOST).test(target.trim());
}

/** `ping-10.0.0.1`, then `ping-10.0.0.1-2` for a second one: ids name rows and progress events. */
export function checkIdFor(kind: AdHocKind, target: string, taken: ReadonlySet<string>): string {
  const base = `${kind}-${target.toLowerCase().replace(/[^a-z0-9./:-]/g, '-')}`.slice(0, 120);
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

/** The spec of one ad-hoc check with the kind's default rule; throws on a target the form should have refused. */
export function buildAdHocCheck(values: AdHocValues, taken: ReadonlySet<string>): CheckSpec {
  const target = values.target.trim();
  if (!validTarget(values.kind, target)) throw new Error(`not a usable ${values.kind} target: ${JSON.stringify(target)}`);
  const shown = values.kind === 'tcp' ? `${target}:${values.port ?? ''}` : target;
  const retrySeconds = values.retrySeconds ?? 0;
  const source = values.source?.trim() ?? '';
  const params = ((): CheckSpec['params'] => {
    switch (values.kind) {
      case 'ping':
        return { target, count: values.count ?? DEFAULT_DEVICE_PING_COUNT, ...(source !== '' ? { source } : {}) };
      case 'host-ping':
        return { target, count: values.count ?? DEFAULT_HOST_PING_COUNT };
      case 'route':
        return { address: target };
      case 'tcp':
        return { host: target, port: values.port ?? 0 };
      case 'dns':
        return { name: target };
    }
  })();
  return {
    id: checkIdFor(values.kind, shown, taken),
    kind: values.kind,
    params,
    rule: rules[values.kind],
    ...(retrySeconds > 0 ? { retry: { intervalMs: RETRY_INTERVAL_MS, withinMs: Math.round(retrySeconds * 1000) } } : {}),
  };
}
