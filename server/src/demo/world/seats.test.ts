import { describe, expect, it } from 'vitest';
import { distToLine, distToRing, pointInRing, type Pt } from '../planar.js';
import { mulberry32 } from '../prng.js';
import { countyOutline } from './county.js';
import { mainRiverLine } from './main-river.js';
import { placeSeats, SEAT_BORDER_MARGIN_KM, TOWNSHIP_COUNT } from './seats.js';

describe('placeSeats', () => {
  it('puts the county seat on the main river and the others inside the county, off the border', () => {
    for (let stream = 1; stream <= 5; stream++) {
      const ring = countyOutline(mulberry32(stream));
      const river = mainRiverLine(mulberry32(100 + stream), ring);
      const seats = placeSeats(mulberry32(200 + stream), ring, river);
      expect(seats).toHaveLength(TOWNSHIP_COUNT);
      // On the bank: 350 m from the vertex nearest the middle, a little less from the line.
      expect(distToLine(seats[0] as Pt, river)).toBeLessThanOrEqual(0.35 + 1e-9);
      expect(distToLine(seats[0] as Pt, river)).toBeGreaterThan(0.2);
      for (const seat of seats) expect(pointInRing(seat, ring)).toBe(true);
      for (const seat of seats.slice(1)) expect(distToRing(seat, ring)).toBeGreaterThanOrEqual(SEAT_BORDER_MARGIN_KM);
    }
  });
});
