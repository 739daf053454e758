/**
 * The administrative region of the fictional demo county 示范县 (code 429901): 15 townships and
 * about 300 villages, with households and population, at the scale of a real mountain county.
 *
 * It is the region part of the demo world (`world.ts`), which the basemap draws from too, so
 * every village shown on the map lies inside its township. Deterministic: a pure function of the
 * seed (a seeded PRNG, never an unseeded random source), so the same seed gives byte-identical JSON and a
 * restarted demo defines exactly the same county.
 */
import type { RegionDefined } from '@watchfloor/shared';
import { toLonLat } from './planar.js';
import { DEMO_SEED, demoWorld, type DemoWorld } from './world.js';

/**
 * The demo county as a `region:define` payload. Townships and villages are sorted by code.
 * Codes follow 统计用区划代码: county 429901, towns 429901 1xx 000, rural townships 2xx,
 * villages township-prefix + 201, 202, … (村委会 numbers).
 */
export function buildDemoRegion(seed = DEMO_SEED): RegionDefined {
  return regionOf(demoWorld(seed));
}

/** The region part of a demo world, as fresh objects (the world itself stays untouched). */
export function regionOf(world: DemoWorld): RegionDefined {
  const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return {
    county: { code: world.county.code, name: world.county.name, center: toLonLat(world.county.seat) },
    townships: world.townships.map((t) => ({ code: t.code, name: t.name, center: toLonLat(t.seat) })).sort(byCode),
    villages: world.villages
      .map((v) => ({
        code: v.code,
        name: v.name,
        townshipCode: v.townshipCode,
        center: toLonLat(v.position),
        households: v.households,
        population: v.population,
      }))
      .sort(byCode),
  };
}
