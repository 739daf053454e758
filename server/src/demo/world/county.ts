/** The county outline and where its name goes on the map. */
import { dist, distToRing, isSimpleRing, pointInRing, signedArea, wiggle, type Pt, type Ring } from '../planar.js';
import { uniform, type Rng } from '../prng.js';
import { bbox } from './geometry.js';

/** The county's area, km² (a real mountain county of 15 townships has about 1,494 km²). */
export const COUNTY_AREA_KM2 = 1500;

/**
 * An irregular, roughly oval outline: a few low harmonics give the overall lobes, midpoint
 * displacement gives the jagged ridge-line detail, and the result is scaled to the target area.
 */
export function countyOutline(rng: Rng): Ring {
  for (;;) {
    const harmonics = Array.from({ length: 7 }, (_, k) => {
      const h = k + 2;
      return { h, amplitude: uniform(rng, 0.5, 1) * (0.3 / h ** 0.9), phase: uniform(rng, 0, 2 * Math.PI) };
    });
    const base: Pt[] = [];
    const BASE_VERTICES = 36;
    for (let k = 0; k < BASE_VERTICES; k++) {
      const theta = (2 * Math.PI * k) / BASE_VERTICES;
      let r = 1;
      for (const { h, amplitude, phase } of harmonics) r += amplitude * Math.cos(h * theta + phase);
      // Wider than tall, like the lon 110.3–110.8 × lat 30.2–30.6 box it sits in.
      base.push([1.08 * r * Math.cos(theta), 0.93 * r * Math.sin(theta)]);
    }
    const scale = Math.sqrt(COUNTY_AREA_KM2 / Math.abs(signedArea(base)));
    const scaled = base.map(([x, y]): Pt => [x * scale, y * scale]);
    const ring: Ring = [];
    for (let k = 0; k < scaled.length; k++) {
      const a = scaled[k] as Pt;
      const b = scaled[(k + 1) % scaled.length] as Pt;
      ring.push(...wiggle(a, b, rng, 0.2, 0.6).slice(0, -1));
    }
    const fix = Math.sqrt(COUNTY_AREA_KM2 / Math.abs(signedArea(ring)));
    const out = ring.map(([x, y]): Pt => [x * fix, y * fix]);
    if (isSimpleRing(out)) return out;
  }
}

/**
 * Where the county's name goes: an approximate pole of inaccessibility (the point farthest inside
 * the ring, on a 2 km grid, then 250 m) among points at least 5 km from every township seat, so
 * the county label never hides a township's.
 */
export function labelPoint(ring: Ring, seats: readonly Pt[]): Pt {
  const [minX, minY, maxX, maxY] = bbox(ring);
  const top: { p: Pt | null; d: number } = { p: null, d: -1 };
  const consider = (p: Pt) => {
    if (!pointInRing(p, ring) || seats.some((s) => dist(s, p) < 5)) return;
    const d = distToRing(p, ring);
    if (d > top.d) Object.assign(top, { p, d });
  };
  for (let x = Math.ceil(minX); x <= maxX; x += 2) for (let y = Math.ceil(minY); y <= maxY; y += 2) consider([x, y]);
  if (!top.p) return seats[0] as Pt;
  const [cx, cy] = top.p;
  for (let dx = -2; dx <= 2; dx += 0.25) for (let dy = -2; dy <= 2; dy += 0.25) consider([cx + dx, cy + dy]);
  return top.p;
}
