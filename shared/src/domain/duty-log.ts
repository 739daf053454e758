import { z } from 'zod';
import type { JournalEvent } from '../journal.js';
import { defineCommand, type CommandDef } from '../command.js';
import { defineSlice } from '../slice.js';

/** How a call or message reached the desk. */
export const DUTY_LOG_SOURCES = ['phone', 'hotline', 'sms', 'fax', 'platform', 'township', 'walk-in', 'other'] as const;
export const dutyLogSourceSchema = z.enum(DUTY_LOG_SOURCES);
export type DutyLogSource = z.infer<typeof dutyLogSourceSchema>;

/** Payload of the `duty-log:record` command (值班日志). */
export const recordDutyLogSchema = z.strictObject({
  content: z.string().trim().min(1, 'content is empty').max(4000),
  source: dutyLogSourceSchema.default('phone'),
  caller: z.string().trim().max(100).optional(),
  /** When the call came in, if not now (ISO 8601). */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  handling: z.string().trim().max(2000).optional(),
});
export type RecordDutyLog = z.input<typeof recordDutyLogSchema>;

export interface DutyLogEntry {
  id: string;
  seq: number;
  receivedAt: string;
  recordedAt: string;
  recordedBy: string;
  source: DutyLogSource;
  caller?: string;
  content: string;
  handling?: string;
  exercise?: boolean;
}

/** Data of the `duty-log:recorded` event. */
export type DutyLogRecorded = Omit<DutyLogEntry, 'seq' | 'recordedAt' | 'recordedBy' | 'exercise'>;

/**
 * The duty log as the screens need it: the newest entries first, bounded so that
 * a wall that runs for weeks does not grow without end. Older entries stay in the journal.
 */
export interface DutyLogState {
  recent: DutyLogEntry[];
  total: number;
}

export const DUTY_LOG_RECENT_LIMIT = 200;

export const initialDutyLog = (): DutyLogState => ({ recent: [], total: 0 });

export function reduceDutyLog(state: DutyLogState, event: JournalEvent): DutyLogState {
  if (event.type !== 'duty-log:recorded') return state;
  const data = event.data as DutyLogRecorded;
  const entry: DutyLogEntry = {
    ...data,
    seq: event.seq,
    recordedAt: event.at,
    recordedBy: event.actor.user,
    ...(event.exercise ? { exercise: true } : {}),
  };
  return {
    recent: [entry, ...state.recent].slice(0, DUTY_LOG_RECENT_LIMIT),
    total: state.total + 1,
  };
}

export const dutyLogSlice = defineSlice({ initial: initialDutyLog, reduce: reduceDutyLog });

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

export const dutyLogCommands: CommandDef[] = [recordDutyLog];
