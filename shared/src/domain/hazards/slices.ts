import type { JournalEvent } from '../../journal.js';
import { defineSlice } from '../../slice.js';
import { changesIn, type HazardWas } from './events.js';
import { hazardDay } from './loop.js';
import { pinOf, type HazardItem, type HazardPin, type HazardState } from './model.js';

/**
 * Two slices. The ledger (server-only) holds every item, for deciding; it is cut into fixed
 * buckets so a change copies one bucket of a few hundred items, never all 60,000. The summary
 * (every screen) holds counts, the mapped points and recent changes: small, whatever the ledger's size.
 */

export const LEDGER_BUCKETS = 256;

export interface HazardLedgerState {
  buckets: Array<Record<string, HazardItem>>;
  size: number;
}

function bucketOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % LEDGER_BUCKETS;
}

export const initialHazardLedger = (): HazardLedgerState => ({ buckets: Array.from({ length: LEDGER_BUCKETS }, () => ({})), size: 0 });

export function getHazard(state: HazardLedgerState, id: string): HazardItem | undefined {
  return state.buckets[bucketOf(id)]?.[id];
}

export function forEachHazard(state: HazardLedgerState, fn: (item: HazardItem) => void): void {
  for (const bucket of state.buckets) for (const id in bucket) fn(bucket[id]!);
}

/** Puts items in, copying each touched bucket once (structural sharing). */
function putItems(state: HazardLedgerState, items: HazardItem[]): HazardLedgerState {
  const buckets = state.buckets.slice();
  const copied = new Set<number>();
  let size = state.size;
  for (const item of items) {
    const b = bucketOf(item.id);
    if (!copied.has(b)) {
      buckets[b] = { ...buckets[b] };
      copied.add(b);
    }
    const bucket = buckets[b]!;
    if (!(item.id in bucket)) size += 1;
    bucket[item.id] = item;
  }
  return { buckets, size };
}

export function reduceHazardLedger(state: HazardLedgerState, event: JournalEvent): HazardLedgerState {
  const changes = changesIn(event.type, event.data);
  if (changes.length === 0) return state;
  return putItems(
    state,
    changes.map(({ item, was }) => (was === null ? { ...item, createdSeq: event.seq } : item)),
  );
}

export const hazardLedgerSlice = defineSlice({ initial: initialHazardLedger, reduce: reduceHazardLedger });

// ---- the screens' summary ----

/** Most mapped points the screens hold (the county's registry is ~1,000). */
export const MAPPED_POINTS_LIMIT = 5000;
export const HAZARD_RECENT_LIMIT = 30;
/** Days of trend kept. */
export const HAZARD_TREND_DAYS = 90;

export interface HazardChange {
  seq: number;
  at: string;
  type: string;
  id: string;
  name: string;
  state: HazardState;
  townshipCode: string;
  /** Items in an import chunk. */
  count?: number;
}

export interface HazardSummaryState {
  total: number;
  /** Items by `${townshipCode}|${kind}|${state}`. */
  counts: Record<string, number>;
  /** Overdue items by `${townshipCode}|${kind}`. */
  overdue: Record<string, number>;
  supervised: number;
  /** Mapped natural-hazard points by id. */
  points: Record<string, HazardPin>;
  /** Points not held because of MAPPED_POINTS_LIMIT. */
  pointsOmitted: number;
  /** Found and closed per CST day. */
  daily: Record<string, { found: number; closed: number }>;
  recent: HazardChange[];
}

export const initialHazardSummary = (): HazardSummaryState => ({
  total: 0,
  counts: {},
  overdue: {},
  supervised: 0,
  points: {},
  pointsOmitted: 0,
  daily: {},
  recent: [],
});

export const countKey = (townshipCode: string, kind: string, state: string) => `${townshipCode}|${kind}|${state}`;
export const overdueKey = (townshipCode: string, kind: string) => `${townshipCode}|${kind}`;

const add = (m: Record<string, number>, k: string, d: number) => {
  const v = (m[k] ?? 0) + d;
  if (v === 0) delete m[k];
  else m[k] = v;
};

export function reduceHazardSummary(state: HazardSummaryState, event: JournalEvent): HazardSummaryState {
  const changes = changesIn(event.type, event.data);
  if (changes.length === 0) return state;
  const counts = { ...state.counts };
  const overdue = { ...state.overdue };
  const daily = { ...state.daily };
  let points = state.points;
  let { total, supervised, pointsOmitted } = state;
  let pointCount = -1; // counted once, and only if a new point arrives
  const bump = (day: string, field: 'found' | 'closed') => {
    const d = daily[day] ?? { found: 0, closed: 0 };
    daily[day] = { ...d, [field]: d[field] + 1 };
  };
  for (const { item, was } of changes) {
    const after: HazardWas = { state: item.state, overdue: item.overdue === true, supervised: item.supervision !== undefined && item.state !== 'closed' };
    if (was) {
      add(counts, countKey(item.townshipCode, item.kind, was.state), -1);
      if (was.overdue) add(overdue, overdueKey(item.townshipCode, item.kind), -1);
      if (was.supervised) supervised -= 1;
    } else {
      total += 1;
      bump(hazardDay(item.foundAt), 'found');
    }
    add(counts, countKey(item.townshipCode, item.kind, after.state), 1);
    if (after.overdue) add(overdue, overdueKey(item.townshipCode, item.kind), 1);
    if (after.supervised) supervised += 1;
    if (after.state === 'closed' && was?.state !== 'closed' && item.closedAt) bump(hazardDay(item.closedAt), 'closed');
    if (item.category === 'natural' && item.location) {
      const known = item.id in points;
      if (!known && pointCount < 0) pointCount = Object.keys(points).length;
      if (known || pointCount < MAPPED_POINTS_LIMIT) {
        if (points === state.points) points = { ...points };
        points[item.id] = pinOf(item);
        if (!known) pointCount += 1;
      } else if (!was) pointsOmitted += 1;
    }
  }
  const days = Object.keys(daily);
  if (days.length > HAZARD_TREND_DAYS) for (const d of days.sort().slice(0, days.length - HAZARD_TREND_DAYS)) delete daily[d];
  const first = changes[0]!.item;
  const change: HazardChange = {
    seq: event.seq,
    at: event.at,
    type: event.type,
    id: first.id,
    name: first.name,
    state: first.state,
    townshipCode: first.townshipCode,
    ...(changes.length > 1 ? { count: changes.length } : {}),
  };
  return {
    total,
    counts,
    overdue,
    supervised,
    points,
    pointsOmitted,
    daily,
    recent: [change, ...state.recent].slice(0, HAZARD_RECENT_LIMIT),
  };
}

export const hazardSummarySlice = defineSlice({ initial: initialHazardSummary, reduce: reduceHazardSummary });
