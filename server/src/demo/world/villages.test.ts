import { describe, expect, it } from 'vitest';
import { demoWorld } from '../world.js';
import { dist, distToLine, distToPolygonsBoundary, pointInPolygons, pointInRing } from '../planar.js';
import {
  HOUSEHOLDS_MAX,
  HOUSEHOLDS_MIN,
  PEOPLE_PER_HOUSEHOLD_MAX,
  PEOPLE_PER_HOUSEHOLD_MIN,
  VILLAGE_BORDER_MARGIN_KM,
  VILLAGES_MAX,
  VILLAGES_MIN,
  VILLAGES_PER_TOWNSHIP_MIN,
  villageCounts,
} from './villages.js';

describe('villageCounts', () => {
  it('shares the total by area, at least 10 each, summing to the total', () => {
    const areas = [300, 150, 100, 100, 80, 60, 50, 40, 30, 20, 10, 5];
    for (const total of [120, 200, 290, 300, 310, 1000]) {
      const counts = villageCounts(total, areas);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
      for (const c of counts) expect(c).toBeGreaterThanOrEqual(VILLAGES_PER_TOWNSHIP_MIN);
      // Larger townships never get fewer villages than smaller ones.
      for (let k = 1; k < counts.length; k++) expect(counts[k - 1]).toBeGreaterThanOrEqual(counts[k]!);
    }
    expect(villageCounts(300, [1, 1, 1])).toEqual([100, 100, 100]);
    expect(villageCounts(301, [1, 1, 1])).toEqual([101, 100, 100]);
  });
});

describe('placeVillages', () => {
  for (const seed of [1, 2, 3]) {
    it(`puts every village inside its township, off the border, the rivers and the water (seed ${seed})`, () => {
      const { townships, villages, rivers, reservoirs } = demoWorld(seed);
      expect(villages.length).toBeGreaterThanOrEqual(VILLAGES_MIN);
      expect(villages.length).toBeLessThanOrEqual(VILLAGES_MAX);
      for (const v of villages) {
        const township = townships.find((t) => t.code === v.townshipCode)!;
        expect(pointInPolygons(v.position, township.polygons), v.name).toBe(true);
        expect(distToPolygonsBoundary(v.position, township.polygons)).toBeGreaterThanOrEqual(VILLAGE_BORDER_MARGIN_KM);
        expect(dist(v.position, township.seat)).toBeGreaterThanOrEqual(0.6);
        for (const r of rivers) expect(distToLine(v.position, r.line)).toBeGreaterThanOrEqual(0.15);
        for (const w of reservoirs) expect(pointInRing(v.position, w.ring)).toBe(false);
        expect(v.code.startsWith(township.code.slice(0, 9))).toBe(true);
        expect(v.households).toBeGreaterThanOrEqual(HOUSEHOLDS_MIN);
        expect(v.households).toBeLessThanOrEqual(HOUSEHOLDS_MAX);
        expect(v.population).toBeGreaterThanOrEqual(Math.ceil(v.households * PEOPLE_PER_HOUSEHOLD_MIN));
        expect(v.population).toBeLessThanOrEqual(Math.floor(v.households * PEOPLE_PER_HOUSEHOLD_MAX));
      }
      // Within a township, numbered outwards from its seat: 201, 202, …
      for (const t of townships) {
        const mine = villages.filter((v) => v.townshipCode === t.code);
        expect(mine.length).toBeGreaterThanOrEqual(VILLAGES_PER_TOWNSHIP_MIN);
        expect(mine.map((v) => v.code)).toEqual(mine.map((_, n) => `${t.code.slice(0, 9)}${201 + n}`));
        const d = mine.map((v) => dist(v.position, t.seat));
        expect(d).toEqual([...d].sort((a, b) => a - b));
      }
    });
  }
});
