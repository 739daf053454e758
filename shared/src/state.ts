import type { JournalEvent } from './journal.js';
import { initialDutyLog, reduceDutyLog, type DutyLogState } from './domain/duty-log.js';
import { initialRegion, reduceRegion, type RegionState } from './domain/region.js';
import { initialShifts, reduceShifts, type ShiftState } from './domain/shifts.js';

/**
 * The read model: every domain's current state, a pure fold of the journal.
 * The server keeps one to decide commands and to send snapshots; each client store keeps its slice.
 */
export interface WatchState {
  /** The last seq folded in; 0 for an empty journal. */
  seq: number;
  region: RegionState;
  dutyLog: DutyLogState;
  shifts: ShiftState;
}

export const initialState = (): WatchState => ({
  seq: 0,
  region: initialRegion(),
  dutyLog: initialDutyLog(),
  shifts: initialShifts(),
});

/** Folds one event in. Events must come in seq order; an old or repeated one is ignored. */
export function applyEvent(state: WatchState, event: JournalEvent): WatchState {
  if (event.seq <= state.seq) return state;
  return {
    seq: event.seq,
    region: reduceRegion(state.region, event),
    dutyLog: reduceDutyLog(state.dutyLog, event),
    shifts: reduceShifts(state.shifts, event),
  };
}

export function foldEvents(state: WatchState, events: Iterable<JournalEvent>): WatchState {
  let s = state;
  for (const e of events) s = applyEvent(s, e);
  return s;
}
