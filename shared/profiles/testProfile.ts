import type { ProfileDefinitionInput } from './profileSchema';

/** A small valid profile document for tests; spread and override what a test is about. */
export function profileDocument(overrides: Partial<ProfileDefinitionInput> = {}): ProfileDefinitionInput {
  return {
    id: 'test-profile',
    name: { 'zh-CN': '测试模板', en: 'Test profile' },
    kind: 'base',
    description: { 'zh-CN': '测试', en: 'Test' },
    parameters: [
      { name: 'hostname', type: 'hostname', label: { 'zh-CN': '主机名', en: 'Host name' } },
      { name: 'lan', type: 'ipv4-prefix', label: { 'zh-CN': '内网网段', en: 'LAN prefix' } },
      { name: 'note', type: 'text', required: false, label: { 'zh-CN': '备注', en: 'Note' } },
    ],
    templates: { ios: { apply: 'hostname {{ hostname }}\n', reverse: 'no hostname\n' } },
    ...overrides,
  };
}
