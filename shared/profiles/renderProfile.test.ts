import { describe, expect, it } from 'vitest';
import { ProfileDefinition } from './profileSchema';
import { renderProfile } from './renderProfile';
import { profileDocument } from './testProfile';
import { maskParameterValues } from './validateParameters';

const values = { hostname: 'XA-R1', lan: '10.61.0.0/24' };
const withTemplates = (apply: string, reverse?: string) =>
  ProfileDefinition.parse(profileDocument({ templates: { ios: reverse === undefined ? { apply } : { apply, reverse } } }));

describe('renderProfile', () => {
  it('renders lines: trailing spaces trimmed, blank lines dropped, indentation kept', () => {
    const profile = withTemplates('hostname {{ hostname }}   \n\n\ninterface Vlan1\n ip address 10.61.0.1 {{ lan | mask }}\n{% if note %}\n description {{ note }}\n{% endif %}\n');
    expect(renderProfile(profile, 'ios', values)).toMatchObject({ ok: true, lines: ['hostname XA-R1', 'interface Vlan1', ' ip address 10.61.0.1 255.255.255.0'] });
    expect(renderProfile(profile, 'ios', { ...values, note: '县政府机房' })).toMatchObject({ ok: true, lines: ['hostname XA-R1', 'interface Vlan1', ' ip address 10.61.0.1 255.255.255.0', ' description 县政府机房'] });
  });

  it('derives network, mask, wildcard and length from a prefix', () => {
    const profile = withTemplates('{{ lan | network }} {{ lan | mask }} {{ lan | wildcard }} {{ lan | length }}');
    expect(renderProfile(profile, 'ios', { ...values, lan: '172.16.8.0/22' })).toMatchObject({ ok: true, lines: ['172.16.8.0 255.255.252.0 0.0.3.255 22'] });
  });

  it('fails a prefix filter applied to something that is not a prefix', () => {
    const profile = withTemplates('{{ hostname | mask }}');
    expect(renderProfile(profile, 'ios', values)).toMatchObject({ ok: false, problems: [{ code: 'render-failed' }] });
  });

  it('keeps blank lines inside a multi-line block such as a banner', () => {
    const profile = withTemplates('hostname {{ hostname }}\n{% multiline %}\nbanner login ^\nAuthorised staff of {{ hostname }} only.\n\nAll sessions are recorded.\n^\n{% endmultiline %}\n\nend');
    expect(renderProfile(profile, 'ios', values)).toMatchObject({
      ok: true,
      lines: ['hostname XA-R1', 'banner login ^', 'Authorised staff of XA-R1 only.', '', 'All sessions are recorded.', '^', 'end'],
    });
  });

  it('names a missing required value and renders nothing', () => {
    const profile = withTemplates('hostname {{ hostname }}');
    const result = renderProfile(profile, 'ios', { lan: values.lan });
    expect(result).toMatchObject({ ok: false, problems: [{ parameter: 'hostname', code: 'required' }] });
    if (!result.ok) expect(result.problems[0]?.message.en).toContain('hostname');
  });

  it('counts a blank value as missing', () => {
    expect(renderProfile(withTemplates('hostname {{ hostname }}'), 'ios', { ...values, hostname: '   ' })).toMatchObject({ ok: false, problems: [{ parameter: 'hostname', code: 'required' }] });
  });

  it('uses a declared default when no value is given', () => {
    const profile = ProfileDefinition.parse(
      profileDocument({
        parameters: [{ name: 'vlan', type: 'vlan', default: 10, label: { 'zh-CN': 'VLAN', en: 'VLAN' } }],
        templates: { ios: { apply: 'vlan {{ vlan }}' } },
      }),
    );
    expect(renderProfile(profile, 'ios', {})).toMatchObject({ ok: true, lines: ['vlan 10'] });
    expect(renderProfile(profile, 'ios', { vlan: '20' })).toMatchObject({ ok: true, lines: ['vlan 20'] });
  });

  it('refuses to output an optional parameter that has no value, naming it', () => {
    const profile = withTemplates('hostname {{ hostname }}\ndescription {{ note }}');
    expect(renderProfile(profile, 'ios', values)).toMatchObject({ ok: false, problems: [{ code: 'required', parameter: 'note', location: 'templates.ios.apply:2' }] });
  });

  it('rejects an undeclared variable at render time too (profile not validated first)', () => {
    const profile = withTemplates('hostname {{ host_name }}');
    expect(renderProfile(profile, 'ios', values)).toMatchObject({ ok: false, problems: [{ code: 'undeclared-variable', parameter: 'host_name' }] });
  });

  it('rejects values for parameters the profile does not declare, unless asked to ignore them', () => {
    const profile = withTemplates('hostname {{ hostname }}');
    expect(renderProfile(profile, 'ios', { ...values, hostnmae: 'x' })).toMatchObject({ ok: false, problems: [{ code: 'undeclared', parameter: 'hostnmae' }] });
    expect(renderProfile(profile, 'ios', { ...values, other_profile_value: 'x' }, { ignoreUndeclared: true }).ok).toBe(true);
  });

  it('guards the output of filters as well as values: no control character reaches a line', () => {
    const profile = withTemplates('hostname {{ hostname | append: "%0D%0Areload" | url_decode }}');
    expect(renderProfile(profile, 'ios', values)).toMatchObject({ ok: false, problems: [{ code: 'unsafe-output' }] });
  });

  it('renders the reverse template on request, and says when there is none', () => {
    expect(renderProfile(withTemplates('hostname {{ hostname }}', 'no hostname'), 'ios', values, { direction: 'reverse' })).toMatchObject({ ok: true, lines: ['no hostname'] });
    expect(renderProfile(withTemplates('hostname {{ hostname }}'), 'ios', values, { direction: 'reverse' })).toMatchObject({ ok: false, problems: [{ code: 'no-reverse' }] });
  });

  it('says when the profile has no templates for the dialect', () => {
    expect(renderProfile(withTemplates('hostname {{ hostname }}'), 'junos', values)).toMatchObject({ ok: false, problems: [{ code: 'dialect-not-supported' }] });
  });

  it('checks interface names against the dialect being rendered', () => {
    const profile = ProfileDefinition.parse(
      profileDocument({
        parameters: [{ name: 'wan', type: 'interface', label: { 'zh-CN': '外网接口', en: 'WAN interface' } }],
        templates: { ios: { apply: 'interface {{ wan }}' }, junos: { apply: 'set interfaces {{ wan }}' } },
      }),
    );
    expect(renderProfile(profile, 'ios', { wan: 'Gi0/0' })).toMatchObject({ ok: true, lines: ['interface Gi0/0'] });
    expect(renderProfile(profile, 'junos', { wan: 'Gi0/0' })).toMatchObject({ ok: false, problems: [{ parameter: 'wan', code: 'invalid-interface' }] });
  });

  it('masks secret values for display', () => {
    const profile = ProfileDefinition.parse(
      profileDocument({
        parameters: [
          { name: 'peer', type: 'ipv4', label: { 'zh-CN': '对端', en: 'Peer' } },
          { name: 'psk', type: 'secret', label: { 'zh-CN': '预共享密钥', en: 'Pre-shared key' } },
        ],
        templates: { ios: { apply: 'crypto isakmp key {{ psk }} address {{ peer }}' } },
      }),
    );
    const result = renderProfile(profile, 'ios', { peer: '192.0.2.9', psk: 'S3cret-Key' });
    expect(result).toMatchObject({ ok: true, lines: ['crypto isakmp key S3cret-Key address 192.0.2.9'] });
    if (result.ok) expect(maskParameterValues(profile, result.values)).toEqual({ peer: '192.0.2.9', psk: '******' });
    expect(profile.parameters[1]).toMatchObject({ secret: true });
  });
});
