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
 * Order of construction (each step only reads what the earlier ones made), one file per step
 * in `world/`:
 * county outline (`county.ts`) → main river (`main-river.ts`) → township seats (`seats.ts`) →
 * township polygons (`township-cells.ts`: Voronoi cells of the seats with ragged borders, clipped
 * to the county) → names and codes (`township-names.ts`) → tributaries and reservoirs
 * (`tributary-plan.ts`, `tributaries.ts`) → roads (`roads.ts`) → villages (`villages.ts`).
 * All of it in kilometres on a local plane (`planar.ts`). This module is the only entry point.
 */
import { DEMO_COUNTY } from './names.js';
import type { Pt } from './planar.js';
import { rngFor } from './prng.js';
import { countyOutline, labelPoint } from './world/county.js';
import { mainRiverLine } from './world/main-river.js';
import { buildRoads } from './world/roads.js';
import { placeSeats } from './world/seats.js';
import { townshipCells } from './world/township-cells.js';
import { nameTownships } from './world/township-names.js';
import { buildTributaries } from './world/tributaries.js';
import { planTributaries } from './world/tributary-plan.js';
import type { DemoWorld } from './world/types.js';
import { placeVillages } from './world/villages.js';

export { COUNTY_AREA_KM2 } from './world/county.js';
export { TOWNSHIP_COUNT } from './world/seats.js';
export type { DemoReservoir, DemoRiver, DemoRoad, DemoTownship, DemoVillage, DemoWorld } from './world/types.js';
export {
  HOUSEHOLDS_MAX,
  HOUSEHOLDS_MIN,
  PEOPLE_PER_HOUSEHOLD_MAX,
  PEOPLE_PER_HOUSEHOLD_MIN,
  VILLAGES_MAX,
  VILLAGES_MIN,
} from './world/villages.js';

/** The seed of the demo everyone sees. */
export const DEMO_SEED = 1;

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

/**
 * Builds the demo world afresh (no cache): a pure function of the seed. Each step draws from its
 * own labelled stream (`rngFor(seed, label)`), so a label or the order of draws within a step is
 * part of the output.
 */
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
