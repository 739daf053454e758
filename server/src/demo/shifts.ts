/**
 * The demo duty roster (排班): three 8-hour shifts a day in China Standard Time (UTC+8, no daylight
 * saving), 00:00–08:00, 08:00–16:00 and 16:00–24:00, each with a leader on duty (带班领导) and two
 * officers (双人值守), from yesterday through seven days ahead.
 *
 * Deterministic: who is on a shift depends only on the shift's start instant (its number since a
 * fixed epoch), never on when the roster was built. So a roster built today and one built next
 * week agree on every shift they share, and the demo loader can top it up without contradiction.
 */
import type { ScheduleShift } from '@watchfloor/shared';
import { DUTY_LEADERS, DUTY_OFFICERS } from './names.js';
import { CST_OFFSET_MS, cstIso as cstIsoOf } from '@watchfloor/shared';

export const SHIFT_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
/** Shifts are numbered from 2024-01-01 00:00 CST (a Monday). */
const EPOCH_MS = Date.UTC(2024, 0, 1) - CST_OFFSET_MS;
/** Days of roster after today. */
export const ROSTER_DAYS_AHEAD = 7;

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/** An instant as ISO 8601 in China Standard Time: 2024-06-01T08:00:00+08:00. */
export const cstIso = (ms: number): string => cstIsoOf(ms);

/** Midnight (CST) that starts the CST day containing `now`, as epoch ms. */
export function cstMidnight(now: Date): number {
  return Math.floor((now.getTime() + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS;
}

/** The shift that starts at `startMs` (a multiple of 8 h from a CST midnight). */
export function demoShiftAt(startMs: number): ScheduleShift {
  const n = Math.round((startMs - EPOCH_MS) / SHIFT_MS);
  // The leader's duty day runs 08:00 to 08:00: the night shift belongs to the day before.
  const dutyDay = Math.floor((n - 1) / 3);
  const leader = DUTY_LEADERS[mod(dutyDay, DUTY_LEADERS.length)] as string;
  // Pairs step by two through an odd-sized team: partners change, and each officer rests 24 h.
  const officers = [DUTY_OFFICERS[mod(2 * n, DUTY_OFFICERS.length)] as string, DUTY_OFFICERS[mod(2 * n + 1, DUTY_OFFICERS.length)] as string];
  return { start: cstIso(startMs), end: cstIso(startMs + SHIFT_MS), leader, officers };
}

/**
 * Every shift from 00:00 CST yesterday to 24:00 CST seven days ahead (27 shifts), in order,
 * back to back: each one ends when the next begins.
 */
export function buildDemoShifts(now: Date): ScheduleShift[] {
  const from = cstMidnight(now) - DAY_MS;
  const to = cstMidnight(now) + (ROSTER_DAYS_AHEAD + 1) * DAY_MS;
  const shifts: ScheduleShift[] = [];
  for (let t = from; t < to; t += SHIFT_MS) shifts.push(demoShiftAt(t));
  return shifts;
}
