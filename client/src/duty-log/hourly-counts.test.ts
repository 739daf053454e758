import { describe, expect, it } from 'vitest';
import { HOUR_MS, hourlyCounts } from './hourly-counts';

// 20:30 Beijing time on 9 October 2024 (12:30 UTC).
const NOW = Date.parse('2024-10-09T12:30:00Z');
const at = (iso: string) => ({ receivedAt: iso, recordedAt: iso });

describe('hourlyCounts', () => {
  it('makes 24 hourly buckets ending with the current hour', () => {
    const { buckets } = hourlyCounts([], 0, NOW);
    expect(buckets).toHaveLength(24);
    expect(buckets.at(-1)?.startMs).toBe(Date.parse('2024-10-09T12:00:00Z'));
    expect(buckets[0]?.startMs).toBe(Date.parse('2024-10-08T13:00:00Z'));
    expect(buckets.every((b, i) => i === 0 || b.startMs - (buckets[i - 1]?.startMs ?? 0) === HOUR_MS)).toBe(true);
  });

  it('counts entries by the hour the call came in and ignores those outside the window', () => {
    const entries = [
      at('2024-10-09T12:00:00Z'), // 20:00, current hour
      at('2024-10-09T12:29:59Z'),
      at('2024-10-09T11:59:59Z'), // 19:59, previous hour
      at('2024-10-08T13:00:00Z'), // first hour of the window
      at('2024-10-08T12:59:59Z'), // just before the window
      at('2024-10-09T13:00:00Z'), // next hour: not yet
      { receivedAt: '2024-10-09T02:10:00Z', recordedAt: '2024-10-09T12:10:00Z' }, // backdated call
    ];
    const { buckets, partial } = hourlyCounts(entries, entries.length, NOW);
    expect(buckets.at(-1)?.count).toBe(2);
    expect(buckets.at(-2)?.count).toBe(1);
    expect(buckets[0]?.count).toBe(1);
    expect(buckets.find((b) => b.startMs === Date.parse('2024-10-09T02:00:00Z'))?.count).toBe(1);
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(5);
    expect(partial).toBe(false);
  });

  it('is partial when the store dropped entries that may fall inside the window', () => {
    const kept = [at('2024-10-09T10:00:00Z'), at('2024-10-09T11:00:00Z')];
    expect(hourlyCounts(kept, 500, NOW).partial).toBe(true);
    const keptOld = [at('2024-10-09T10:00:00Z'), at('2024-10-07T11:00:00Z')];
    expect(hourlyCounts(keptOld, 500, NOW).partial).toBe(false);
  });

  it('takes the window length as a parameter', () => {
    expect(hourlyCounts([], 0, NOW, 6).buckets).toHaveLength(6);
  });
});
