import { describe, expect, it } from 'vitest';
import { CheckSpec } from '../../../../shared/checks';
import { buildAdHocCheck, checkIdFor, validTarget } from './adHocChecks';

describe('ad-hoc checks', () => {
  it('builds a device ping with count, source, the default rule and a retry window', () => {
    const spec = buildAdHocCheck({ kind: 'ping', target: ' 10.255.0.1 ', count: 3, source: 'eth3', retrySeconds: 30 }, new Set());
    expect(spec).toEqual({
      id: 'ping-10.255.0.1',
      kind: 'ping',
      params: { target: '10.255.0.1', count: 3, source: 'eth3' },
      rule: 'loss <= 20%',
      retry: { intervalMs: 5000, withinMs: 30_000 },
    });
    expect(CheckSpec.safeParse(spec).success).toBe(true);
  });

  it('builds laptop checks the host understands, with their rules', () => {
    const tcp = buildAdHocCheck({ kind: 'tcp', target: '127.0.0.1', port: 8080 }, new Set());
    expect(tcp).toMatchObject({ id: 'tcp-127.0.0.1:8080', params: { host: '127.0.0.1', port: 8080 }, rule: 'connected' });
    expect(buildAdHocCheck({ kind: 'dns', target: 'Noc.Example.cn' }, new Set())).toMatchObject({ id: 'dns-noc.example.cn', params: { name: 'Noc.Example.cn' }, rule: 'resolved' });
    expect(buildAdHocCheck({ kind: 'route', target: '10.2.0.0/16' }, new Set())).toMatchObject({ params: { address: '10.2.0.0/16' }, rule: 'found' });
    expect(buildAdHocCheck({ kind: 'host-ping', target: '192.168.1.1' }, new Set()).params).toEqual({ target: '192.168.1.1', count: 4 });
  });

  it('gives a repeated target its own id', () => {
    expect(checkIdFor('ping', '10.0.0.1', new Set(['ping-10.0.0.1', 'ping-10.0.0.1-2']))).toBe('ping-10.0.0.1-3');
  });

  it('refuses targets that would carry a second word to the device', () => {
    expect(validTarget('ping', '10.0.0.1 repeat 1000')).toBe(false);
    expect(validTarget('route', '10.0.0.0/8')).toBe(true);
    expect(validTarget('tcp', 'host/path')).toBe(false);
    expect(() => buildAdHocCheck({ kind: 'ping', target: '1.1.1.1;reload' }, new Set())).toThrow();
  });
});
