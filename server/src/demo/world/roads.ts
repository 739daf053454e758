/** The road network: the provincial road up the main valley and the county roads (县道). */
import { MAIN_RIVER, stem } from '../names.js';
import { chaikin, dist, distToLine, wiggle, type Pt } from '../planar.js';
import { intBetween, rngFor } from '../prng.js';
import { beside, nearestIndex } from './geometry.js';
import type { DemoRoad, DemoTownship } from './types.js';

/**
 * The provincial road runs up the main valley through the riverside seats; county roads (县道)
 * join every other seat by a minimum spanning tree, plus a few shortcuts where the network would
 * otherwise force a long detour.
 */
export function buildRoads(seed: number, seats: readonly Pt[], townships: readonly DemoTownship[], river: readonly Pt[]): DemoRoad[] {
  const rng = rngFor(seed, 'roads');
  const roads: DemoRoad[] = [];
  const winding = (a: Pt, b: Pt) => chaikin(wiggle(a, b, rng, 0.09, 0.5), 1);

  const valley = seats
    .map((p, k) => ({ k, i: nearestIndex(river, p), d: distToLine(p, river) }))
    .filter((s) => s.d <= 3)
    .sort((a, b) => a.i - b.i || a.k - b.k);
  const ends: [Pt, Pt] = [beside(river, 0, -0.6), beside(river, river.length - 1, -0.6)];
  const stops = [ends[0], ...valley.map((s) => seats[s.k] as Pt), ends[1]];
  const provincial: Pt[] = [stops[0] as Pt];
  for (let i = 1; i < stops.length; i++) provincial.push(...winding(stops[i - 1] as Pt, stops[i] as Pt).slice(1));
  roads.push({ ref: `S${intBetween(rng, 201, 399)}`, name: `${MAIN_RIVER}公路`, class: 'provincial', line: provincial });

  // Union-find over seats; the provincial road already joins the valley seats.
  const parent = seats.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k] as number)));
  const linked = new Set<string>();
  const edgeKey = (a: number, b: number) => `${Math.min(a, b)}-${Math.max(a, b)}`;
  for (let i = 1; i < valley.length; i++) {
    const a = (valley[i - 1] as { k: number }).k;
    const b = (valley[i] as { k: number }).k;
    parent[find(a)] = find(b);
    linked.add(edgeKey(a, b));
  }
  const pairs: Array<[number, number, number]> = [];
  for (let a = 0; a < seats.length; a++) for (let b = a + 1; b < seats.length; b++) pairs.push([a, b, dist(seats[a] as Pt, seats[b] as Pt)]);
  pairs.sort((x, y) => x[2] - y[2] || x[0] - y[0] || x[1] - y[1]);

  const county: Array<[number, number]> = [];
  for (const [a, b] of pairs) {
    if (find(a) === find(b)) continue;
    parent[find(a)] = find(b);
    county.push([a, b]);
    linked.add(edgeKey(a, b));
  }
  // Shortcuts: Gabriel-graph pairs (no other seat inside the circle on them) where the network
  // detour is over 1.6 times the direct distance. At most four.
  const networkDistance = (from: number, to: number): number => {
    const best = seats.map(() => Infinity);
    best[from] = 0;
    const done = new Set<number>();
    for (;;) {
      let u = -1;
      best.forEach((d, k) => {
        if (!done.has(k) && d < Infinity && (u < 0 || d < (best[u] as number))) u = k;
      });
      if (u < 0 || u === to) return best[to] as number;
      done.add(u);
      for (let v = 0; v < seats.length; v++) {
        if (linked.has(edgeKey(u, v))) best[v] = Math.min(best[v] as number, (best[u] as number) + dist(seats[u] as Pt, seats[v] as Pt));
      }
    }
  };
  let shortcuts = 0;
  for (const [a, b, d] of pairs) {
    if (shortcuts >= 4) break;
    if (linked.has(edgeKey(a, b))) continue;
    const mid: Pt = [((seats[a] as Pt)[0] + (seats[b] as Pt)[0]) / 2, ((seats[a] as Pt)[1] + (seats[b] as Pt)[1]) / 2];
    if (seats.some((p, k) => k !== a && k !== b && dist(p, mid) < d / 2)) continue;
    if (networkDistance(a, b) <= 1.6 * d) continue;
    county.push([a, b]);
    linked.add(edgeKey(a, b));
    shortcuts++;
  }
  county.forEach(([a, b], n) => {
    const first = stem((townships[a] as DemoTownship).name).charAt(0);
    const second = stem((townships[b] as DemoTownship).name).charAt(0);
    roads.push({
      ref: `X${String(n + 1).padStart(3, '0')}`,
      name: `${first}${second}线`,
      class: 'county',
      line: winding(seats[a] as Pt, seats[b] as Pt),
    });
  });
  return roads;
}
