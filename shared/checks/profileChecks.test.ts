import { describe, expect, it } from 'vitest';
import { ProfileDefinition } from '../profiles/profileSchema';
import { profileDocument } from '../profiles/testProfile';
import { CheckSpec } from './model';
import { profileCheckSpecs } from './profileChecks';

const profile = ProfileDefinition.parse(
  profileDocument({
    parameters: [
      { name: 'pe_address', type: 'ipv4', label: { 'zh-CN': 'PE', en: 'PE' } },
      { name: 'lan_address', type: 'ipv4', required: false, label: { 'zh-CN': '内网地址', en: 'LAN address' } },
    ],
    checks: [
      {
        id: 'pe-session-established',
        kind: 'bgp',
        title: { 'zh-CN': 'BGP', en: 'BGP' },
        params: { neighbor: '{{ pe_address }}' },
        rule: 'state == Established && prefixes >= 1',
        retry: { attempts: 10, intervalSeconds: 15 },
      },
      {
        id: 'pe-reachable',
        kind: 'ping',
        title: { 'zh-CN': 'PE 可达', en: 'PE reachable' },
        params: { target: '{{ pe_address }}', source: '{% if lan_address %}{{ lan_address }}{% endif %}', count: 5 },
        rule: 'loss <= 20%',
      },
    ],
  }),
);

describe('profileCheckSpecs', () => {
  it('renders check parameters from the site values, drops an optional one left blank and turns retries into a window', () => {
    const result = profileCheckSpecs(profile, 'ios', { pe_address: '10.255.0.2' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.checks).toEqual([
      {
        id: 'test-profile.pe-session-established',
        kind: 'bgp',
        title: { 'zh-CN': 'BGP', en: 'BGP' },
        params: { neighbor: '10.255.0.2' },
        rule: 'state == Established && prefixes >= 1',
        profileId: 'test-profile',
        retry: { intervalMs: 15_000, withinMs: 135_000 },
      },
      {
        id: 'test-profile.pe-reachable',
        kind: 'ping',
        title: { 'zh-CN': 'PE 可达', en: 'PE reachable' },
        params: { target: '10.255.0.2', count: 5 },
        rule: 'loss <= 20%',
        profileId: 'test-profile',
      },
    ]);
    for (const check of result.checks) expect(CheckSpec.safeParse(check).success).toBe(true);
    const withSource = profileCheckSpecs(profile, 'ios', { pe_address: '10.255.0.2', lan_address: '10.1.1.1' });
    expect(withSource.ok && withSource.checks[1]?.params).toEqual({ target: '10.255.0.2', source: '10.1.1.1', count: 5 });
  });

  it('reports bad site values and a rule that cannot be read, before anything runs', () => {
    const invalid = profileCheckSpecs(profile, 'ios', { pe_address: '10.255.0.300' });
    expect(invalid.ok).toBe(false);
    expect(!invalid.ok && invalid.problems[0]?.parameter).toBe('pe_address');
    const badRule = ProfileDefinition.parse({ ...profile, checks: [{ ...profile.checks[0], rule: 'state = Established' }] });
    const result = profileCheckSpecs(badRule, 'ios', { pe_address: '10.255.0.2' });
    expect(!result.ok && result.problems.map((problem) => problem.location)).toEqual(['checks.pe-session-established.rule']);
    const badWarning = ProfileDefinition.parse({ ...profile, checks: [{ ...profile.checks[1], warnRule: 'loss <' }] });
    const warned = profileCheckSpecs(badWarning, 'ios', { pe_address: '10.255.0.2' });
    expect(!warned.ok && warned.problems.map((problem) => problem.location)).toEqual(['checks.pe-reachable.warnRule']);
  });

  it('carries a warning rule and the laptop kinds through to the runner', () => {
    const laptop = ProfileDefinition.parse({
      ...profile,
      checks: [
        { id: 'pe-route', kind: 'route', title: { 'zh-CN': '路由', en: 'Route' }, params: { address: '{{ pe_address }}' }, rule: 'found' },
        { id: 'pe-web', kind: 'tcp', title: { 'zh-CN': '服务', en: 'Service' }, params: { target: '{{ pe_address }}:443' }, rule: 'connected', warnRule: 'error == ECONNREFUSED' },
      ],
    });
    const result = profileCheckSpecs(laptop, 'vrp', { pe_address: '10.255.0.2' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.checks.map((check) => [check.kind, check.params, check.warnRule])).toEqual([
      ['route', { address: '10.255.0.2' }, undefined],
      ['tcp', { target: '10.255.0.2:443' }, 'error == ECONNREFUSED'],
    ]);
  });
});
