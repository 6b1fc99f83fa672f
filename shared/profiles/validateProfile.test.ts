import { describe, expect, it } from 'vitest';
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
