/** The villages (行政村): where they lie, their names, households and population. */
import { villageName } from '../names.js';
import { dist, distToPolygonsBoundary, distToRing, pointInPolygons, pointInRing, polygonsArea, SegmentIndex, type Pt } from '../planar.js';
import { intBetween, normal, uniform, type Rng } from '../prng.js';
import { bbox } from './geometry.js';
import type { DemoReservoir, DemoRiver, DemoRoad, DemoTownship, DemoVillage } from './types.js';

/** The demo county has between these many villages (行政村), both included. */
export const VILLAGES_MIN = 290;
export const VILLAGES_MAX = 310;
/** Households per village and people per household, as in the rural counties of domain.md. */
export const HOUSEHOLDS_MIN = 150;
export const HOUSEHOLDS_MAX = 800;
export const PEOPLE_PER_HOUSEHOLD_MIN = 2.6;
export const PEOPLE_PER_HOUSEHOLD_MAX = 3.3;
/** Villages keep this far from township borders, km: far beyond any rounding of coordinates. */
export const VILLAGE_BORDER_MARGIN_KM = 0.35;
/** The fewest villages a township gets. */
export const VILLAGES_PER_TOWNSHIP_MIN = 10;

/**
 * How many of `total` villages each township gets: shares by area, never fewer than 10; the
 * largest townships absorb the rounding. Sums to `total` whenever `total` allows 10 each.
 */
export function villageCounts(total: number, areas: readonly number[]): number[] {
  const sum = areas.reduce((a, b) => a + b, 0);
  const counts = areas.map((a) => Math.max(VILLAGES_PER_TOWNSHIP_MIN, Math.round((total * a) / sum)));
  const bySize = areas.map((a, k) => ({ a, k })).sort((x, y) => y.a - x.a || x.k - y.k);
  let diff = total - counts.reduce((a, b) => a + b, 0);
  for (let n = 0; diff !== 0; n++) {
    const k = (bySize[n % bySize.length] as { k: number }).k;
    if (diff > 0) {
      counts[k] = (counts[k] as number) + 1;
      diff--;
    } else if ((counts[k] as number) > VILLAGES_PER_TOWNSHIP_MIN) {
      counts[k] = (counts[k] as number) - 1;
      diff++;
    }
  }
  return counts;
}

/**
 * About 300 villages, shared among townships by area. Each lies inside its township with a
 * margin from the border, off the rivers and out of the reservoirs, apart from the others, and
 * more likely near a river or a road.
 */
export function placeVillages(
  rng: Rng,
  townships: readonly DemoTownship[],
  rivers: readonly DemoRiver[],
  reservoirs: readonly DemoReservoir[],
  roads: readonly DemoRoad[],
): DemoVillage[] {
  const total = intBetween(rng, VILLAGES_MIN, VILLAGES_MAX);
  const counts = villageCounts(total, townships.map((t) => polygonsArea(t.polygons)));

  const riverIndex = new SegmentIndex(rivers.map((r) => r.line));
  const valleyIndex = new SegmentIndex([...rivers.map((r) => r.line), ...roads.map((r) => r.line)]);
  const placed: Pt[] = [];
  const usedNames = new Set<string>();
  const villages: DemoVillage[] = [];
  townships.forEach((t, k) => {
    const want = counts[k] as number;
    const all = t.polygons.flatMap((rings) => rings[0] ?? []);
    const [minX, minY, maxX, maxY] = bbox(all);
    let spacing = 1.2;
    let misses = 0;
    const mine: Pt[] = [];
    while (mine.length < want) {
      const p: Pt = [uniform(rng, minX, maxX), uniform(rng, minY, maxY)];
      const ok =
        pointInPolygons(p, t.polygons) &&
        distToPolygonsBoundary(p, t.polygons) >= VILLAGE_BORDER_MARGIN_KM &&
        dist(p, t.seat) >= 0.6 &&
        placed.every((q) => dist(p, q) >= spacing) &&
        riverIndex.nearest(p, 0.15) >= 0.15 &&
        reservoirs.every((w) => !pointInRing(p, w.ring) && distToRing(p, w.ring) >= 0.2) &&
        // People settle in the valleys, along rivers and roads: farther out, fewer villages.
        rng() < 0.3 + 0.7 * Math.exp(-valleyIndex.nearest(p, 8) / 2);
      if (ok) {
        mine.push(p);
        placed.push(p);
        misses = 0;
      } else if (++misses > 300) {
        spacing *= 0.9;
        misses = 0;
      }
    }
    mine.sort((a, b) => dist(a, t.seat) - dist(b, t.seat));
    mine.forEach((position, n) => {
      let name = villageName(rng);
      while (usedNames.has(name)) name = villageName(rng);
      usedNames.add(name);
      const households = Math.round(Math.min(HOUSEHOLDS_MAX, Math.max(HOUSEHOLDS_MIN, Math.exp(Math.log(360) + 0.38 * normal(rng)))));
      const perHousehold = uniform(rng, PEOPLE_PER_HOUSEHOLD_MIN, PEOPLE_PER_HOUSEHOLD_MAX);
      const population = Math.min(
        Math.floor(households * PEOPLE_PER_HOUSEHOLD_MAX),
        Math.max(Math.ceil(households * PEOPLE_PER_HOUSEHOLD_MIN), Math.round(households * perHousehold)),
      );
      villages.push({ code: `${t.code.slice(0, 9)}${201 + n}`, name, townshipCode: t.code, position, households, population });
    });
  });
  return villages;
}
