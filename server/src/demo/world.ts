/**
 * The demo world: the geography of the fictional county 示范县, generated from a seed.
 *
 * One generator feeds both the administrative region (`region.ts`) and the offline basemap
 * (`../map/basemap.ts`), so the map and the data always agree: every village lies inside its
 * township's polygon, townships tile the county, the county seat sits on the main river and the
 * 龙潭水库 reservoir sits on 龙潭河 above 龙潭乡. The build is a pure function of the seed: every
 * random draw comes from a seeded stream (`prng.ts`) and every fallback is a fixed sequence of
 * retries, so the same seed yields the same world, to the last digit.
 *
 * Order of construction (each step only reads what the earlier ones made):
 * county outline → main river → township seats → township polygons (Voronoi cells of the seats
 * with ragged borders, clipped to the county) → names and codes → tributaries and reservoirs →
 * roads → villages. All of it in kilometres on a local plane (`planar.ts`).
 */
import {
  COUNTY_SEAT_TOWNSHIP,
  DEMO_COUNTY,
  MAIN_RIVER,
  RESERVOIR_TOWNSHIP,
  TOWN_POOL,
  XIANG_POOL,
  stem,
  villageName,
} from './names.js';
import {
  chaikin,
  dist,
  distToLine,
  distToPolygonsBoundary,
  distToRing,
  isSimpleLine,
  isSimpleRing,
  lineLength,
  pointInPolygons,
  pointInRing,
  polygonsArea,
  resample,
  SegmentIndex,
  signedArea,
  sliceLine,
  wiggle,
  type PolygonKm,
  type Pt,
  type Ring,
} from './planar.js';
import polygonClipping from 'polygon-clipping';

/** A ring as polygon-clipping wants it: closed (first point repeated at the end). */
const closed = (ring: Ring): Array<[number, number]> => [...ring, ring[0]!].map(([x, y]) => [x, y]);
import { intBetween, normal, rngFor, shuffled, uniform, type Rng } from './prng.js';

/** The seed of the demo everyone sees. */
export const DEMO_SEED = 1;

/** The county's area, km² (a real mountain county of 15 townships has about 1,494 km²). */
export const COUNTY_AREA_KM2 = 1500;
export const TOWNSHIP_COUNT = 15;
/** The demo county has between these many villages (行政村), both included. */
export const VILLAGES_MIN = 290;
export const VILLAGES_MAX = 310;
/** Households per village and people per household, as in the rural counties of domain.md. */
export const HOUSEHOLDS_MIN = 150;
export const HOUSEHOLDS_MAX = 800;
export const PEOPLE_PER_HOUSEHOLD_MIN = 2.6;
export const PEOPLE_PER_HOUSEHOLD_MAX = 3.3;

/** Township seats keep this far from the county border, km. */
const SEAT_BORDER_MARGIN_KM = 3;
/** Villages keep this far from township borders, km: far beyond any rounding of coordinates. */
const VILLAGE_BORDER_MARGIN_KM = 0.35;
/** How far rivers and the provincial road run on beyond the county border, km. */
const OUTSIDE_REACH_KM = 3;

export interface DemoTownship {
  code: string;
  name: string;
  kind: '镇' | '乡';
  /** The township government's seat (the label point and the Voronoi site). */
  seat: Pt;
  /** Usually one polygon; a second one when a ragged border cuts off a sliver. */
  polygons: PolygonKm[];
}

export interface DemoVillage {
  code: string;
  name: string;
  townshipCode: string;
  position: Pt;
  households: number;
  population: number;
}

export interface DemoRiver {
  name: string;
  /** 1 for the main river, 2 for a tributary. */
  rank: 1 | 2;
  /** Upstream first. */
  line: Pt[];
}

export interface DemoReservoir {
  name: string;
  river: string;
  ring: Ring;
}

export interface DemoRoad {
  /** Route number: S… for the provincial road, X… for county roads (县道). */
  ref: string;
  name: string;
  class: 'provincial' | 'county';
  line: Pt[];
}

export interface DemoWorld {
  seed: number;
  county: { code: string; name: string; ring: Ring; seat: Pt; labelPoint: Pt };
  townships: DemoTownship[];
  villages: DemoVillage[];
  rivers: DemoRiver[];
  reservoirs: DemoReservoir[];
  roads: DemoRoad[];
}

const cache = new Map<number, DemoWorld>();

/**
 * The demo world for a seed, built once per seed and kept (about 0.1 s to build). Callers must
 * treat it as read-only: `buildDemoRegion` and the basemap copy what they hand out.
 */
export function demoWorld(seed = DEMO_SEED): DemoWorld {
  let world = cache.get(seed);
  if (!world) {
    world = buildDemoWorld(seed);
    cache.set(seed, world);
  }
  return world;
}

/** Builds the demo world afresh (no cache): a pure function of the seed. */
export function buildDemoWorld(seed = DEMO_SEED): DemoWorld {
  const ring = countyOutline(rngFor(seed, 'county'));
  const mainRiver = mainRiverLine(rngFor(seed, 'main-river'), ring);
  const seats = placeSeats(rngFor(seed, 'seats'), ring, mainRiver);
  const cells = townshipCells(seed, seats, ring);
  const tributaries = planTributaries(seats, mainRiver, ring);
  const townships = nameTownships(rngFor(seed, 'township-names'), seats, cells, tributaries[0].seat);
  const { rivers, reservoirs } = buildTributaries(seed, mainRiver, ring, seats, tributaries, townships);
  const roads = buildRoads(seed, seats, townships, mainRiver);
  const villages = placeVillages(rngFor(seed, 'villages'), townships, rivers, reservoirs, roads);
  return {
    seed,
    county: { ...DEMO_COUNTY, ring, seat: seats[0] as Pt, labelPoint: labelPoint(ring, seats) },
    townships,
    villages,
    rivers,
    reservoirs,
    roads,
  };
}

// ---------------------------------------------------------------------------------------------
// County outline

/**
 * An irregular, roughly oval outline: a few low harmonics give the overall lobes, midpoint
 * displacement gives the jagged ridge-line detail, and the result is scaled to the target area.
 */
function countyOutline(rng: Rng): Ring {
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
function labelPoint(ring: Ring, seats: readonly Pt[]): Pt {
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

function bbox(points: readonly Pt[]): [number, number, number, number] {
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

// ---------------------------------------------------------------------------------------------
// Main river

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
function mainRiverLine(rng: Rng, ring: Ring): Pt[] {
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

/** The index of the line's vertex closest to p. */
function nearestIndex(line: readonly Pt[], p: Pt): number {
  let best = 0;
  line.forEach((q, i) => {
    if (dist(q, p) < dist(line[best] as Pt, p)) best = i;
  });
  return best;
}

/** Unit normal (to the left of the direction of flow) at vertex i. */
function normalAt(line: readonly Pt[], i: number): Pt {
  const a = line[Math.max(0, i - 1)] as Pt;
  const b = line[Math.min(line.length - 1, i + 1)] as Pt;
  const d = dist(a, b) || 1;
  return [-(b[1] - a[1]) / d, (b[0] - a[0]) / d];
}

/** A point beside the line at vertex i, `offset` km to the left (negative: right). */
function beside(line: readonly Pt[], i: number, offset: number): Pt {
  const p = line[i] as Pt;
  const n = normalAt(line, i);
  return [p[0] + n[0] * offset, p[1] + n[1] * offset];
}

/** Arc length of vertex i. */
function arcAt(line: readonly Pt[], i: number): number {
  return lineLength(line.slice(0, i + 1));
}

// ---------------------------------------------------------------------------------------------
// Township seats and polygons

/**
 * Fifteen seats: the county seat on the main river near the middle, the others scattered with a
 * minimum spacing (relaxed step by step if the outline is tight); seats that fall near the main
 * river move onto its bank, as valley towns do.
 */
function placeSeats(rng: Rng, ring: Ring, river: readonly Pt[]): Pt[] {
  const middle = nearestIndex(river, [0, 0]);
  const seats: Pt[] = [beside(river, middle, 0.35)];
  const [minX, minY, maxX, maxY] = bbox(ring);
  let spacing = 9;
  let misses = 0;
  while (seats.length < TOWNSHIP_COUNT) {
    const p: Pt = [uniform(rng, minX, maxX), uniform(rng, minY, maxY)];
    const ok = pointInRing(p, ring) && distToRing(p, ring) >= SEAT_BORDER_MARGIN_KM && seats.every((q) => dist(p, q) >= spacing);
    if (ok) {
      seats.push(p);
      misses = 0;
    } else if (++misses > 400) {
      spacing *= 0.95;
      misses = 0;
    }
  }
  for (let k = 1; k < seats.length; k++) {
    const p = seats[k] as Pt;
    const i = nearestIndex(river, p);
    const d = dist(river[i] as Pt, p);
    if (d < 2.5) {
      const n = normalAt(river, i);
      const side = (p[0] - (river[i] as Pt)[0]) * n[0] + (p[1] - (river[i] as Pt)[1]) * n[1] >= 0 ? 1 : -1;
      const moved = beside(river, i, 0.35 * side);
      if (seats.every((q, j) => j === k || dist(moved, q) >= 6) && distToRing(moved, ring) >= SEAT_BORDER_MARGIN_KM) seats[k] = moved;
    }
  }
  return seats;
}

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
function townshipCells(seed: number, seats: readonly Pt[], county: Ring): PolygonKm[][] {
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

interface TributaryPlan {
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
function planTributaries(seats: readonly Pt[], river: readonly Pt[], ring: Ring): [TributaryPlan, TributaryPlan] {
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

/**
 * Names, kinds and codes. Seat 0 is 城关镇 (code …100), the first tributary's seat is 龙潭乡; the
 * other names are drawn from the pools. Codes follow the statistical convention: towns 1xx,
 * rural townships 2xx, each numbered outwards from the county seat.
 */
function nameTownships(rng: Rng, seats: readonly Pt[], cells: PolygonKm[][], reservoirSeat: number): DemoTownship[] {
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

// ---------------------------------------------------------------------------------------------
// Tributaries and reservoirs

function buildTributaries(
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

// ---------------------------------------------------------------------------------------------
// Roads

/**
 * The provincial road runs up the main valley through the riverside seats; county roads (县道)
 * join every other seat by a minimum spanning tree, plus a few shortcuts where the network would
 * otherwise force a long detour.
 */
function buildRoads(seed: number, seats: readonly Pt[], townships: readonly DemoTownship[], river: readonly Pt[]): DemoRoad[] {
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

// ---------------------------------------------------------------------------------------------
// Villages

/**
 * About 300 villages, shared among townships by area. Each lies inside its township with a
 * margin from the border, off the rivers and out of the reservoirs, apart from the others, and
 * more likely near a river or a road.
 */
function placeVillages(
  rng: Rng,
  townships: readonly DemoTownship[],
  rivers: readonly DemoRiver[],
  reservoirs: readonly DemoReservoir[],
  roads: readonly DemoRoad[],
): DemoVillage[] {
  const total = intBetween(rng, VILLAGES_MIN, VILLAGES_MAX);
  const areas = townships.map((t) => polygonsArea(t.polygons));
  const sum = areas.reduce((a, b) => a + b, 0);
  // Shares by area, never fewer than 10; the largest townships absorb the rounding.
  const counts = areas.map((a) => Math.max(10, Math.round((total * a) / sum)));
  const bySize = areas.map((a, k) => ({ a, k })).sort((x, y) => y.a - x.a || x.k - y.k);
  let diff = total - counts.reduce((a, b) => a + b, 0);
  for (let n = 0; diff !== 0; n++) {
    const k = (bySize[n % bySize.length] as { k: number }).k;
    if (diff > 0) {
      counts[k] = (counts[k] as number) + 1;
      diff--;
    } else if ((counts[k] as number) > 10) {
      counts[k] = (counts[k] as number) - 1;
      diff++;
    }
  }

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
