import { describe, expect, it } from 'vitest';
import { CheckKind } from '../checks/model';
import { ProfileCheck } from './profileSchema';
import { profileDocument } from './testProfile';
import { validateProfileDefinition } from './validateProfile';

describe('validateProfileDefinition', () => {
  it('accepts a valid document and applies defaults', () => {
    const result = validateProfileDefinition(profileDocument());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.profile.checks).toEqual([]);
      expect(result.profile.parameters[0]?.required).toBe(true);
      expect(result.profile.parameters[2]?.required).toBe(false);
    }
  });

  it('rejects a template variable that is not a declared parameter, with its place', () => {
    const result = validateProfileDefinition(profileDocument({ templates: { vrp: { apply: 'sysname {{ hostname }}\nntp-service unicast-server {{ ntp_sever }}\n' } } }));
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'undeclared-variable', parameter: 'ntp_sever', location: 'templates.vrp.apply:2:31' }] });
  });

  it('finds undeclared variables in reverse templates, inside blocks and in check params', () => {
    const result = validateProfileDefinition(
      profileDocument({
        templates: { ios: { apply: '{% if note %}\n description {{ note }} {{ site_code }}\n{% endif %}', reverse: '{% multiline %}{{ banner }}{% endmultiline %}' } },
        checks: [{ id: 'reach', kind: 'ping', title: { 'zh-CN': '可达', en: 'Reachable' }, params: { target: '{{ peer }}' }, rule: 'success' }],
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.parameter).sort()).toEqual(['banner', 'peer', 'site_code']);
  });

  it('does not count variables the template assigns itself', () => {
    const result = validateProfileDefinition(profileDocument({ templates: { ios: { apply: '{% assign name = hostname | upcase %}hostname {{ name }}' } } }));
    expect(result.ok).toBe(true);
  });

  it('reports schema problems with their path, in both languages', () => {
    const document = { ...profileDocument(), id: 'Not Kebab', kind: 'routing' };
    const result = validateProfileDefinition(document);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const locations = result.problems.map((problem) => problem.location);
      expect(locations).toEqual(expect.arrayContaining(['id', 'kind']));
      expect(result.problems.every((problem) => problem.code === 'schema' && problem.message['zh-CN'].length > 0)).toBe(true);
    }
  });

  it('rejects a profile without templates for any dialect, and unknown dialects', () => {
    expect(validateProfileDefinition(profileDocument({ templates: {} })).ok).toBe(false);
    expect(validateProfileDefinition({ ...profileDocument(), templates: { cisco: { apply: 'x' } } }).ok).toBe(false);
  });

  it('rejects duplicate parameters and invalid defaults', () => {
    const result = validateProfileDefinition(
      profileDocument({
        parameters: [
          { name: 'vlan', type: 'vlan', label: { 'zh-CN': 'VLAN', en: 'VLAN' }, default: 5000 },
          { name: 'vlan', type: 'vlan', label: { 'zh-CN': 'VLAN', en: 'VLAN' } },
          { name: 'hostname', type: 'hostname', label: { 'zh-CN': '主机名', en: 'Host name' } },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.code).sort()).toEqual(['duplicate-parameter', 'invalid-default']);
  });

  it('refuses a default for a secret (secrets never live in profile files)', () => {
    const result = validateProfileDefinition(profileDocument({ parameters: [{ name: 'psk', type: 'secret', label: { 'zh-CN': '密钥', en: 'Key' }, default: 'x' } as never] }));
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'schema' }] });
  });

  it('reports template syntax errors', () => {
    const result = validateProfileDefinition(profileDocument({ templates: { ios: { apply: 'hostname {{ hostname ' } } }));
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'template-syntax', location: 'templates.ios.apply' }] });
  });

  it('rejects templates that read files or skip the output guard', () => {
    for (const apply of ['{% include "other" %}', '{% render "other" %}', '{% layout "other" %}', '{{ hostname | raw }}']) {
      const result = validateProfileDefinition(profileDocument({ templates: { ios: { apply } } }));
      expect(result, apply).toMatchObject({ ok: false, problems: [{ code: 'template-syntax' }] });
    }
  });

  it('rejects control characters in template text (a TAB would trigger completion on the CLI)', () => {
    const result = validateProfileDefinition(profileDocument({ templates: { ios: { apply: 'hostname {{ hostname }}\n\tshutdown\n' } } }));
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'template-syntax', location: 'templates.ios.apply:2' }] });
  });

  it('rejects parameter names that are not snake_case', () => {
    const result = validateProfileDefinition(profileDocument({ parameters: [{ name: 'wan-ip', type: 'ipv4', label: { 'zh-CN': '地址', en: 'Address' } }] }));
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'schema', location: 'parameters.0.name' }] });
  });
});

describe('validateProfileDefinition: checks', () => {
  const title = { 'zh-CN': '检查', en: 'Check' };
  const withChecks = (checks: unknown[]) => profileDocument({ parameters: [...(profileDocument().parameters ?? []), { name: 'hub_address', type: 'ipv4', label: title }], checks: checks as never });

  it('accepts every kind the runner knows, the laptop ones included, with their parameters', () => {
    const kinds = ProfileCheck.options.map((option) => option.shape.kind.value);
    expect(kinds.sort()).toEqual([...CheckKind.options].sort());
    const result = validateProfileDefinition(
      withChecks([
        { id: 'hub-route', kind: 'route', title, params: { address: '{{ hub_address }}' }, rule: 'found && (protocol == bgp || protocol == ebgp)' },
        { id: 'hub-service', kind: 'tcp', title, params: { host: '{{ hub_address }}', port: 443 }, rule: 'connected', warnRule: 'connectMs >= 0' },
        { id: 'hub-from-laptop', kind: 'host-ping', title, params: { target: '{{ hub_address }}', count: 3 }, rule: 'loss <= 20%' },
        { id: 'nms-name', kind: 'dns', title, params: { name: 'nms.county.example' }, rule: 'resolved' },
        { id: 'mtu', kind: 'ping', title, params: { target: '{{ hub_address }}', size: 1400 }, rule: 'loss == 0' },
        { id: 'saved', kind: 'saved', title, rule: 'saved' },
      ]),
    );
    expect(result.ok ? result.profile.checks.map((check) => [check.kind, check.params]) : result.problems).toEqual([
      ['route', { address: '{{ hub_address }}' }],
      ['tcp', { host: '{{ hub_address }}', port: 443 }],
      ['host-ping', { target: '{{ hub_address }}', count: 3 }],
      ['dns', { name: 'nms.county.example' }],
      ['ping', { target: '{{ hub_address }}', size: 1400 }],
      ['saved', {}],
    ]);
  });

  it('refuses a misspelt parameter and a missing one the kind needs, where it stands', () => {
    const result = validateProfileDefinition(
      withChecks([
        { id: 'hub-route', kind: 'route', title, params: { adress: '{{ hub_address }}' }, rule: 'found' },
        { id: 'nms-name', kind: 'dns', title, rule: 'resolved' },
      ]),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.every((problem) => problem.code === 'schema')).toBe(true);
      expect(result.problems.map((problem) => problem.location)).toEqual(expect.arrayContaining(['checks.0.params', 'checks.0.params.address', 'checks.1.params']));
    }
  });

  it('reads every rule and warning rule, naming the check of each one it cannot read in both languages', () => {
    const result = validateProfileDefinition(
      withChecks([
        { id: 'hub-route', kind: 'route', title, params: { address: '{{ hub_address }}' }, rule: 'found &&' },
        { id: 'hub-service', kind: 'tcp', title, params: { target: '{{ hub_address }}:443' }, rule: 'connected', warnRule: 'connectMs => 10' },
        { id: 'hub-reachable', kind: 'ping', title, params: { target: '{{ hub_address }}' }, rule: 'loss <= 20%' },
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => [problem.code, problem.location])).toEqual([
      ['schema', 'checks[0].rule'],
      ['schema', 'checks[1].warnRule'],
    ]);
    const [rule, warnRule] = result.problems;
    expect(rule?.message.en).toMatch(/^check hub-route: invalid rule: /);
    expect(rule?.message['zh-CN']).toMatch(/^检查 hub-route 的 rule 无效：/);
    expect(warnRule?.message.en).toMatch(/^check hub-service: invalid warnRule: /);
  });
});
