/** Township names, kinds and statistical codes. */
import { COUNTY_SEAT_TOWNSHIP, DEMO_COUNTY, RESERVOIR_TOWNSHIP, TOWN_POOL, XIANG_POOL } from '../names.js';
import { dist, type PolygonKm, type Pt } from '../planar.js';
import { shuffled, type Rng } from '../prng.js';
import type { DemoTownship } from './types.js';

/**
 * Names, kinds and codes. Seat 0 is 城关镇 (code …100), the first tributary's seat is 龙潭乡; the
 * other names are drawn from the pools. Codes follow the statistical convention: towns 1xx,
 * rural townships 2xx, each numbered outwards from the county seat.
 */
export function nameTownships(rng: Rng, seats: readonly Pt[], cells: PolygonKm[][], reservoirSeat: number): DemoTownship[] {
  const towns = shuffled(rng, TOWN_POOL).slice(0, 8);
  const xiang = shuffled(rng, XIANG_POOL).slice(0, 5);
  const others = shuffled(rng, [...towns, ...xiang]);
  const names = seats.map((_, k) => (k === 0 ? COUNTY_SEAT_TOWNSHIP : k === reservoirSeat ? RESERVOIR_TOWNSHIP : (others.pop() as string)));
  const order = seats.map((p, k) => ({ k, d: dist(p, seats[0] as Pt) })).sort((a, b) => a.d - b.d);
  const next = { 镇: 100, 乡: 200 };
  const townships: DemoTownship[] = [];
  for (const { k } of order) {
    const name = names[k] as string;
    const kind = name.endsWith('乡') ? '乡' : '镇';
    const code = `${DEMO_COUNTY.code}${next[kind]++}000`;
    townships[k] = { code, name, kind, seat: seats[k] as Pt, polygons: cells[k] as PolygonKm[] };
  }
  return townships;
}
