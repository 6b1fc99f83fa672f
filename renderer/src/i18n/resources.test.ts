import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

describe('i18n resources', () => {
  const chinese = flatten(zhCN);
  const english = flatten(en);

  it('have the same key set in zh-CN and en', () => {
    expect([...english.keys()].sort()).toEqual([...chinese.keys()].sort());
  });

  it('have no empty values', () => {
    for (const [language, entries] of [['zh-CN', chinese], ['en', english]] as const) {
      const empty = [...entries].filter(([, text]) => text.trim() === '').map(([key]) => `${language}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('use the same interpolation variables in both languages', () => {
    const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    for (const [key, text] of chinese) {
      expect(variables(english.get(key) ?? ''), key).toEqual(variables(text));
    }
  });

  it('translate every error code of the contract', async () => {
    const { ErrorCode } = await import('../../../shared/contract/errors');
    for (const code of ErrorCode.options) {
      expect(chinese.has(`errors.${code}`), code).toBe(true);
    }
  });
});
