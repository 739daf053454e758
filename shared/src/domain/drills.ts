import { z } from 'zod';
import { defineCommand, type CommandDef } from '../command.js';
import { DomainError } from '../errors.js';
import type { JournalEvent } from '../journal.js';
import { defineSlice } from '../slice.js';

/**
 * Drills (演练): a scenario drives the system through the same commands people issue, every
 * event marked as an exercise. This slice says which drills run, so every screen can show
 * "演练" unmistakably while one does.
 */
export const startDrillSchema = z.strictObject({
  scenario: z.string().regex(/^[a-z0-9-]{1,40}$/, 'a scenario name: lowercase letters, digits and dashes'),
  /** Scenario minutes per real minute: 60 plays an hour in a minute. */
  speed: z.number().min(1).max(100_000).default(60),
});
export type StartDrill = z.input<typeof startDrillSchema>;

export interface DrillRun {
  id: string;
  scenario: string;
  title: string;
  speed: number;
  startedAt: string;
  startedBy: string;
  finishedAt?: string;
  outcome?: 'completed' | 'stopped' | 'failed';
  /** Steps submitted so far, of how many. */
  done: number;
  steps: number;
}

export interface DrillState {
  running: DrillRun[];
  /** The last few finished runs, newest first. */
  finished: DrillRun[];
}

const FINISHED_KEPT = 10;

export const initialDrills = (): DrillState => ({ running: [], finished: [] });

export function reduceDrills(state: DrillState, event: JournalEvent): DrillState {
  switch (event.type) {
    case 'drill:started': {
      const d = event.data as Omit<DrillRun, 'startedAt' | 'startedBy' | 'done'>;
      return { ...state, running: [...state.running, { ...d, startedAt: event.at, startedBy: event.actor.user, done: 0 }] };
    }
    case 'drill:progressed': {
      const { id, done } = event.data as { id: string; done: number };
      return { ...state, running: state.running.map((r) => (r.id === id ? { ...r, done } : r)) };
    }
    case 'drill:finished': {
      const { id, outcome } = event.data as { id: string; outcome: NonNullable<DrillRun['outcome']> };
      const run = state.running.find((r) => r.id === id);
      if (!run) return state;
      return {
        running: state.running.filter((r) => r.id !== id),
        finished: [{ ...run, finishedAt: event.at, outcome }, ...state.finished].slice(0, FINISHED_KEPT),
      };
    }
    default:
      return state;
  }
}

export const drillsSlice = defineSlice({ initial: initialDrills, reduce: reduceDrills });

const DRILL_ROLES = ['commander', 'admin'] as const;

export const startDrill = defineCommand({
  type: 'drill:start',
  summary: 'Start a drill (演练): a scenario played through the command path, marked as exercise',
  payload: startDrillSchema.extend({ title: z.string().min(1).max(100), steps: z.number().int().min(1).max(10_000) }),
  roles: DRILL_ROLES,
  decide(state, p, ctx) {
    if (state.drills.running.some((r) => r.scenario === p.scenario)) {
      throw new DomainError('conflict', `drill ${p.scenario} is already running`, 'scenario');
    }
    const id = ctx.newId('drill');
    return { events: [{ type: 'drill:started', data: { id, scenario: p.scenario, title: p.title, speed: p.speed, steps: p.steps } }], result: { id } };
  },
});

const runRef = z.strictObject({ id: z.string().min(1).max(100) });

export const progressDrill = defineCommand({
  type: 'drill:progress',
  summary: 'Record how far a running drill has got',
  payload: runRef.extend({ done: z.number().int().min(0).max(10_000) }),
  roles: DRILL_ROLES,
  decide(state, p) {
    if (!state.drills.running.some((r) => r.id === p.id)) throw new DomainError('not_found', `no running drill ${p.id}`, 'id');
    return { events: [{ type: 'drill:progressed', data: p }] };
  },
});

export const finishDrill = defineCommand({
  type: 'drill:finish',
  summary: 'End a running drill (completed, stopped by a person, or failed)',
  payload: runRef.extend({ outcome: z.enum(['completed', 'stopped', 'failed']) }),
  roles: DRILL_ROLES,
  decide(state, p) {
    if (!state.drills.running.some((r) => r.id === p.id)) throw new DomainError('not_found', `no running drill ${p.id}`, 'id');
    return { events: [{ type: 'drill:finished', data: p }] };
  },
});

export const drillCommands: CommandDef[] = [startDrill, progressDrill, finishDrill];
