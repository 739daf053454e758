import { describe, expect, it } from 'vitest';
import { dist, distToRing, isSimpleLine, pointInRing, type Pt } from '../planar.js';
import { mulberry32 } from '../prng.js';
import { countyOutline } from './county.js';
import { mainRiverLine, OUTSIDE_REACH_KM } from './main-river.js';

describe('mainRiverLine', () => {
  it('crosses the county in one continuous, simple line, running on at most 3 km beyond it', () => {
    for (let stream = 1; stream <= 10; stream++) {
      const ring = countyOutline(mulberry32(stream));
      const line = mainRiverLine(mulberry32(1000 + stream), ring);
      expect(line.length).toBeGreaterThan(10);
      expect(isSimpleLine(line)).toBe(true);
      // Continuous: no jumps between vertices.
      for (let i = 1; i < line.length; i++) expect(dist(line[i - 1] as Pt, line[i] as Pt)).toBeLessThan(0.5);
      for (const p of line) expect(pointInRing(p, ring) || distToRing(p, ring) <= OUTSIDE_REACH_KM).toBe(true);
      // It enters and leaves the county: both ends lie outside.
      expect(pointInRing(line[0] as Pt, ring)).toBe(false);
      expect(pointInRing(line.at(-1) as Pt, ring)).toBe(false);
    }
  });
});
