import { describe, expect, it } from 'vitest';
import { scheduleShiftSchema } from '@watchfloor/shared';
import { DUTY_LEADERS, DUTY_OFFICERS } from './names.js';
import { buildDemoShifts, cstIso, cstMidnight, demoShiftAt } from './shifts.js';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

describe('buildDemoShifts', () => {
  // 2025-07-15 14:30 CST (06:30 UTC), in flood season.
  const now = new Date('2025-07-15T06:30:00Z');
  const shifts = buildDemoShifts(now);

  it('covers every instant from 00:00 CST yesterday to 24:00 CST seven days ahead, back to back', () => {
    expect(shifts).toHaveLength(27);
    expect(shifts[0]?.start).toBe('2025-07-14T00:00:00+08:00');
    expect(shifts.at(-1)?.end).toBe('2025-07-23T00:00:00+08:00');
    for (let i = 1; i < shifts.length; i++) {
      // Each shift starts exactly when the one before ends: no gap, no overlap.
      expect(Date.parse(shifts[i]!.start)).toBe(Date.parse(shifts[i - 1]!.end));
    }
    for (let t = Date.parse('2025-07-14T00:00:00+08:00'); t < Date.parse('2025-07-23T00:00:00+08:00'); t += 17 * 60 * 1000) {
      expect(shifts.filter((s) => Date.parse(s.start) <= t && t < Date.parse(s.end))).toHaveLength(1);
    }
  });

  it('runs 00–08, 08–16 and 16–24 China Standard Time', () => {
    for (const s of shifts) {
      expect(Date.parse(s.end) - Date.parse(s.start)).toBe(8 * HOUR_MS);
      expect(s.start).toMatch(/T(00|08|16):00:00\+08:00$/);
      expect(scheduleShiftSchema.safeParse(s).success).toBe(true);
    }
  });

  it('puts a leader and two different officers on every shift', () => {
    for (const s of shifts) {
      expect(DUTY_LEADERS).toContain(s.leader);
      expect(s.officers).toHaveLength(2);
      expect(s.officers[0]).not.toBe(s.officers[1]);
      for (const o of s.officers) expect(DUTY_OFFICERS).toContain(o);
    }
  });

  it('keeps one leader for a duty day from 08:00 to 08:00 and rotates leaders daily', () => {
    const day = shifts.filter((s) => Date.parse(s.start) >= Date.parse('2025-07-15T08:00:00+08:00')).slice(0, 3);
    expect(new Set(day.map((s) => s.leader)).size).toBe(1);
    const nextDay = shifts.find((s) => s.start === '2025-07-16T08:00:00+08:00');
    expect(nextDay?.leader).not.toBe(day[0]?.leader);
  });

  it('gives every officer at least 16 hours of rest between shifts', () => {
    const last = new Map<string, number>();
    for (const s of shifts) {
      for (const o of s.officers) {
        const before = last.get(o);
        if (before !== undefined) expect(Date.parse(s.start) - before).toBeGreaterThanOrEqual(16 * HOUR_MS);
        last.set(o, Date.parse(s.end));
      }
    }
  });

  it('depends only on the shift, not on when the roster was built', () => {
    const later = buildDemoShifts(new Date(now.getTime() + 3 * DAY_MS + 5 * HOUR_MS));
    const byStart = new Map(shifts.map((s) => [s.start, s]));
    const shared = later.filter((s) => byStart.has(s.start));
    expect(shared.length).toBeGreaterThan(10);
    for (const s of shared) expect(s).toEqual(byStart.get(s.start));
    expect(buildDemoShifts(now)).toEqual(shifts);
  });

  it('uses the China calendar day at the edges of a UTC day', () => {
    // 23:59 UTC on the 14th is 07:59 CST on the 15th: "yesterday" is the 14th in China.
    expect(buildDemoShifts(new Date('2025-07-14T23:59:00Z'))[0]?.start).toBe('2025-07-14T00:00:00+08:00');
    // 15:59 UTC on the 14th is 23:59 CST on the 14th: yesterday is the 13th.
    expect(buildDemoShifts(new Date('2025-07-14T15:59:00Z'))[0]?.start).toBe('2025-07-13T00:00:00+08:00');
    // Exactly CST midnight belongs to the new day.
    expect(cstMidnight(new Date('2025-07-14T16:00:00Z'))).toBe(Date.parse('2025-07-15T00:00:00+08:00'));
    expect(cstIso(Date.parse('2025-07-14T16:00:00Z'))).toBe('2025-07-15T00:00:00+08:00');
    expect(demoShiftAt(Date.parse('2023-12-31T16:00:00+08:00')).officers).toHaveLength(2);
  });
});
