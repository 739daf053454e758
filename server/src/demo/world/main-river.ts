/** The main river (清江): a meandering line across the county, past the middle. */
import { chaikin, distToRing, isSimpleLine, pointInRing, wiggle, type Pt, type Ring } from '../planar.js';
import { normal, uniform, type Rng } from '../prng.js';

/** How far rivers and the provincial road run on beyond the county border, km. */
export const OUTSIDE_REACH_KM = 3;

/** The part of a line within `reach` km outside the ring: its longest such run. */
function trimToReach(line: readonly Pt[], ring: Ring, reach: number): Pt[] {
  let best: Pt[] = [];
  let run: Pt[] = [];
  for (const p of line) {
    if (pointInRing(p, ring) || distToRing(p, ring) <= reach) run.push(p);
    else run = [];
    if (run.length > best.length) best = run;
  }
  return [...best];
}

/** A meandering river across the county, from the west-ish border to the east-ish, past the middle. */
export function mainRiverLine(rng: Rng, ring: Ring): Pt[] {
  for (;;) {
    const controls: Pt[] = [];
    let y = uniform(rng, -3, 3);
    for (let x = -42; x <= 42; x += 7) {
      controls.push([x, y]);
      y += normal(rng) * 2.2;
    }
    // Shift so that it passes close to the middle, where the county seat will be.
    const middle = controls.reduce((a, b) => (Math.abs(b[0]) < Math.abs(a[0]) ? b : a));
    const shift = middle[1] - uniform(rng, -1, 1);
    const angle = uniform(rng, -0.55, 0.55);
    const [c, s] = [Math.cos(angle), Math.sin(angle)];
    const rotated = controls.map(([px, py]): Pt => [px * c - (py - shift) * s, px * s + (py - shift) * c]);
    let line: Pt[] = [rotated[0] as Pt];
    for (let i = 1; i < rotated.length; i++) line.push(...wiggle(rotated[i - 1] as Pt, rotated[i] as Pt, rng, 0.2, 0.6).slice(1));
    line = trimToReach(chaikin(line, 2), ring, OUTSIDE_REACH_KM);
    if (line.length > 10 && isSimpleLine(line)) return line;
  }
}
