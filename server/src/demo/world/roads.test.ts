import { describe, expect, it } from 'vitest';
import { demoWorld } from '../world.js';
import { MAIN_RIVER } from '../names.js';
import { dist, distToLine, type Pt } from '../planar.js';

const same = (a: Pt, b: Pt) => a[0] === b[0] && a[1] === b[1];

describe('buildRoads', () => {
  for (const seed of [1, 2, 3]) {
    it(`runs the provincial road up the valley and joins every seat by county roads (seed ${seed})`, () => {
      const { townships, rivers, roads } = demoWorld(seed);
      const seats = townships.map((t) => t.seat);
      const [provincial, ...county] = roads;
      expect(provincial).toMatchObject({ name: `${MAIN_RIVER}公路`, class: 'provincial' });
      expect(provincial!.ref).toMatch(/^S[23]\d\d$/);
      // Through every seat within 3 km of the main river.
      for (const seat of seats.filter((s) => distToLine(s, rivers[0]!.line) <= 3)) {
        expect(provincial!.line.some((p) => same(p, seat))).toBe(true);
      }
      county.forEach((road, n) => {
        expect(road.class).toBe('county');
        expect(road.ref).toBe(`X${String(n + 1).padStart(3, '0')}`);
        expect(road.name).toMatch(/^..线$/);
        // From one seat to another.
        expect(seats.some((s) => same(s, road.line[0] as Pt))).toBe(true);
        expect(seats.some((s) => same(s, road.line.at(-1) as Pt))).toBe(true);
      });
      for (const road of roads) {
        for (let i = 1; i < road.line.length; i++) expect(dist(road.line[i - 1] as Pt, road.line[i] as Pt)).toBeLessThan(0.5);
      }
      // Connected: every seat reaches every other over the roads (which meet at seats).
      const reached = new Set([0]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const road of roads) {
          const on = seats.flatMap((s, k) => (road.line.some((p) => same(p, s)) ? [k] : []));
          if (on.some((k) => reached.has(k)) && on.some((k) => !reached.has(k))) {
            for (const k of on) reached.add(k);
            grew = true;
          }
        }
      }
      expect(reached.size).toBe(seats.length);
    });
  }
});
