import type { JournalEvent } from './journal.js';
import type { Slice } from './slice.js';
import { drillsSlice } from './domain/drills.js';
import { dutyLogSlice } from './domain/duty-log.js';
import { monitoringSlice, responsesSlice, warningsSlice } from './domain/warnings/index.js';
import { regionSlice } from './domain/region.js';
import { shiftsSlice } from './domain/shifts.js';
import { dispatchSlice } from './domain/dispatch/index.js';
import { evacuationSlice } from './domain/evacuation/index.js';
import { sheltersSlice } from './domain/shelters/index.js';
import { suppliesSlice } from './domain/supplies/index.js';
import { teamsSlice } from './domain/teams/index.js';
import { hazardLedgerSlice, hazardSummarySlice } from './domain/hazards/index.js';
import { incidentsSlice } from './domain/incidents/index.js';
import { dailyReportsSlice } from './domain/daily-reports/index.js';
import { handoversSlice } from './domain/handover/index.js';

/**
 * Every domain's slice of the read model, by key. Adding a domain is one line here:
 * the state type, the initial state and the fold all follow from this table.
 */
export const SLICES = {
  region: regionSlice,
  dutyLog: dutyLogSlice,
  shifts: shiftsSlice,
  warnings: warningsSlice,
  responses: responsesSlice,
  monitoring: monitoringSlice,
  drills: drillsSlice,
  teams: teamsSlice,
  dispatch: dispatchSlice,
  evacuation: evacuationSlice,
  shelters: sheltersSlice,
  supplies: suppliesSlice,
  hazards: hazardSummarySlice,
  incidents: incidentsSlice,
  dailyReports: dailyReportsSlice,
  handovers: handoversSlice,
} as const;

/**
 * Slices the server keeps to decide commands but never ships whole to clients, because they
 * are too large for every screen (a 60,000-item ledger). Clients page through them over REST
 * and follow their events live. Adding one is one line here.
 */
export const SERVER_SLICES = {
  hazardLedger: hazardLedgerSlice,
} as const;

/** A slice every client store holds. */
export type SliceKey = keyof typeof SLICES;
export type ServerSliceKey = keyof typeof SERVER_SLICES;
type AllSlices = typeof SLICES & typeof SERVER_SLICES;
type SliceState<K extends keyof AllSlices> = AllSlices[K] extends Slice<infer S> ? S : never;

/** What clients hold: the client slices, at a seq. Sent whole in a snapshot. */
export type ClientState = { [K in SliceKey]: SliceState<K> } & {
  /** The last seq folded in; 0 for an empty journal. */
  seq: number;
};

/**
 * The read model: every domain's current state, a pure fold of the journal. The server keeps
 * one to decide commands; clients keep the ClientState part, one store per slice.
 */
export type WatchState = ClientState & { [K in ServerSliceKey]: SliceState<K> };

const ALL_SLICES: AllSlices = { ...SLICES, ...SERVER_SLICES };
const SLICE_KEYS = Object.keys(ALL_SLICES) as Array<keyof AllSlices>;
const CLIENT_KEYS = Object.keys(SLICES) as SliceKey[];

/** The part of the read model a client holds. */
export function clientState(state: WatchState): ClientState {
  const out = { seq: state.seq } as Record<string, unknown>;
  for (const key of CLIENT_KEYS) out[key] = state[key];
  return out as ClientState;
}

export function initialState(): WatchState {
  const state = { seq: 0 } as Record<string, unknown>;
  for (const key of SLICE_KEYS) state[key] = ALL_SLICES[key].initial();
  return state as WatchState;
}

/** Folds one event into the slices `keys` of `state`; an old or repeated event is ignored. */
function applyToSlices<S extends { seq: number }>(keys: readonly (keyof AllSlices)[], state: S, event: JournalEvent): S {
  if (event.seq <= state.seq) return state;
  const next = { seq: event.seq } as Record<string, unknown>;
  for (const key of keys) next[key] = (ALL_SLICES[key] as Slice<unknown>).reduce((state as Record<string, unknown>)[key], event);
  return next as S;
}

/** Folds one event in. Events must come in seq order; an old or repeated one is ignored. */
export function applyEvent(state: WatchState, event: JournalEvent): WatchState {
  return applyToSlices(SLICE_KEYS, state, event);
}

export function foldEvents(state: WatchState, events: Iterable<JournalEvent>): WatchState {
  let s = state;
  for (const e of events) s = applyEvent(s, e);
  return s;
}

/**
 * Folds events into the client's part alone. Every slice folds on its own, so this equals
 * `clientState(foldEvents(...))` without carrying the server-only slices (the hazard ledger).
 */
export function foldClientEvents(state: ClientState, events: Iterable<JournalEvent>): ClientState {
  let s = state;
  for (const e of events) s = applyToSlices(CLIENT_KEYS, s, e);
  return s;
}

/**
 * Bump when a reducer changes what it makes of the same events: server snapshots made by the
 * old reducers are then ignored and the read model is folded again from the journal.
 */
export const READ_MODEL_VERSION = 1;
