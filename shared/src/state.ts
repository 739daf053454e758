import type { JournalEvent } from './journal.js';
import type { Slice } from './slice.js';
import { dutyLogSlice } from './domain/duty-log.js';
import { regionSlice } from './domain/region.js';
import { shiftsSlice } from './domain/shifts.js';

/**
 * Every domain's slice of the read model, by key. Adding a domain is one line here:
 * the state type, the initial state and the fold all follow from this table.
 */
export const SLICES = {
  region: regionSlice,
  dutyLog: dutyLogSlice,
  shifts: shiftsSlice,
} as const;

export type SliceKey = keyof typeof SLICES;
type SliceState<K extends SliceKey> = (typeof SLICES)[K] extends Slice<infer S> ? S : never;

/**
 * The read model: every domain's current state, a pure fold of the journal.
 * The server keeps one to decide commands and to send snapshots; each client store keeps its slice.
 */
export type WatchState = { [K in SliceKey]: SliceState<K> } & {
  /** The last seq folded in; 0 for an empty journal. */
  seq: number;
};

const SLICE_KEYS = Object.keys(SLICES) as SliceKey[];

export function initialState(): WatchState {
  const state = { seq: 0 } as Record<string, unknown>;
  for (const key of SLICE_KEYS) state[key] = SLICES[key].initial();
  return state as WatchState;
}

/** Folds one event in. Events must come in seq order; an old or repeated one is ignored. */
export function applyEvent(state: WatchState, event: JournalEvent): WatchState {
  if (event.seq <= state.seq) return state;
  const next = { seq: event.seq } as Record<string, unknown>;
  for (const key of SLICE_KEYS) next[key] = (SLICES[key] as Slice<unknown>).reduce(state[key], event);
  return next as WatchState;
}

export function foldEvents(state: WatchState, events: Iterable<JournalEvent>): WatchState {
  let s = state;
  for (const e of events) s = applyEvent(s, e);
  return s;
}
