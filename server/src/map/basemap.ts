/**
 * The offline basemap: GeoJSON layers of the demo county 示范县 for a wall that has no internet.
 *
 * Every layer is drawn from the demo world (`../demo/world.ts`), the same generator that defines
 * the demo region, so townships, villages, rivers and roads agree with the data on the wall. It is
 * a pure function of the seed (WGS-84, 6 decimals), built once and kept in memory: the same seed
 * serves byte-identical files on every start, which also makes their ETags stable.
 */
import type { RegionDefined, VillageFeatureProperties } from '@watchfloor/shared';
import { toLonLat, type PolygonKm, type Pt, type Ring } from '../demo/planar.js';
import { regionOf } from '../demo/region.js';
import { DEMO_SEED, demoWorld, type DemoWorld } from '../demo/world.js';

export type Position = [number, number];
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };
export interface Feature<G extends Geometry = Geometry, P = Record<string, string | number>> {
  type: 'Feature';
  id: number;
  geometry: G;
  properties: P;
}
export interface FeatureCollection<G extends Geometry = Geometry, P = Record<string, string | number>> {
  type: 'FeatureCollection';
  features: Array<Feature<G, P>>;
}

/** The layers served at /api/map/basemap/{layer}.geojson. */
export const BASEMAP_LAYERS = ['county', 'townships', 'rivers', 'roads', 'water', 'villages', 'labels'] as const;
export type BasemapLayer = (typeof BASEMAP_LAYERS)[number];

export function isBasemapLayer(name: string): name is BasemapLayer {
  return (BASEMAP_LAYERS as readonly string[]).includes(name);
}

type Polygonal = Extract<Geometry, { type: 'Polygon' | 'MultiPolygon' }>;
type Linear = Extract<Geometry, { type: 'LineString' }>;
type Punctual = Extract<Geometry, { type: 'Point' }>;

export interface Basemap {
  seed: number;
  /** [west, south, east, north] of the county, degrees. */
  bounds: [number, number, number, number];
  /** Where the wall opens: the county seat. */
  center: Position;
  county: FeatureCollection<Polygonal, { code: string; name: string }>;
  townships: FeatureCollection<Polygonal, { code: string; name: string; kind: string }>;
  rivers: FeatureCollection<Linear, { name: string; rank: number }>;
  roads: FeatureCollection<Linear, { ref: string; name: string; class: string }>;
  water: FeatureCollection<Polygonal, { name: string; kind: string; river: string }>;
  villages: FeatureCollection<Punctual, VillageProperties>;
  /** Label points: the county name, the county seat and the township seats. */
  labels: FeatureCollection<Punctual, LabelProperties>;
}

export interface LabelProperties {
  name: string;
  code: string;
  kind: 'county' | 'county-seat' | 'township';
}

export type VillageProperties = VillageFeatureProperties;

/** A closed ring in degrees, counter-clockwise (RFC 7946: exterior rings are). */
function ringLonLat(ring: Ring): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = toLonLat(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const end = out[out.length - 1];
  if (out.length > 1 && first && end && first[0] === end[0] && first[1] === end[1]) out.pop();
  let twice = 0;
  for (let i = 0; i < out.length; i++) {
    const a = out[i] as Position;
    const b = out[(i + 1) % out.length] as Position;
    twice += a[0] * b[1] - b[0] * a[1];
  }
  if (twice < 0) out.reverse();
  out.push([...(out[0] as Position)]);
  return out;
}

function polygonal(polygons: readonly PolygonKm[]): Polygonal {
  const coordinates = polygons.map((rings) => rings.map(ringLonLat));
  return coordinates.length === 1 ? { type: 'Polygon', coordinates: coordinates[0] as Position[][] } : { type: 'MultiPolygon', coordinates };
}

function linear(line: readonly Pt[]): Linear {
  const coordinates: Position[] = [];
  for (const p of line) {
    const q = toLonLat(p);
    const last = coordinates[coordinates.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) coordinates.push(q);
  }
  return { type: 'LineString', coordinates };
}

function collection<G extends Geometry, P>(features: Array<{ geometry: G; properties: P }>): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features: features.map((f, i) => ({ type: 'Feature', id: i + 1, ...f })) };
}

/** Villages as points: from the region on record when there is one, else the demo's own. */
export function villagesCollection(region: Pick<RegionDefined, 'villages'>): FeatureCollection<Punctual, VillageProperties> {
  return collection(
    region.villages.map((v) => ({
      geometry: { type: 'Point' as const, coordinates: [v.center[0], v.center[1]] as Position },
      properties: { code: v.code, name: v.name, townshipCode: v.townshipCode, households: v.households, population: v.population },
    })),
  );
}

const cache = new Map<number, Basemap>();

/** The basemap for a seed: built on first use (about 0.1 s), then kept in memory. Read-only. */
export function buildBasemap(seed = DEMO_SEED): Basemap {
  let basemap = cache.get(seed);
  if (!basemap) {
    basemap = basemapOf(demoWorld(seed));
    cache.set(seed, basemap);
  }
  return basemap;
}

/** The basemap layers of a demo world (pure; no cache). */
export function basemapOf(world: DemoWorld): Basemap {
  const countyRing = ringLonLat(world.county.ring);
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of countyRing) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const townships = [...world.townships].sort(byCode);
  const seatCode = world.townships[0]?.code;
  return {
    seed: world.seed,
    bounds: [west, south, east, north],
    center: toLonLat(world.county.seat),
    county: collection([
      { geometry: { type: 'Polygon' as const, coordinates: [countyRing] }, properties: { code: world.county.code, name: world.county.name } },
    ]),
    townships: collection(townships.map((t) => ({ geometry: polygonal(t.polygons), properties: { code: t.code, name: t.name, kind: t.kind } }))),
    rivers: collection(world.rivers.map((r) => ({ geometry: linear(r.line), properties: { name: r.name, rank: r.rank } }))),
    roads: collection(world.roads.map((r) => ({ geometry: linear(r.line), properties: { ref: r.ref, name: r.name, class: r.class } }))),
    water: collection(
      world.reservoirs.map((w) => ({ geometry: polygonal([[w.ring]]), properties: { name: w.name, kind: 'reservoir', river: w.river } })),
    ),
    villages: villagesCollection(regionOf(world)),
    labels: collection<Punctual, LabelProperties>([
      {
        geometry: { type: 'Point' as const, coordinates: toLonLat(world.county.labelPoint) as Position },
        properties: { name: world.county.name, code: world.county.code, kind: 'county' },
      },
      ...townships.map((t) => ({
        geometry: { type: 'Point' as const, coordinates: toLonLat(t.seat) as Position },
        properties: { name: t.name, code: t.code, kind: t.code === seatCode ? ('county-seat' as const) : ('township' as const) },
      })),
    ]),
  };
}
