import type { HazardItem, HazardState, PatrolRecord } from './model.js';

/**
 * Event data of the hazard domain. Every change carries the item as it is after the change and
 * what it was before (`was`), so reducers that keep only counts (the screens' summary) can move
 * an item from one bucket to another without holding the 60,000 items themselves.
 */

export interface HazardWas {
  state: HazardState;
  overdue: boolean;
  supervised: boolean;
}

/** `hazard:imported`: one chunk of an import (at most IMPORT_CHUNK_ROWS items). */
export interface HazardsImported {
  importId: string;
  chunk: number;
  chunks: number;
  /** New items; `createdSeq` is 0 here and becomes the event's seq in the ledger. */
  items: HazardItem[];
}

/** `hazard:reported`: one hazard found (排查发现) and put on record. */
export interface HazardReported {
  item: HazardItem;
}

/**
 * A loop transition of one item: `hazard:ledgered`, `hazard:rectification-assigned`,
 * `hazard:rectification-completed`, `hazard:acceptance-rejected`, `hazard:closed`,
 * `hazard:supervision-listed`.
 */
export interface HazardChanged {
  item: HazardItem;
  was: HazardWas;
  /** A reason or remark, e.g. why an acceptance was refused. */
  note?: string;
}

/** `hazard:overdue-flagged`: items the overdue rule found past a deadline. */
export interface HazardsOverdueFlagged {
  changes: HazardChanged[];
}

/** `patrol:recorded`: a patrol of a point (巡查), and the point after it. */
export interface PatrolRecorded {
  patrol: PatrolRecord;
  item: HazardItem;
  was: HazardWas;
}

/** Rows per `hazard:imported` event: keeps events, socket messages and folds small. */
export const IMPORT_CHUNK_ROWS = 500;

export const HAZARD_CHANGE_EVENTS = [
  'hazard:ledgered',
  'hazard:rectification-assigned',
  'hazard:rectification-completed',
  'hazard:acceptance-rejected',
  'hazard:closed',
  'hazard:supervision-listed',
] as const;
export type HazardChangeEvent = (typeof HAZARD_CHANGE_EVENTS)[number];

export const wasOf = (item: HazardItem): HazardWas => ({
  state: item.state,
  overdue: item.overdue === true,
  supervised: item.supervision !== undefined && item.state !== 'closed',
});

/** Every (item, was) pair an event carries; `was` is null for new items. */
export function changesIn(type: string, data: unknown): Array<{ item: HazardItem; was: HazardWas | null }> {
  if (type === 'hazard:imported') return (data as HazardsImported).items.map((item) => ({ item, was: null }));
  if (type === 'hazard:reported') return [{ item: (data as HazardReported).item, was: null }];
  if (type === 'hazard:overdue-flagged') return (data as HazardsOverdueFlagged).changes;
  if (type === 'patrol:recorded') return [data as PatrolRecorded];
  if ((HAZARD_CHANGE_EVENTS as readonly string[]).includes(type)) return [data as HazardChanged];
  return [];
}
