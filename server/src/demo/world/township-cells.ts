/** Township polygons: ragged Voronoi cells of the seats, clipped to the county. */
import polygonClipping from 'polygon-clipping';
import { dist, isSimpleRing, signedArea, wiggle, type PolygonKm, type Pt, type Ring } from '../planar.js';
import { rngFor } from '../prng.js';
import { bbox } from './geometry.js';

/** A ring as polygon-clipping wants it: closed (first point repeated at the end). */
const closed = (ring: Ring): Array<[number, number]> => [...ring, ring[0]!].map(([x, y]) => [x, y]);

interface Corner {
  p: Pt;
  /** The neighbouring site across the edge that starts here; -1 for the bounding box. */
  across: number;
}

/** The Voronoi cell of site i: a convex polygon cut from a box by the bisector with every other site. */
function voronoiCell(i: number, sites: readonly Pt[], box: [number, number, number, number]): Corner[] {
  const [minX, minY, maxX, maxY] = box;
  let cell: Corner[] = [
    { p: [minX, minY], across: -1 },
    { p: [maxX, minY], across: -1 },
    { p: [maxX, maxY], across: -1 },
    { p: [minX, maxY], across: -1 },
  ];
  const s = sites[i] as Pt;
  sites.forEach((t, j) => {
    if (j === i) return;
    const n: Pt = [t[0] - s[0], t[1] - s[1]];
    const m: Pt = [(s[0] + t[0]) / 2, (s[1] + t[1]) / 2];
    const side = (q: Pt) => (q[0] - m[0]) * n[0] + (q[1] - m[1]) * n[1];
    const out: Corner[] = [];
    cell.forEach((a, k) => {
      const b = cell[(k + 1) % cell.length] as Corner;
      const fa = side(a.p);
      const fb = side(b.p);
      const cut = (): Pt => {
        const t2 = fa / (fa - fb);
        return [a.p[0] + (b.p[0] - a.p[0]) * t2, a.p[1] + (b.p[1] - a.p[1]) * t2];
      };
      if (fa <= 0 && fb <= 0) out.push(a);
      else if (fa <= 0 && fb > 0) out.push(a, { p: cut(), across: j });
      else if (fa > 0 && fb <= 0) out.push({ p: cut(), across: a.across });
    });
    cell = out;
  });
  return cell;
}

/**
 * Township polygons: Voronoi cells of the seats whose shared edges are made ragged (each shared
 * edge is wiggled once and used by both neighbours, so there are no gaps or overlaps), then
 * clipped to the county. If raggedness ever tangles a cell, it is tried again calmer.
 */
export function townshipCells(seed: number, seats: readonly Pt[], county: Ring): PolygonKm[][] {
  // Cells are cut from the county's box plus a margin: enough to cover the county, and no
  // ragged border is drawn for kilometres outside it.
  const [minX, minY, maxX, maxY] = bbox(county);
  const box: [number, number, number, number] = [minX - 2, minY - 2, maxX + 2, maxY + 2];
  for (const amplitude of [0.12, 0.08, 0.04, 0]) {
    const borders = new Map<string, { from: Pt; inner: Pt[] }>();
    const rings = seats.map((_, i) => {
      const cell = voronoiCell(i, seats, box);
      const ring: Ring = [];
      cell.forEach((corner, k) => {
        ring.push(corner.p);
        const next = (cell[(k + 1) % cell.length] as Corner).p;
        const j = corner.across;
        if (j < 0) return;
        // Decided once per pair of neighbours (short edges stay straight) and shared by both.
        const key = `${Math.min(i, j)}-${Math.max(i, j)}`;
        let border = borders.get(key);
        if (!border) {
          const ragged = amplitude > 0 && dist(corner.p, next) >= 1.5;
          const inner = ragged ? wiggle(corner.p, next, rngFor(seed, `border:${key}`), amplitude, 0.5).slice(1, -1) : [];
          border = { from: corner.p, inner };
          borders.set(key, border);
        }
        const forward = dist(border.from, corner.p) <= dist(border.from, next);
        ring.push(...(forward ? border.inner : [...border.inner].reverse()));
      });
      return ring;
    });
    if (!rings.every(isSimpleRing)) continue;
    return rings.map((ring) => {
      const parts = polygonClipping.intersection([closed(ring)], [closed(county)]);
      if (parts.length === 0) throw new Error('a township cell misses the county');
      return parts.map((polygon) =>
        polygon.map((r) => {
          const open = r.slice(0, -1) as Ring; // polygon-clipping closes rings; ours are open
          return signedArea(open) < 0 ? open.reverse() : open;
        }),
      );
    });
  }
  throw new Error('unreachable: straight Voronoi cells are always simple');
}
