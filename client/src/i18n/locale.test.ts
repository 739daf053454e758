import { describe, expect, it } from 'vitest';
import en from './en';
import { pickLocale } from './locale';
import zhCN from './zh-CN';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('pickLocale', () => {
  it('prefers ?lang= over the saved choice over the default', () => {
    expect(pickLocale('en', 'zh-CN')).toBe('en');
    expect(pickLocale(null, 'en')).toBe('en');
    expect(pickLocale(undefined, null)).toBe('zh-CN');
  });
  it('accepts regional variants and ignores unknown languages', () => {
    expect(pickLocale('en-GB', null)).toBe('en');
    expect(pickLocale('zh', 'en')).toBe('zh-CN');
    expect(pickLocale('fr', 'en')).toBe('en');
    expect(pickLocale('fr', 'de')).toBe('zh-CN');
  });
});

describe('messages', () => {
  it('have the same keys in both languages and no empty string', () => {
    expect(keys(en)).toEqual(keys(zhCN));
    for (const messages of [en, zhCN]) {
      for (const key of keys(messages)) {
        const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages);
        expect(value, key).toBeTypeOf('string');
        expect((value as string).length, key).toBeGreaterThan(0);
      }
    }
  });
});
