import { describe, expect, it } from 'vitest';
import { COUNTY_SEAT_TOWNSHIP, DEMO_COUNTY, RESERVOIR_TOWNSHIP, TOWN_POOL, XIANG_POOL } from '../names.js';
import { dist, type Pt } from '../planar.js';
import { mulberry32 } from '../prng.js';
import { nameTownships } from './township-names.js';

describe('nameTownships', () => {
  // Fifteen seats on a line, farther and farther from the first, in shuffled order.
  const seats: Pt[] = [0, 9, 3, 14, 1, 7, 12, 4, 10, 2, 13, 6, 8, 11, 5].map((d) => [d * 2, 0]);
  const cells = seats.map(() => []);

  it('names the county seat 城关镇 and the reservoir seat 龙潭乡, the rest from the pools', () => {
    const townships = nameTownships(mulberry32(7), seats, cells, 5);
    expect(townships[0]?.name).toBe(COUNTY_SEAT_TOWNSHIP);
    expect(townships[5]?.name).toBe(RESERVOIR_TOWNSHIP);
    expect(new Set(townships.map((t) => t.name)).size).toBe(15);
    const pools: readonly string[] = [...TOWN_POOL, ...XIANG_POOL];
    for (const t of townships.slice(1)) if (t.name !== RESERVOIR_TOWNSHIP) expect(pools).toContain(t.name);
    townships.forEach((t, k) => expect(t.seat).toBe(seats[k]));
  });

  it('codes towns 1xx and rural townships 2xx, numbered outwards from the county seat', () => {
    const townships = nameTownships(mulberry32(8), seats, cells, 5);
    expect(townships[0]?.code).toBe(`${DEMO_COUNTY.code}100000`);
    for (const kind of ['镇', '乡'] as const) {
      const ofKind = townships.filter((t) => t.kind === kind).sort((a, b) => (a.code < b.code ? -1 : 1));
      ofKind.forEach((t, n) => expect(t.code).toBe(`${DEMO_COUNTY.code}${(kind === '镇' ? 100 : 200) + n}000`));
      const distances = ofKind.map((t) => dist(t.seat, seats[0] as Pt));
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      for (const t of ofKind) expect(t.name.endsWith(kind)).toBe(true);
    }
  });
});
