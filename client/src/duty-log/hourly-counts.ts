import type { DutyLogEntry } from '@watchfloor/shared';

export const HOUR_MS = 3_600_000;

export interface HourBucket {
  /** Start of the hour, epoch ms. China Standard Time is UTC+8 all year, so UTC hours are CST hours. */
  startMs: number;
  count: number;
}

export interface HourlyCounts {
  /** Oldest first; the last bucket is the hour that contains `now`. */
  buckets: HourBucket[];
  /**
   * True when the store no longer holds every entry of the window (it keeps only the most recent
   * ones), so the counts are a lower bound and the screen must say so.
   */
  partial: boolean;
}

/**
 * Duty-log entries per hour over the last `hours` hours, by when the call came in (`receivedAt`).
 * Pure: the caller passes the clock.
 */
export function hourlyCounts(
  entries: readonly Pick<DutyLogEntry, 'receivedAt' | 'recordedAt'>[],
  total: number,
  nowMs: number,
  hours = 24,
): HourlyCounts {
  const lastStart = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  const firstStart = lastStart - (hours - 1) * HOUR_MS;
  const buckets: HourBucket[] = Array.from({ length: hours }, (_, i) => ({ startMs: firstStart + i * HOUR_MS, count: 0 }));
  let oldestRecordedMs = Infinity;
  for (const entry of entries) {
    oldestRecordedMs = Math.min(oldestRecordedMs, Date.parse(entry.recordedAt));
    const index = Math.floor((Date.parse(entry.receivedAt) - firstStart) / HOUR_MS);
    const bucket = buckets[index];
    if (bucket) bucket.count += 1;
  }
  // Entries the store dropped were recorded before the oldest one it kept. If that one is
  // inside the window, some dropped entries may belong to it too.
  const partial = total > entries.length && oldestRecordedMs >= firstStart;
  return { buckets, partial };
}
