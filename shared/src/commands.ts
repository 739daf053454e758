import type { z } from 'zod';
import { DomainError } from './errors.js';
import type { DecideContext, DraftEvent } from './journal.js';
import type { Role } from './roles.js';
import type { WatchState } from './state.js';
import { recordDutyLogSchema, type DutyLogRecorded } from './domain/duty-log.js';
import { regionDefinedSchema } from './domain/region.js';
import { scheduleShiftSchema } from './domain/shifts.js';

/** What deciding a command yields: the events to journal and a result for the caller. */
export interface Decision {
  events: DraftEvent[];
  result?: Record<string, unknown>;
}

/**
 * A command: its payload schema (the runtime validator and the static type), the roles allowed
 * to issue it, and a pure decider that turns it into events or refuses with a DomainError.
 */
export interface CommandDef<S extends z.ZodType = z.ZodType> {
  type: string;
  summary: string;
  payload: S;
  roles: readonly Role[];
  decide(state: WatchState, payload: z.infer<S>, ctx: DecideContext): Decision;
}

function defineCommand<S extends z.ZodType>(def: CommandDef<S>): CommandDef<S> {
  return def;
}

export const recordDutyLog = defineCommand({
  type: 'duty-log:record',
  summary: 'Record a call or message in the duty log (值班日志)',
  payload: recordDutyLogSchema,
  roles: ['duty', 'commander', 'admin'],
  decide(_state, p, ctx) {
    const id = ctx.newId('log');
    const data: DutyLogRecorded = {
      id,
      receivedAt: p.receivedAt ? new Date(p.receivedAt).toISOString() : ctx.now,
      source: p.source,
      content: p.content,
      ...(p.caller ? { caller: p.caller } : {}),
      ...(p.handling ? { handling: p.handling } : {}),
    };
    return { events: [{ type: 'duty-log:recorded', data }], result: { id } };
  },
});

export const defineRegion = defineCommand({
  type: 'region:define',
  summary: 'Define the administrative region: county, townships and villages',
  payload: regionDefinedSchema,
  roles: ['admin'],
  decide(_state, p) {
    const townships = new Set(p.townships.map((t) => t.code));
    p.villages.forEach((v, i) => {
      if (!townships.has(v.townshipCode)) {
        throw new DomainError('invalid', `village ${v.name} names unknown township ${v.townshipCode}`, `villages.${i}.townshipCode`);
      }
    });
    return { events: [{ type: 'region:defined', data: p }] };
  },
});

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

/** Every command the system accepts, by type. Anything else is refused as unknown. */
export const COMMANDS: ReadonlyMap<string, CommandDef> = new Map(
  ([recordDutyLog, defineRegion, scheduleShift] as CommandDef[]).map((c) => [c.type, c]),
);
