import { describe, expect, it } from 'vitest';
import { demoWorld } from '../world.js';
import { isSimpleRing, pointInPolygons, pointInRing, polygonsArea, signedArea, type Pt } from '../planar.js';
import { townshipCells } from './township-cells.js';

describe('townshipCells', () => {
  for (const seed of [1, 2, 3]) {
    it(`tiles the county with one cell per seat, no gaps, no overlaps (seed ${seed})`, () => {
      const { county, townships } = demoWorld(seed);
      const seats = townships.map((t) => t.seat);
      const cells = townshipCells(seed, seats, county.ring);
      expect(cells).toHaveLength(seats.length);
      const total = cells.reduce((sum, polygons) => sum + polygonsArea(polygons), 0);
      expect(total / signedArea(county.ring)).toBeCloseTo(1, 9);
      cells.forEach((polygons, k) => {
        // Each seat lies in its own cell and in no other.
        cells.forEach((other, j) => expect(pointInPolygons(seats[k] as Pt, other)).toBe(j === k));
        for (const [outer] of polygons) {
          expect(isSimpleRing(outer!)).toBe(true);
          expect(signedArea(outer!)).toBeGreaterThan(0);
        }
      });
      // Every point of a 1 km grid inside the county lies in exactly one cell.
      let probed = 0;
      for (let x = -40; x <= 40; x += 1.01) {
        for (let y = -30; y <= 30; y += 0.99) {
          if (!pointInRing([x, y], county.ring)) continue;
          expect(cells.filter((polygons) => pointInPolygons([x, y], polygons)).length, `${x},${y}`).toBe(1);
          probed++;
        }
      }
      expect(probed).toBeGreaterThan(1400);
    });
  }
});
