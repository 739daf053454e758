import { z } from 'zod';
import { defineCommand, type CommandDef } from '../command.js';
import { DomainError } from '../errors.js';
import { refusal, type RowRefusal } from '../import-rejections.js';
import type { Shift } from './shifts.js';

/**
 * The duty roster (排班表): a month's shifts imported at once, and the swaps (换班) and
 * substitutes (替班) a commander approves afterwards. Shifts themselves live in the `shifts`
 * slice; swaps and substitutes rewrite the shifts they touch, so "who is on duty" follows them.
 */

/** A month of three shifts a day is about 93; a roster file longer than this is a mistake. */
export const ROSTER_MAX_SHIFTS = 400;
/** A shift longer than this is a typo in a time column, in ms (24 h shifts are common, 48 h is not). */
export const SHIFT_MAX_MS = 48 * 3600_000;

const person = z.string().trim().min(1).max(40);

/** One shift of an imported roster: a leader on duty (带班领导) and exactly two officers (双人值守). */
export const rosterShiftSchema = z.strictObject({
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
  leader: person,
  officers: z.array(person).length(2, 'two officers on duty (双人值守)'),
});
export type RosterShift = z.infer<typeof rosterShiftSchema>;

export interface RosterRefusal extends RowRefusal {
  /** Index into the imported shifts. */
  index: number;
}

const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);

/** The CST wall-clock time of an instant, `YYYY-MM-DD HH:MM`, for messages. */
const cstText = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * Everything wrong with a roster taken as a whole, per shift: its own shape (end after start,
 * not too long, three different people) and overlaps with each other and with the shifts on record.
 * Pure; the route uses it for row-level reasons, the command to refuse the whole import.
 */
export function rosterRefusals(onRecord: readonly Shift[], shifts: readonly RosterShift[]): RosterRefusal[] {
  const out: RosterRefusal[] = [];
  const ok: number[] = [];
  shifts.forEach((s, index) => {
    const len = Date.parse(s.end) - Date.parse(s.start);
    const people = [s.leader, ...s.officers];
    if (!(len > 0)) out.push({ index, ...refusal('shift-ends-before-start', {}, 'the shift ends before it starts') });
    else if (len > SHIFT_MAX_MS) out.push({ index, ...refusal('shift-too-long', { hours: SHIFT_MAX_MS / 3600_000 }, `a shift of more than ${SHIFT_MAX_MS / 3600_000} h`) });
    else if (new Set(people).size !== people.length) out.push({ index, ...refusal('shift-people-not-distinct', {}, 'the leader and the two officers must be three different people') });
    else ok.push(index);
  });
  const sorted = ok.slice().sort((a, b) => Date.parse(shifts[a]!.start) - Date.parse(shifts[b]!.start));
  let last: number | null = null; // the well-formed shift reaching furthest so far
  for (const i of sorted) {
    const s = shifts[i]!;
    const existing = onRecord.find((r) => overlaps(r, s));
    if (last !== null && overlaps(shifts[last]!, s)) {
      const start = cstText(shifts[last]!.start);
      out.push({ index: i, ...refusal('overlaps-in-file', { start }, `overlaps the shift starting ${start} in the same roster`) });
    } else if (existing) {
      const [start, end] = [cstText(existing.start), cstText(existing.end)];
      out.push({ index: i, ...refusal('overlaps-on-record', { start, end }, `overlaps the shift on record ${start}–${end}`) });
    }
    if (last === null || Date.parse(s.end) > Date.parse(shifts[last]!.end)) last = i;
  }
  return out.sort((a, b) => a.index - b.index);
}

export const importRosterSchema = z.strictObject({
  shifts: z.array(rosterShiftSchema).min(1).max(ROSTER_MAX_SHIFTS),
});

/** All or nothing: one refusal refuses the roster, naming the first shift at fault. */
export const importRoster = defineCommand({
  type: 'roster:import',
  summary: "Import a roster (排班表): every shift or none; no overlaps, a leader and two officers each",
  payload: importRosterSchema,
  roles: ['duty', 'commander', 'admin'],
  decide(state, p, ctx) {
    const refusals = rosterRefusals(state.shifts.shifts, p.shifts);
    const first = refusals[0];
    if (first) throw new DomainError('invalid', `shift ${first.index + 1}: ${first.reason} (${refusals.length} shifts refused)`, `shifts.${first.index}`);
    const events = p.shifts.map((s) => ({
      type: 'shift:scheduled',
      data: { ...s, start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString(), id: ctx.newId('shift') } satisfies Shift,
    }));
    return { events, result: { imported: events.length } };
  },
});

/** A change to a shift after it was scheduled, kept on the shift: who approved it and why. */
export interface ShiftChange {
  kind: 'swap' | 'substitute';
  out: string;
  in: string;
  approvedBy: string;
  at: string;
  reason?: string;
}

const shiftId = z.string().min(1).max(60);
const reason = z.string().trim().max(200).optional();

function openShift(shifts: readonly Shift[], id: string, now: string, field: string): Shift {
  const s = shifts.find((x) => x.id === id);
  if (!s) throw new DomainError('not_found', `no shift ${id}`, field);
  if (Date.parse(s.end) <= Date.parse(now)) throw new DomainError('conflict', 'the shift is over: its record stays as it was', field);
  return s;
}

/** The shift with `out` replaced by `inn` in whichever slot `out` holds; refuses a double booking. */
function replacePerson(s: Shift, out: string, inn: string, outField: string, inField: string): Shift {
  const people = [s.leader, ...s.officers];
  if (!people.includes(out)) throw new DomainError('invalid', `${out} is not on the shift of ${cstText(s.start)}`, outField);
  if (people.includes(inn)) throw new DomainError('conflict', `${inn} is already on the shift of ${cstText(s.start)}`, inField);
  return s.leader === out ? { ...s, leader: inn } : { ...s, officers: s.officers.map((o) => (o === out ? inn : o)) };
}

const withChange = (s: Shift, change: ShiftChange): Shift => ({ ...s, changes: [...(s.changes ?? []), change] });

export const swapShiftSchema = z.strictObject({
  shiftId,
  person: person,
  withShiftId: shiftId,
  withPerson: person,
  reason,
});

/** Two people trade shifts (换班): each takes the other's slot. Approved by a commander. */
export const swapShift = defineCommand({
  type: 'shift:swap',
  summary: 'Swap two people between two shifts (换班), approved by a commander',
  payload: swapShiftSchema,
  roles: ['commander', 'admin'],
  decide(state, p, ctx) {
    if (p.shiftId === p.withShiftId) throw new DomainError('invalid', 'a swap is between two different shifts', 'withShiftId');
    const a = openShift(state.shifts.shifts, p.shiftId, ctx.now, 'shiftId');
    const b = openShift(state.shifts.shifts, p.withShiftId, ctx.now, 'withShiftId');
    const base = { kind: 'swap' as const, approvedBy: ctx.actor.user, at: ctx.now, ...(p.reason ? { reason: p.reason } : {}) };
    const a2 = withChange(replacePerson(a, p.person, p.withPerson, 'person', 'withPerson'), { ...base, out: p.person, in: p.withPerson });
    const b2 = withChange(replacePerson(b, p.withPerson, p.person, 'withPerson', 'person'), { ...base, out: p.withPerson, in: p.person });
    return { events: [{ type: 'shift:swapped', data: { shifts: [a2, b2] } }] };
  },
});

export const substituteShiftSchema = z.strictObject({ shiftId, out: person, in: person, reason });

/** Someone stands in for a person on one shift (替班). Approved by a commander. */
export const substituteShift = defineCommand({
  type: 'shift:substitute',
  summary: 'Put a substitute on a shift in place of someone (替班), approved by a commander',
  payload: substituteShiftSchema,
  roles: ['commander', 'admin'],
  decide(state, p, ctx) {
    const s = openShift(state.shifts.shifts, p.shiftId, ctx.now, 'shiftId');
    const change: ShiftChange = { kind: 'substitute', out: p.out, in: p.in, approvedBy: ctx.actor.user, at: ctx.now, ...(p.reason ? { reason: p.reason } : {}) };
    return { events: [{ type: 'shift:substituted', data: { shifts: [withChange(replacePerson(s, p.out, p.in, 'out', 'in'), change)] } }] };
  },
});

export const rosterCommands: CommandDef[] = [importRoster, swapShift, substituteShift];
