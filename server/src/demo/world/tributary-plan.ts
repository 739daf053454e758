/** Which two township seats get a tributary, and which way each valley runs. */
import { distToLine, distToRing, pointInRing, type Pt, type Ring } from '../planar.js';
import { nearestIndex, normalAt } from './geometry.js';

export interface TributaryPlan {
  seat: number;
  /** Direction from the seat towards the source, radians. */
  heading: number;
  /** Distance from the seat to the source, km. */
  reach: number;
}

/** How far (km, ≤ 9) one can go from p along `heading` and stay 1 km inside the county. */
function roomAlong(p: Pt, heading: number, ring: Ring): number {
  let reach = 0;
  for (let d = 0.5; d <= 9; d += 0.5) {
    const q: Pt = [p[0] + Math.cos(heading) * d, p[1] + Math.sin(heading) * d];
    if (!pointInRing(q, ring) || distToRing(q, ring) < 1) break;
    reach = d;
  }
  return reach;
}

/**
 * Two seats that get a tributary, each with the direction its valley comes from: seats away from
 * the main river with the most room upstream (a reservoir needs about 5 km), preferably one on
 * each side of the main river.
 */
export function planTributaries(seats: readonly Pt[], river: readonly Pt[], ring: Ring): [TributaryPlan, TributaryPlan] {
  const sideOf = (p: Pt) => {
    const i = nearestIndex(river, p);
    const n = normalAt(river, i);
    return (p[0] - (river[i] as Pt)[0]) * n[0] + (p[1] - (river[i] as Pt)[1]) * n[1] >= 0 ? 1 : -1;
  };
  const plans = seats
    .map((p, seat) => {
      const foot = river[nearestIndex(river, p)] as Pt;
      const away = Math.atan2(p[1] - foot[1], p[0] - foot[0]);
      let best = { seat, heading: away, reach: 0, offRiver: distToLine(p, river) };
      for (let turn = -0.6; turn <= 0.6 + 1e-9; turn += 0.2) {
        const reach = roomAlong(p, away + turn, ring);
        if (reach > best.reach) best = { ...best, heading: away + turn, reach };
      }
      return best;
    })
    .filter((c) => c.seat !== 0 && c.offRiver >= 4)
    .sort((a, b) => Math.min(b.reach, 6) - Math.min(a.reach, 6) || b.offRiver - a.offRiver || a.seat - b.seat);
  const fallback = (seat: number): TributaryPlan => ({ seat, heading: 0, reach: 0 });
  const first = plans[0] ?? fallback(1);
  const second =
    plans.find((c) => c.seat !== first.seat && sideOf(seats[c.seat] as Pt) !== sideOf(seats[first.seat] as Pt) && c.reach >= 3) ??
    plans.find((c) => c.seat !== first.seat) ??
    fallback(first.seat === 1 ? 2 : 1);
  return [first, second];
}
