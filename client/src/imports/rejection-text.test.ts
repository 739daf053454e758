import { IMPORT_FILE_ERROR_CODES, IMPORT_REJECTION_CODES, type ImportFileErrorCode, type ImportRejectionCode } from '@watchfloor/shared';
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import en from '../i18n/en';
import zhCN from '../i18n/zh-CN';
import { fileErrorText, rejectionText } from './rejection-text';

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

const FILE_PARAMS = { limit: 400, columns: '开始时间 (start)', line: 3, format: 'XLSX', sizeMb: 12, limitMb: 9, count: 1010, entry: 'xl/worksheets/sheet1.xml', ratio: 1024 };

describe('why a whole file was refused, in the UI language', () => {
  it('renders the 400 body’s detail code with its params, in Chinese and in English', () => {
    const body = { code: 'invalid' as const, message: 'the XLSX unpacks to 12 MB, over the limit of 9 MB for this import', field: 'body', detail: { code: 'zip-too-large', params: { sizeMb: 12, limitMb: 9 } } };
    expect(fileErrorText(body, zh)).toBe('XLSX 解压后有 12 MB，超过本导入的上限 9 MB，请拆分文件或另存为 CSV');
    expect(fileErrorText(body, english)).toBe('The XLSX unpacks to 12 MB, over this import’s limit of 9 MB: split it or save it as CSV');
  });

  it.each(IMPORT_FILE_ERROR_CODES)('%s has a Chinese message with every placeholder filled', (code: ImportFileErrorCode) => {
    const body = { code: 'invalid' as const, message: 'english', detail: { code, params: FILE_PARAMS } };
    expect(fileErrorText(body, zh)).toMatch(CJK);
    expect(fileErrorText(body, zh)).not.toMatch(/[{}]/);
    expect(fileErrorText(body, english)).not.toBe('english');
    expect(fileErrorText(body, english)).not.toMatch(/[{}]/);
  });

  it('words a 413 (too large to upload) too, and falls back to the server’s English otherwise', () => {
    expect(fileErrorText({ code: 'too_large', message: 'request body is too large' }, zh)).toBe('文件太大，请拆分后分批导入');
    expect(fileErrorText({ code: 'forbidden', message: 'not allowed' }, zh)).toBe('not allowed');
    expect(fileErrorText({ code: 'invalid', message: 'something new', detail: { code: 'from-a-newer-server', params: {} } }, zh)).toBe('something new');
  });
});
