/** The tributaries (one per planned seat) and the reservoirs dammed above their seats. */
import { MAIN_RIVER, stem } from '../names.js';
import { chaikin, isSimpleRing, pointInRing, resample, sliceLine, wiggle, type Pt, type Ring } from '../planar.js';
import { rngFor, uniform, type Rng } from '../prng.js';
import { arcAt, nearestIndex, normalAt } from './geometry.js';
import type { TributaryPlan } from './tributary-plan.js';
import type { DemoReservoir, DemoRiver, DemoTownship } from './types.js';

/** The main river first, then a tributary per plan; a reservoir above each seat where one fits. */
export function buildTributaries(
  seed: number,
  main: Pt[],
  ring: Ring,
  seats: readonly Pt[],
  plans: [TributaryPlan, TributaryPlan],
  townships: readonly DemoTownship[],
): { rivers: DemoRiver[]; reservoirs: DemoReservoir[] } {
  const rivers: DemoRiver[] = [{ name: MAIN_RIVER, rank: 1, line: main }];
  const reservoirs: DemoReservoir[] = [];
  plans.forEach(({ seat: k, heading, reach }, order) => {
    const rng = rngFor(seed, `tributary:${order}`);
    const seat = seats[k] as Pt;
    const township = townships[k] as DemoTownship;
    const name = `${stem(township.name)}河`;
    // Tributaries join downstream of the point nearest the seat, at a vertex of the main river.
    const near = nearestIndex(main, seat);
    let join = near;
    while (join < main.length - 1 && arcAt(main, join) - arcAt(main, near) < 1.5) join++;
    if (!pointInRing(main[join] as Pt, ring)) join = near;
    const confluence = main[join] as Pt;
    const source: Pt = [seat[0] + Math.cos(heading) * reach, seat[1] + Math.sin(heading) * reach];
    // The river passes the seat 300 m to one side: the town stands on its bank.
    const bank: Pt = [seat[0] + Math.cos(heading + Math.PI / 2) * 0.3, seat[1] + Math.sin(heading + Math.PI / 2) * 0.3];
    let line: Pt[] = reach > 0.5 ? wiggle(source, bank, rng, 0.15, 0.4) : [bank];
    line = [...line, ...wiggle(bank, confluence, rng, 0.15, 0.4).slice(1)];
    line = chaikin(line, 2);
    rivers.push({ name, rank: 2, line });

    // A reservoir above the seat: 龙潭水库 (about 4 km long) on the first, a small one on the second.
    const [length, width] = order === 0 ? [4.5, 0.5] : [2, 0.25];
    const atSeat = arcAt(line, nearestIndex(line, bank));
    const dam = atSeat - 1.2;
    const tail = Math.max(0.5, dam - length);
    if (dam - tail < 1) return;
    const water = reservoirRing(sliceLine(line, tail, dam), width, rng);
    if (water) reservoirs.push({ name: `${stem(township.name)}水库`, river: name, ring: water });
  });
  return { rivers, reservoirs };
}

/**
 * A dammed valley: the river stretch widened, broadest at the dam (downstream end) and tapering
 * to the tail. Narrowed until the outline is simple; null if even a thin one tangles.
 */
function reservoirRing(stretch: Pt[], width: number, rng: Rng): Ring | null {
  const axis = resample(chaikin(stretch, 1), 0.2);
  const wobble = axis.map(() => 1 + uniform(rng, -0.2, 0.2));
  for (let w = width; w > 0.05; w *= 0.8) {
    const left: Pt[] = [];
    const right: Pt[] = [];
    axis.forEach((p, i) => {
      const t = i / (axis.length - 1); // 0 at the tail, 1 at the dam
      const half = w * (0.12 + 0.88 * t ** 0.6) * (wobble[i] as number);
      const n = normalAt(axis, i);
      left.push([p[0] + n[0] * half, p[1] + n[1] * half]);
      right.push([p[0] - n[0] * half, p[1] - n[1] * half]);
    });
    const ring = [...left, ...right.reverse()];
    if (isSimpleRing(ring)) return ring;
  }
  return null;
}
