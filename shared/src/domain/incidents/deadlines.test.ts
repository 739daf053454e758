import { describe, expect, it } from 'vitest';
import { cstDay, cstInstant, nextCstSlot } from '../../cst.js';
import { NATIONAL_TABLE, PROVINCIAL_EXAMPLE_TABLE, clockColour, followUpDueAt, initialDeadlines, type DutyPeriod, type IncidentLevel } from './deadlines.js';

// 2024-07-10 20:00 CST = 12:00Z. All expectations are in UTC instants: no host time zone involved.
const received = new Date('2024-07-10T12:00:00.000Z');

describe('initial deadlines by jurisdiction and level', () => {
  it.each<[string, typeof NATIONAL_TABLE, IncidentLevel, string | null, string]>([
    ['national, 特别重大', NATIONAL_TABLE, 1, '2024-07-10T12:30:00.000Z', '2024-07-10T13:00:00.000Z'],
    ['national, 重大', NATIONAL_TABLE, 2, '2024-07-10T12:30:00.000Z', '2024-07-10T13:00:00.000Z'],
    ['national, 较大', NATIONAL_TABLE, 3, '2024-07-10T13:00:00.000Z', '2024-07-10T14:00:00.000Z'],
    ['national, 一般 (no phone report)', NATIONAL_TABLE, 4, null, '2024-07-10T16:00:00.000Z'],
    ['provincial example, 特别重大', PROVINCIAL_EXAMPLE_TABLE, 1, '2024-07-10T12:15:00.000Z', '2024-07-10T12:35:00.000Z'],
    ['provincial example, 较大', PROVINCIAL_EXAMPLE_TABLE, 3, '2024-07-10T12:30:00.000Z', '2024-07-10T13:00:00.000Z'],
    ['provincial example, 一般', PROVINCIAL_EXAMPLE_TABLE, 4, null, '2024-07-10T18:00:00.000Z'],
  ])('%s', (_name, table, level, phone, written) => {
    const d = initialDeadlines(table, level, received);
    expect(d.phoneDueAt).toBe(phone);
    expect(d.writtenDueAt).toBe(written);
    expect(d.clockedLevel).toBe(level);
  });
});

describe('flood-season and sensitive-day periods tighten the clock by one level', () => {
  const flood: DutyPeriod = { id: 'p1', kind: 'flood-season', label: '主汛期', start: '2024-06-01T00:00:00+08:00', end: '2024-10-01T00:00:00+08:00' };
  const national: DutyPeriod = { id: 'p2', kind: 'sensitive-day', label: '国庆', start: '2024-10-01T00:00:00+08:00', end: '2024-10-08T00:00:00+08:00' };
  it.each<[string, IncidentLevel, Date, DutyPeriod[], IncidentLevel, string]>([
    ['一般 in flood season is clocked as 较大', 4, received, [flood], 3, '2024-07-10T14:00:00.000Z'],
    ['较大 in flood season is clocked as 重大', 3, received, [flood], 2, '2024-07-10T13:00:00.000Z'],
    ['特别重大 stays at 1', 1, received, [flood], 1, '2024-07-10T13:00:00.000Z'],
    ['outside every period nothing changes', 4, received, [national], 4, '2024-07-10T16:00:00.000Z'],
    ['on a sensitive day', 4, new Date('2024-10-02T02:00:00.000Z'), [national], 3, '2024-10-02T04:00:00.000Z'],
    ['a period ends exclusive', 4, new Date('2024-10-07T16:00:00.000Z'), [national], 4, '2024-10-07T20:00:00.000Z'],
  ])('%s', (_name, level, at, periods, clocked, written) => {
    const d = initialDeadlines(NATIONAL_TABLE, level, at, periods);
    expect(d.clockedLevel).toBe(clocked);
    expect(d.writtenDueAt).toBe(written);
  });
});

describe('follow-ups are due at the next 08:00 or 17:00 CST', () => {
  it.each<[string, string, string]>([
    ['sent 20:00 CST → 08:00 next day', '2024-07-10T12:00:00.000Z', '2024-07-11T00:00:00.000Z'],
    ['sent 07:59 CST → 08:00 same day', '2024-07-10T23:59:00.000Z', '2024-07-11T00:00:00.000Z'],
    ['sent exactly 08:00 CST → 17:00', '2024-07-11T00:00:00.000Z', '2024-07-11T09:00:00.000Z'],
    ['sent 00:30 CST (16:30Z the day before) → 08:00 CST that day', '2024-07-10T16:30:00.000Z', '2024-07-11T00:00:00.000Z'],
    ['across a month end', '2024-07-31T10:00:00.000Z', '2024-08-01T00:00:00.000Z'],
    ['across a year end', '2024-12-31T15:00:00.000Z', '2025-01-01T00:00:00.000Z'],
    // Mid-March and early November: DST changes elsewhere, none in China.
    ['on a US/EU DST change day nothing shifts', '2024-03-10T10:00:00.000Z', '2024-03-11T00:00:00.000Z'],
  ])('%s', (_name, sent, due) => expect(followUpDueAt(NATIONAL_TABLE, new Date(sent))).toBe(due));

  it('CST days and instants come from the offset alone', () => {
    expect(cstDay(Date.parse('2024-07-10T16:00:00.000Z'))).toBe('2024-07-11');
    expect(cstDay(Date.parse('2024-07-10T15:59:59.999Z'))).toBe('2024-07-10');
    expect(cstInstant('2024-07-11', '08:00').toISOString()).toBe('2024-07-11T00:00:00.000Z');
    expect(nextCstSlot(new Date('2024-07-10T12:00:00.000Z'), ['17:00']).toISOString()).toBe('2024-07-11T09:00:00.000Z');
  });
});

describe('countdown colours', () => {
  const due = '2024-07-10T13:00:00.000Z';
  it.each<[string, string, string]>([
    ['10 minutes left', '2024-07-10T12:50:00.000Z', 'green'],
    ['5 min 1 s left', '2024-07-10T12:54:59.000Z', 'green'],
    ['exactly 5 minutes left', '2024-07-10T12:55:00.000Z', 'amber'],
    ['1 second left', '2024-07-10T12:59:59.000Z', 'amber'],
    ['at the deadline', '2024-07-10T13:00:00.000Z', 'red'],
    ['overdue', '2024-07-10T14:00:00.000Z', 'red'],
  ])('%s → %s', (_name, now, colour) => expect(clockColour(due, new Date(now))).toBe(colour));
});
