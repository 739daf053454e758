import { describe, expect, it } from 'vitest';
import { demoWorld } from '../world.js';
import { dist, distToRing, isSimpleRing, pointInRing, signedArea, type Pt, type Ring } from '../planar.js';
import { mulberry32 } from '../prng.js';
import { COUNTY_AREA_KM2, countyOutline, labelPoint } from './county.js';

describe('countyOutline', () => {
  it('is a simple ring of the county area, counter-clockwise, around the origin', () => {
    for (let stream = 1; stream <= 20; stream++) {
      const ring = countyOutline(mulberry32(stream));
      expect(isSimpleRing(ring), `stream ${stream}`).toBe(true);
      expect(signedArea(ring)).toBeCloseTo(COUNTY_AREA_KM2, 6);
      expect(pointInRing([0, 0], ring)).toBe(true);
    }
  });
});

describe('labelPoint', () => {
  const square: Ring = [
    [-10, -10],
    [10, -10],
    [10, 10],
    [-10, 10],
  ];

  it('is the point deepest inside the ring', () => {
    expect(labelPoint(square, [[-9, -9]])).toEqual([0, 0]);
  });

  it('keeps 5 km from every seat, and falls back on the county seat when nothing is that far', () => {
    const seats: Pt[] = [[0, 0]];
    const p = labelPoint(square, seats);
    expect(dist(p, [0, 0])).toBeGreaterThanOrEqual(5);
    expect(pointInRing(p, square)).toBe(true);
    const crowded: Pt[] = [[1, 1], [-5, -5], [5, 5], [-5, 5], [5, -5], [0, 6], [0, -6], [6, 0], [-6, 0]];
    expect(labelPoint([[-4, -4], [4, -4], [4, 4], [-4, 4]], crowded)).toEqual([1, 1]);
  });

  it('in the demo counties: inside, 5 km from every township seat', () => {
    for (const seed of [1, 2, 3]) {
      const { county, townships } = demoWorld(seed);
      expect(pointInRing(county.labelPoint, county.ring)).toBe(true);
      expect(distToRing(county.labelPoint, county.ring)).toBeGreaterThan(1);
      for (const t of townships) expect(dist(t.seat, county.labelPoint)).toBeGreaterThanOrEqual(5);
    }
  });
});
