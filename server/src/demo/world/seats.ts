/** The township seats: where the fifteen township governments sit. */
import { dist, distToRing, pointInRing, type Pt, type Ring } from '../planar.js';
import { uniform, type Rng } from '../prng.js';
import { beside, bbox, nearestIndex, normalAt } from './geometry.js';

export const TOWNSHIP_COUNT = 15;
/** Township seats keep this far from the county border, km. */
export const SEAT_BORDER_MARGIN_KM = 3;

/**
 * Fifteen seats: the county seat on the main river near the middle, the others scattered with a
 * minimum spacing (relaxed step by step if the outline is tight); seats that fall near the main
 * river move onto its bank, as valley towns do.
 */
export function placeSeats(rng: Rng, ring: Ring, river: readonly Pt[]): Pt[] {
  const middle = nearestIndex(river, [0, 0]);
  const seats: Pt[] = [beside(river, middle, 0.35)];
  const [minX, minY, maxX, maxY] = bbox(ring);
  let spacing = 9;
  let misses = 0;
  while (seats.length < TOWNSHIP_COUNT) {
    const p: Pt = [uniform(rng, minX, maxX), uniform(rng, minY, maxY)];
    const ok = pointInRing(p, ring) && distToRing(p, ring) >= SEAT_BORDER_MARGIN_KM && seats.every((q) => dist(p, q) >= spacing);
    if (ok) {
      seats.push(p);
      misses = 0;
    } else if (++misses > 400) {
      spacing *= 0.95;
      misses = 0;
    }
  }
  for (let k = 1; k < seats.length; k++) {
    const p = seats[k] as Pt;
    const i = nearestIndex(river, p);
    const d = dist(river[i] as Pt, p);
    if (d < 2.5) {
      const n = normalAt(river, i);
      const side = (p[0] - (river[i] as Pt)[0]) * n[0] + (p[1] - (river[i] as Pt)[1]) * n[1] >= 0 ? 1 : -1;
      const moved = beside(river, i, 0.35 * side);
      if (seats.every((q, j) => j === k || dist(moved, q) >= 6) && distToRing(moved, ring) >= SEAT_BORDER_MARGIN_KM) seats[k] = moved;
    }
  }
  return seats;
}
