/** Plane helpers that several features of the demo world share, on top of `../planar.ts`. */
import { dist, lineLength, type Pt } from '../planar.js';

/** [minX, minY, maxX, maxY] of the points, km. */
export function bbox(points: readonly Pt[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}

/** The index of the line's vertex closest to p. */
export function nearestIndex(line: readonly Pt[], p: Pt): number {
  let best = 0;
  line.forEach((q, i) => {
    if (dist(q, p) < dist(line[best] as Pt, p)) best = i;
  });
  return best;
}

/** Unit normal (to the left of the direction of flow) at vertex i. */
export function normalAt(line: readonly Pt[], i: number): Pt {
  const a = line[Math.max(0, i - 1)] as Pt;
  const b = line[Math.min(line.length - 1, i + 1)] as Pt;
  const d = dist(a, b) || 1;
  return [-(b[1] - a[1]) / d, (b[0] - a[0]) / d];
}

/** A point beside the line at vertex i, `offset` km to the left (negative: right). */
export function beside(line: readonly Pt[], i: number, offset: number): Pt {
  const p = line[i] as Pt;
  const n = normalAt(line, i);
  return [p[0] + n[0] * offset, p[1] + n[1] * offset];
}

/** Arc length of vertex i. */
export function arcAt(line: readonly Pt[], i: number): number {
  return lineLength(line.slice(0, i + 1));
}
