import { IMPORT_REJECTION_CODES, type ImportRejectionCode } from '@watchfloor/shared';
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import en from '../i18n/en';
import zhCN from '../i18n/zh-CN';
import { rejectionText } from './rejection-text';

function translator(locale: 'zh-CN' | 'en') {
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'zh-CN', messages: { 'zh-CN': zhCN, en } });
  return { t: (key: string, params: Record<string, unknown>) => i18n.global.t(key, params), te: (key: string) => i18n.global.te(key, locale) };
}
const zh = translator('zh-CN');
const english = translator('en');
const PARAMS = { column: '威胁户数', field: 'households', limit: 0, value: '十', lon: 29.6, lat: 103.5, township: '无此镇', village: '石门村', id: 'HZ-1', name: '好队伍', who: '王强', found: 1, hours: 48, start: '2026-12-10 08:00', end: '2026-12-10 20:00' };
const CJK = /[\u4e00-\u9fff]/;

describe('rejection reasons in the UI language', () => {
  it('renders a code with its params in Chinese and in English', () => {
    const r = { code: 'too-small' as const, params: { column: '威胁户数', field: 'households', limit: 0 }, reason: 'households: Too small: expected number to be >=0' };
    expect(rejectionText(r, zh)).toBe('「威胁户数」太小或太短（下限 0）');
    expect(rejectionText(r, english)).toBe('威胁户数 (households) is below its minimum (0)');
    const overlap = { code: 'overlaps-on-record' as const, params: { start: '2026-12-01 08:00', end: '2026-12-01 20:00' }, reason: 'overlaps the shift on record …' };
    expect(rejectionText(overlap, zh)).toBe('与已排班次 2026-12-01 08:00–2026-12-01 20:00 时间重叠');
  });

  it.each(IMPORT_REJECTION_CODES)('%s has a Chinese message with every placeholder filled', (code: ImportRejectionCode) => {
    const text = rejectionText({ code, params: PARAMS, reason: 'english' }, zh);
    expect(text).not.toBe('english');
    expect(text).toMatch(CJK);
    expect(text).not.toMatch(/[{}]/);
    expect(rejectionText({ code, params: PARAMS, reason: 'english' }, english)).not.toMatch(/[{}]/);
  });

  it('falls back to the server’s text for a code this build does not know', () => {
    expect(rejectionText({ code: 'from-a-newer-server' as ImportRejectionCode, params: {}, reason: 'something new' }, zh)).toBe('something new');
  });
});
