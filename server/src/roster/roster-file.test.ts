import { describe, expect, it } from 'vitest';
import { shiftFromRow } from './roster-file.js';

const people = { leader: '王建国', officer1: '李明', officer2: '张伟' };

describe('shiftFromRow (CST)', () => {
  it.each([
    ['a day shift', { date: '2026-12-01', start: '08:00', end: '20:00' }, '2026-12-01T08:00:00+08:00', '2026-12-01T20:00:00+08:00'],
    ['a night shift ends the next day', { date: '2026/12/31', start: '20:00', end: '08:00' }, '2026-12-31T20:00:00+08:00', '2027-01-01T08:00:00+08:00'],
    ['a 24 h shift (end = start)', { date: '2026年12月1日', start: '8:30', end: '8:30' }, '2026-12-01T08:30:00+08:00', '2026-12-02T08:30:00+08:00'],
    ['an end of 24:00', { date: '2026.12.1', start: '16:00', end: '24:00' }, '2026-12-01T16:00:00+08:00', '2026-12-02T00:00:00+08:00'],
    ['Chinese hour marks', { date: '2026-12-01', start: '8时', end: '17点30' }, '2026-12-01T08:00:00+08:00', '2026-12-01T17:30:00+08:00'],
    ['whole date-times, no date column', { start: '2026-12-01 08:00', end: '2026-12-03 08:00' }, '2026-12-01T08:00:00+08:00', '2026-12-03T08:00:00+08:00'],
    ['exceljs date and time cells', { date: '2026-12-01T00:00:00.000Z', start: '1899-12-30T08:00:00.000Z', end: '1899-12-30T20:00:00.000Z' }, '2026-12-01T08:00:00+08:00', '2026-12-01T20:00:00+08:00'],
  ])('%s', (_name, times, start, end) => {
    expect(shiftFromRow({ ...times, ...people })).toEqual({ shift: { start, end, leader: '王建国', officers: ['李明', '张伟'] } });
  });

  it.each([
    ['no such day', { date: '2026-02-30', start: '08:00', end: '20:00', ...people }, /日期/],
    ['no date at all', { start: '08:00', end: '20:00', ...people }, /日期 \(date\) is missing/],
    ['a start of 24:00', { date: '2026-12-01', start: '24:00', end: '08:00', ...people }, /开始时间/],
    ['25 o’clock', { date: '2026-12-01', start: '08:00', end: '25:00', ...people }, /结束时间/],
    ['no leader', { date: '2026-12-01', start: '08:00', end: '20:00', officer1: 'a', officer2: 'b' }, /带班领导/],
    ['three officers in one cell', { date: '2026-12-01', start: '08:00', end: '20:00', leader: 'L', officers: 'a、b、c' }, /found 3/],
  ])('refuses %s', (_name, values, reason) => {
    const r = shiftFromRow(values);
    expect('reason' in r && r.reason).toMatch(reason);
  });
});
