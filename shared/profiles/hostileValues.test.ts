import { describe, expect, it } from 'vitest';
import { ProfileDefinition, type ProfileDefinitionInput } from './profileSchema';
import { renderProfile } from './renderProfile';
import { validateParameters } from './validateParameters';

/** One parameter of every type, so each hostile value can be tried against every type. */
const input: ProfileDefinitionInput = {
  id: 'hostile-target',
  name: { 'zh-CN': '测试', en: 'Test' },
  kind: 'base',
  description: { 'zh-CN': '测试', en: 'Test' },
  parameters: [
    { name: 'hostname', type: 'hostname', label: { 'zh-CN': '主机名', en: 'Host name' } },
    { name: 'address', type: 'ipv4', label: { 'zh-CN': '地址', en: 'Address' } },
    { name: 'network', type: 'ipv4-prefix', label: { 'zh-CN': '网段', en: 'Network' } },
    { name: 'mask', type: 'ipv4-mask', label: { 'zh-CN': '掩码', en: 'Mask' } },
    { name: 'wildcard', type: 'ipv4-wildcard', label: { 'zh-CN': '反掩码', en: 'Wildcard' } },
    { name: 'wan', type: 'interface', label: { 'zh-CN': '接口', en: 'Interface' } },
    { name: 'vlan', type: 'vlan', label: { 'zh-CN': 'VLAN', en: 'VLAN' } },
    { name: 'asn', type: 'asn', label: { 'zh-CN': 'AS 号', en: 'AS number' } },
    { name: 'phone', type: 'phone', label: { 'zh-CN': '电话', en: 'Phone' } },
    { name: 'psk', type: 'secret', label: { 'zh-CN': '预共享密钥', en: 'Pre-shared key' }, allowSpaces: true },
    { name: 'cipher', type: 'enum', values: ['aes-256'], label: { 'zh-CN': '算法', en: 'Cipher' } },
    { name: 'count', type: 'integer', min: 0, max: 100000, label: { 'zh-CN': '数量', en: 'Count' } },
    { name: 'note', type: 'text', maxLength: 1024, label: { 'zh-CN': '备注', en: 'Note' } },
  ],
  templates: {
    ios: {
      apply: 'hostname {{ hostname }}\nip route {{ network | network }} {{ mask }} {{ address }}\ninterface {{ wan }}\n description {{ note }}\ncrypto isakmp key {{ psk }} address {{ address }}\n! {{ vlan }} {{ asn }} {{ phone }} {{ cipher }} {{ count }} {{ wildcard }}',
    },
  },
};
const profile = ProfileDefinition.parse(input);

const good: Record<string, string> = {
  hostname: 'XA-R1',
  address: '192.0.2.1',
  network: '10.1.0.0/24',
  mask: '255.255.255.0',
  wildcard: '0.0.0.255',
  wan: 'GigabitEthernet0/1',
  vlan: '10',
  asn: '65001',
  phone: '1001',
  psk: 'Psk-2024',
  cipher: 'aes-256',
  count: '5',
  note: '机房',
};

const controls: [label: string, value: string][] = [
  ['CR', 'ok\rreload'],
  ['LF', 'ok\nreload'],
  ['CRLF', 'ok\r\nwrite erase'],
  ['NUL', 'ok\u0000'],
  ['ESC', '\u001b[2Jok'],
  ['TAB', 'ok\tok'],
  ['DEL', 'ok\u007f'],
  ['C1 NEL', 'ok\u0085reload'],
  ['LINE SEPARATOR', 'ok\u2028reload'],
  ['PARAGRAPH SEPARATOR', 'ok\u2029reload'],
  ['bidi override', 'ok\u202ereload'],
  ['zero width space', 'o\u200bk'],
  ['private-use block marker', 'ok\ue001'],
  ['lone surrogate', 'ok\ud800'],
];

describe('hostile parameter values', () => {
  it('renders the good values (the baseline the hostile cases differ from)', () => {
    const result = renderProfile(profile, 'ios', good);
    expect(result.ok).toBe(true);
  });

  for (const name of Object.keys(good)) {
    it.each(controls)(`rejects %s in ${name}, naming the parameter, and renders nothing`, (_label, value) => {
      const validation = validateParameters(profile, { ...good, [name]: value }, { dialect: 'ios' });
      expect(validation).toMatchObject({ ok: false, problems: [{ parameter: name, code: 'control-character' }] });
      if (!validation.ok) expect(validation.problems[0]?.message.en).toContain(`parameter ${name}`);
      const rendered = renderProfile(profile, 'ios', { ...good, [name]: value });
      expect(rendered.ok).toBe(false);
      expect('lines' in rendered).toBe(false);
    });

    it(`rejects an overlong value in ${name}`, () => {
      const validation = validateParameters(profile, { ...good, [name]: '1'.repeat(5000) }, { dialect: 'ios' });
      expect(validation).toMatchObject({ ok: false, problems: [{ parameter: name, code: 'too-long' }] });
    });
  }

  it('rejects a Cyrillic look-alike in a host name and says so', () => {
    const validation = validateParameters(profile, { ...good, hostname: 'r\u0430uter' }, { dialect: 'ios' });
    expect(validation).toMatchObject({ ok: false, problems: [{ parameter: 'hostname', code: 'look-alike' }] });
    if (!validation.ok) {
      expect(validation.problems[0]?.message.en).toMatch(/look-alike of "a"/);
      expect(validation.problems[0]?.message['zh-CN']).toContain('形似字符');
    }
  });

  it('rejects fullwidth digits in an IP address as look-alikes', () => {
    const validation = validateParameters(profile, { ...good, address: '１９２.0.2.1' }, { dialect: 'ios' });
    expect(validation).toMatchObject({ ok: false, problems: [{ parameter: 'address', code: 'look-alike' }] });
  });

  it('rejects a fullwidth dot (。) in an IP address', () => {
    const validation = validateParameters(profile, { ...good, address: '192\u30020.2.1' });
    expect(validation).toMatchObject({ ok: false, problems: [{ parameter: 'address', code: 'look-alike' }] });
  });

  it('lists every bad parameter, not only the first', () => {
    const validation = validateParameters(profile, { ...good, hostname: 'a\nb', address: '999.1.1.1', vlan: '5000', psk: 'x\u001b' });
    expect(validation.ok).toBe(false);
    if (!validation.ok) expect(validation.problems.map((problem) => problem.parameter).sort()).toEqual(['address', 'hostname', 'psk', 'vlan']);
  });

  it('rejects a second command hidden in a text value with a Unicode line separator', () => {
    const result = renderProfile(profile, 'ios', { ...good, note: 'x\u2028end\u2028write erase' });
    expect(result).toMatchObject({ ok: false, problems: [{ parameter: 'note', code: 'control-character' }] });
  });
});
