import { describe, expect, it } from 'vitest';
import { parameterProblemsOf, problemsByParameter } from './parameterProblems';

const problem = (parameter: string, zh: string) => ({ profileId: 'frr-static-mgmt', parameter, code: 'invalid-ipv4', message: { 'zh-CN': zh, en: zh } });

describe('parameterProblemsOf', () => {
  it('reads the per-field problems of an InvalidRequest', () => {
    const parameters = [problem('mgmt_address', '参数 mgmt_address（管理地址）：不是 IPv4 地址')];
    expect(parameterProblemsOf({ code: 'InvalidRequest', message: 'cannot render', details: { problems: ['x'], parameters } })).toEqual(parameters);
  });

  it('finds none in other errors or malformed details', () => {
    expect(parameterProblemsOf({ code: 'Timeout', message: 'slow', details: { problems: [], parameters: [problem('a', 'b')] } })).toEqual([]);
    expect(parameterProblemsOf({ code: 'InvalidRequest', message: 'bad', details: { parameters: 'none' } })).toEqual([]);
    expect(parameterProblemsOf({ code: 'InvalidRequest', message: 'bad' })).toEqual([]);
  });
});

describe('problemsByParameter', () => {
  it('keeps the first problem of each parameter', () => {
    const byName = problemsByParameter([problem('a', 'first'), problem('a', 'second'), problem('b', 'other')]);
    expect(byName.get('a')?.message['zh-CN']).toBe('first');
    expect([...byName.keys()]).toEqual(['a', 'b']);
  });
});
