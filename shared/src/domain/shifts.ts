import { z } from 'zod';
import type { JournalEvent } from '../journal.js';
import { defineCommand, type CommandDef } from '../command.js';
import { defineSlice } from '../slice.js';
import type { ShiftChange } from './roster.js';

/**
 * A duty shift: a leader on duty (带班领导) and two officers (双人值守).
 * The foundation keeps the schedule only; the duty desk (roster import, swaps, handover) builds on it.
 */
export const scheduleShiftSchema = z
  .strictObject({
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
    leader: z.string().trim().min(1).max(40),
    officers: z.array(z.string().trim().min(1).max(40)).min(1).max(4),
  })
  .refine((s) => Date.parse(s.end) > Date.parse(s.start), { message: 'end must be after start', path: ['end'] });
export type ScheduleShift = z.infer<typeof scheduleShiftSchema>;

export interface Shift extends ScheduleShift {
  id: string;
  /** Swaps and substitutes approved since it was scheduled (roster.ts), oldest first. */
  changes?: ShiftChange[];
}

export interface ShiftState {
  /** Sorted by start; past shifts older than a week are dropped to keep the state bounded. */
  shifts: Shift[];
}

export const SHIFT_HISTORY_MS = 7 * 24 * 3600 * 1000;

export const initialShifts = (): ShiftState => ({ shifts: [] });

export function reduceShifts(state: ShiftState, event: JournalEvent): ShiftState {
  // A swap or substitute (roster.ts) carries the shifts it rewrote, whole.
  if (event.type === 'shift:swapped' || event.type === 'shift:substituted') {
    const changed = new Map((event.data as { shifts: Shift[] }).shifts.map((s) => [s.id, s]));
    return { shifts: state.shifts.map((s) => changed.get(s.id) ?? s) };
  }
  if (event.type !== 'shift:scheduled') return state;
  const shift = event.data as Shift;
  const horizon = Date.parse(event.at) - SHIFT_HISTORY_MS;
  const shifts = [...state.shifts.filter((s) => s.id !== shift.id && Date.parse(s.end) > horizon), shift];
  shifts.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return { shifts };
}

/** The shift in force at `now` and the one after it (either may be absent). */
export function onDutyAt(state: ShiftState, now: Date): { current: Shift | null; next: Shift | null } {
  const t = now.getTime();
  const current = state.shifts.find((s) => Date.parse(s.start) <= t && t < Date.parse(s.end)) ?? null;
  const next = state.shifts.find((s) => Date.parse(s.start) > t) ?? null;
  return { current, next };
}

export const shiftsSlice = defineSlice({ initial: initialShifts, reduce: reduceShifts });

export const scheduleShift = defineCommand({
  type: 'shift:schedule',
  summary: 'Put a shift on the duty schedule (排班)',
  payload: scheduleShiftSchema,
  roles: ['duty', 'commander', 'admin'],
  decide(_state, p, ctx) {
    const id = ctx.newId('shift');
    return {
      events: [{ type: 'shift:scheduled', data: { ...p, start: new Date(p.start).toISOString(), end: new Date(p.end).toISOString(), id } }],
      result: { id },
    };
  },
});

export const shiftCommands: CommandDef[] = [scheduleShift];
