/**
 * Plane geometry for the demo world, in kilometres on a local projection.
 *
 * The demo county is built in a flat frame (x km east, y km north of a fixed origin) so distances
 * and areas mean what they say, then converted once to WGS-84. The projection is equirectangular
 * about the origin: straight lines stay straight, so a point inside a polygon here is inside the
 * same polygon in longitude/latitude. Everything is pure arithmetic, hence deterministic.
 */

/** A point in the local frame: kilometres east and north of the origin. */
export type Pt = [number, number];
/** A closed ring; the first point is not repeated at the end. */
export type Ring = Pt[];
/** Outer ring first, then holes (the demo world has none). */
export type PolygonKm = Ring[];

/** The projection origin: the middle of the demo county's box (lon 110.3–110.8, lat 30.2–30.6). */
export const ORIGIN_LON = 110.55;
export const ORIGIN_LAT = 30.4;
/** Kilometres per degree of latitude near 30.4° N (WGS-84 meridian arc). */
export const KM_PER_DEG_LAT = 110.86;
/** Kilometres per degree of longitude at the origin's latitude. */
export const KM_PER_DEG_LON = 111.32 * Math.cos((ORIGIN_LAT * Math.PI) / 180);

/** Six decimals: about 0.1 m, and what the basemap and the region carry. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Local point → [lon, lat], rounded to 6 decimals. */
export function toLonLat(p: Pt): [number, number] {
  return [round6(ORIGIN_LON + p[0] / KM_PER_DEG_LON), round6(ORIGIN_LAT + p[1] / KM_PER_DEG_LAT)];
}

/** [lon, lat] → local point. */
export function toKm(lonLat: readonly [number, number]): Pt {
  return [(lonLat[0] - ORIGIN_LON) * KM_PER_DEG_LON, (lonLat[1] - ORIGIN_LAT) * KM_PER_DEG_LAT];
}

export function dist(a: Pt, b: Pt): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

export function lerp(a: Pt, b: Pt, t: number): Pt {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** Signed area (km²), positive for a counter-clockwise ring. */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as Pt;
    const b = ring[i] as Pt;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

/** Area (km²) of polygons given as lists of rings (outer ring minus holes). */
export function polygonsArea(polygons: readonly PolygonKm[]): number {
  let sum = 0;
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      sum += (i === 0 ? 1 : -1) * Math.abs(signedArea(ring));
    });
  }
  return sum;
}

/** Even–odd ray casting. Points on the boundary may go either way; callers keep a margin. */
export function pointInRing(p: Pt, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as Pt;
    const b = ring[j] as Pt;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/** Inside any of the polygons (outer ring in, no hole containing it). */
export function pointInPolygons(p: Pt, polygons: readonly PolygonKm[]): boolean {
  return polygons.some((rings) => rings.length > 0 && pointInRing(p, rings[0] as Ring) && !rings.slice(1).some((hole) => pointInRing(p, hole)));
}

export function distToSegment(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Distance to an open polyline. */
export function distToLine(p: Pt, line: readonly Pt[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) best = Math.min(best, distToSegment(p, line[i - 1] as Pt, line[i] as Pt));
  return best;
}

/** Distance to a closed ring's boundary. */
export function distToRing(p: Pt, ring: Ring): number {
  let best = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) best = Math.min(best, distToSegment(p, ring[j] as Pt, ring[i] as Pt));
  return best;
}

/** Distance to the boundary of any of the polygons (every ring counts). */
export function distToPolygonsBoundary(p: Pt, polygons: readonly PolygonKm[]): number {
  let best = Infinity;
  for (const rings of polygons) for (const ring of rings) best = Math.min(best, distToRing(p, ring));
  return best;
}

export function lineLength(line: readonly Pt[]): number {
  let sum = 0;
  for (let i = 1; i < line.length; i++) sum += dist(line[i - 1] as Pt, line[i] as Pt);
  return sum;
}

/** The point at arc length `s` (km) along the line, clamped to its ends. */
export function pointAlong(line: readonly Pt[], s: number): Pt {
  let left = Math.max(0, s);
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1] as Pt;
    const b = line[i] as Pt;
    const d = dist(a, b);
    if (left <= d && d > 0) return lerp(a, b, left / d);
    left -= d;
  }
  return [...(line[line.length - 1] as Pt)];
}

/** The stretch of a line between arc lengths `from` and `to` (km). */
export function sliceLine(line: readonly Pt[], from: number, to: number): Pt[] {
  const out: Pt[] = [pointAlong(line, from)];
  let s = 0;
  for (let i = 1; i < line.length; i++) {
    s += dist(line[i - 1] as Pt, line[i] as Pt);
    if (s > from && s < to) out.push([...(line[i] as Pt)]);
  }
  out.push(pointAlong(line, to));
  return out;
}

/** Points every `step` km along the line, both ends included. */
export function resample(line: readonly Pt[], step: number): Pt[] {
  const length = lineLength(line);
  const n = Math.max(1, Math.round(length / step));
  return Array.from({ length: n + 1 }, (_, i) => pointAlong(line, (length * i) / n));
}

/** Chaikin corner cutting on an open line: smooths bends, keeps both ends. */
export function chaikin(line: readonly Pt[], iterations: number): Pt[] {
  let pts = line.map((p) => [...p] as Pt);
  for (let k = 0; k < iterations; k++) {
    if (pts.length < 3) return pts;
    const next: Pt[] = [pts[0] as Pt];
    for (let i = 0; i < pts.length - 1; i++) {
      const a = pts[i] as Pt;
      const b = pts[i + 1] as Pt;
      next.push(lerp(a, b, 0.25), lerp(a, b, 0.75));
    }
    next.push(pts[pts.length - 1] as Pt);
    pts = next;
  }
  return pts;
}

/**
 * A wiggly path from `a` to `b` by midpoint displacement: each midpoint moves sideways by up to
 * `amplitude` × the segment's length, with the amplitude shrinking at each level, until segments
 * are shorter than `minLength` km. Returns `a` … `b`, both included.
 */
export function wiggle(a: Pt, b: Pt, rand: () => number, amplitude: number, minLength: number): Pt[] {
  const d = dist(a, b);
  if (d < minLength) return [a, b];
  const m = lerp(a, b, 0.5);
  const offset = (rand() * 2 - 1) * amplitude * d;
  const mid: Pt = [m[0] - ((b[1] - a[1]) / d) * offset, m[1] + ((b[0] - a[0]) / d) * offset];
  const left = wiggle(a, mid, rand, amplitude * 0.7, minLength);
  const right = wiggle(mid, b, rand, amplitude * 0.7, minLength);
  return [...left, ...right.slice(1)];
}

function orient(p: Pt, q: Pt, r: Pt): number {
  return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
}

function segmentsCross(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const o = orient;
  const d1 = o(c, d, a);
  const d2 = o(c, d, b);
  const d3 = o(a, b, c);
  const d4 = o(a, b, d);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/** True when no two non-adjacent edges of the ring cross. */
export function isSimpleRing(ring: Ring): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i] as Pt;
    const b = ring[(i + 1) % n] as Pt;
    const [minX, maxX] = a[0] < b[0] ? [a[0], b[0]] : [b[0], a[0]];
    const [minY, maxY] = a[1] < b[1] ? [a[1], b[1]] : [b[1], a[1]];
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      const c = ring[j] as Pt;
      const d = ring[(j + 1) % n] as Pt;
      if ((c[0] < minX && d[0] < minX) || (c[0] > maxX && d[0] > maxX) || (c[1] < minY && d[1] < minY) || (c[1] > maxY && d[1] > maxY)) continue;
      if (segmentsCross(a, b, c, d)) return false;
    }
  }
  return true;
}

/** True when no two non-adjacent segments of the open line cross. */
export function isSimpleLine(line: readonly Pt[]): boolean {
  for (let i = 0; i < line.length - 1; i++) {
    for (let j = i + 2; j < line.length - 1; j++) {
      if (segmentsCross(line[i] as Pt, line[i + 1] as Pt, line[j] as Pt, line[j + 1] as Pt)) return false;
    }
  }
  return true;
}

/**
 * Segments bucketed on a square grid, for "how far to the nearest river or road" asked
 * thousands of times while villages are placed. Exact within `maxDistance`.
 */
export class SegmentIndex {
  private readonly cells = new Map<number, Array<[Pt, Pt]>>();

  constructor(
    lines: ReadonlyArray<readonly Pt[]>,
    private readonly cellSize = 1,
  ) {
    for (const line of lines) {
      for (let i = 1; i < line.length; i++) {
        const a = line[i - 1] as Pt;
        const b = line[i] as Pt;
        const [x0, x1] = [Math.floor(Math.min(a[0], b[0]) / cellSize), Math.floor(Math.max(a[0], b[0]) / cellSize)];
        const [y0, y1] = [Math.floor(Math.min(a[1], b[1]) / cellSize), Math.floor(Math.max(a[1], b[1]) / cellSize)];
        for (let x = x0; x <= x1; x++) {
          for (let y = y0; y <= y1; y++) {
            const key = SegmentIndex.key(x, y);
            const bucket = this.cells.get(key);
            if (bucket) bucket.push([a, b]);
            else this.cells.set(key, [[a, b]]);
          }
        }
      }
    }
  }

  /** Grid cells as numbers (the county spans a few dozen cells each way). */
  private static key(x: number, y: number): number {
    return (x + 50_000) * 100_000 + (y + 50_000);
  }

  /** Distance from p to the nearest segment, or `maxDistance` if none is nearer. */
  nearest(p: Pt, maxDistance: number): number {
    const cx = Math.floor(p[0] / this.cellSize);
    const cy = Math.floor(p[1] / this.cellSize);
    let best = maxDistance;
    const rings = Math.ceil(maxDistance / this.cellSize);
    for (let r = 0; r <= rings; r++) {
      // Every cell of ring r is at least (r − 1) cells away from p.
      if ((r - 1) * this.cellSize >= best) break;
      for (let x = cx - r; x <= cx + r; x++) {
        for (let y = cy - r; y <= cy + r; y++) {
          if (Math.max(Math.abs(x - cx), Math.abs(y - cy)) !== r) continue;
          for (const [a, b] of this.cells.get(SegmentIndex.key(x, y)) ?? []) best = Math.min(best, distToSegment(p, a, b));
        }
      }
    }
    return best;
  }
}
