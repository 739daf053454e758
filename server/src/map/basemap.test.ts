import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { buildDemoRegion, regionOf } from '../demo/region.js';
import { buildDemoWorld } from '../demo/world.js';
import { basemapOf, BASEMAP_LAYERS, buildBasemap, villagesCollection, type Position } from './basemap.js';

const basemap = buildBasemap();
const region = buildDemoRegion();
const county = basemap.county.features[0]!.geometry;
const townshipByCode = new Map(basemap.townships.features.map((f) => [f.properties.code, f.geometry]));

function allPositions(value: unknown, out: Position[] = []): Position[] {
  if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'number') out.push(value as Position);
  else if (Array.isArray(value)) for (const v of value) allPositions(v, out);
  return out;
}

describe('the demo basemap', () => {
  it('builds fast and byte-identically from the seed', () => {
    const start = performance.now();
    const fresh = basemapOf(buildDemoWorld(1));
    const elapsedMs = performance.now() - start;
    // About 0.1 s in production on one core; a generous bound so a loaded CI does not flake.
    expect(elapsedMs).toBeLessThan(1000);
    for (const layer of BASEMAP_LAYERS) expect(JSON.stringify(fresh[layer])).toBe(JSON.stringify(basemap[layer]));
    expect(JSON.stringify(basemapOf(buildDemoWorld(2)).townships)).not.toBe(JSON.stringify(basemap.townships));
  });

  it('is a county of about 1,500 km² in the fictional box', () => {
    const km2 = area(county) / 1e6;
    expect(km2).toBeGreaterThan(1450);
    expect(km2).toBeLessThan(1550);
    const [west, south, east, north] = basemap.bounds;
    expect(west).toBeGreaterThan(110.25);
    expect(east).toBeLessThan(110.85);
    expect(south).toBeGreaterThan(30.15);
    expect(north).toBeLessThan(30.65);
  });

  it('puts every village inside its township polygon and inside the county', () => {
    expect(region.villages.length).toBeGreaterThanOrEqual(280);
    for (const v of region.villages) {
      const township = townshipByCode.get(v.townshipCode);
      expect(township, v.townshipCode).toBeDefined();
      expect(booleanPointInPolygon(v.center, township!), `${v.name} in ${v.townshipCode}`).toBe(true);
      expect(booleanPointInPolygon(v.center, county), `${v.name} in the county`).toBe(true);
      // And in no other township.
      for (const [code, other] of townshipByCode) {
        if (code !== v.townshipCode) expect(booleanPointInPolygon(v.center, other)).toBe(false);
      }
    }
  });

  it('has township seats inside their own township', () => {
    for (const t of region.townships) expect(booleanPointInPolygon(t.center, townshipByCode.get(t.code)!)).toBe(true);
  });

  it('tiles the county with the 15 townships: no gaps, no overlaps', () => {
    expect(basemap.townships.features).toHaveLength(15);
    const sum = basemap.townships.features.reduce((s, f) => s + area(f.geometry), 0);
    expect(Math.abs(sum - area(county)) / area(county)).toBeLessThan(0.001);
    // Every point of a 1 km grid inside the county lies in exactly one township.
    const [west, south, east, north] = basemap.bounds;
    let probed = 0;
    for (let lon = west; lon <= east; lon += 0.0104) {
      for (let lat = south; lat <= north; lat += 0.009) {
        if (!booleanPointInPolygon([lon, lat], county)) continue;
        const holders = [...townshipByCode.values()].filter((g) => booleanPointInPolygon([lon, lat], g));
        expect(holders.length, `${lon},${lat}`).toBe(1);
        probed++;
      }
    }
    expect(probed).toBeGreaterThan(1000);
  });

  it('keeps villages in their townships and townships tiling the county for other seeds too', () => {
    for (const seed of [2, 3, 4]) {
      const world = buildDemoWorld(seed);
      const map = basemapOf(world);
      const outline = map.county.features[0]!.geometry;
      const polygons = new Map(map.townships.features.map((f) => [f.properties.code, f.geometry]));
      const sum = map.townships.features.reduce((s, f) => s + area(f.geometry), 0);
      expect(Math.abs(sum - area(outline)) / area(outline), `seed ${seed}`).toBeLessThan(0.001);
      for (const v of regionOf(world).villages) {
        expect(booleanPointInPolygon(v.center, polygons.get(v.townshipCode)!), `seed ${seed} ${v.name}`).toBe(true);
        expect(booleanPointInPolygon(v.center, outline)).toBe(true);
      }
      expect(map.water.features.map((w) => w.properties.name)).toContain('龙潭水库');
    }
  });

  it('has named rivers, the 龙潭水库 reservoir and roads joining every township seat', () => {
    const rivers = basemap.rivers.features;
    expect(rivers.length).toBeGreaterThanOrEqual(2);
    expect(rivers.length).toBeLessThanOrEqual(3);
    expect(rivers[0]?.properties).toEqual({ name: '清江', rank: 1 });
    expect(rivers.map((r) => r.properties.name)).toContain('龙潭河');
    for (const r of rivers) expect(r.geometry.coordinates.length).toBeGreaterThan(20);
    expect(basemap.water.features.map((w) => w.properties.name)).toContain('龙潭水库');
    for (const w of basemap.water.features) {
      const ring = (w.geometry.type === 'Polygon' ? w.geometry.coordinates[0] : [])!;
      expect(ring[0]).toEqual(ring.at(-1));
      expect(area(w.geometry) / 1e6).toBeGreaterThan(0.2);
    }

    // The road network is connected and reaches every seat (roads meet at seats).
    const roads = basemap.roads.features;
    expect(roads.some((r) => r.properties.class === 'provincial')).toBe(true);
    const key = (p: Position) => `${p[0]},${p[1]}`;
    const seats = new Set(region.townships.map((t) => key(t.center)));
    const parent = new Map<string, string>();
    const find = (k: string): string => {
      const p = parent.get(k) ?? k;
      return p === k ? k : find(p);
    };
    for (const r of roads) {
      const stops = r.geometry.coordinates.map(key).filter((k) => seats.has(k));
      for (let i = 1; i < stops.length; i++) parent.set(find(stops[i]!), find(stops[0]!));
    }
    expect(new Set([...seats].map(find)).size).toBe(1);
    for (const seat of seats) expect(roads.some((r) => r.geometry.coordinates.some((p) => key(p) === seat))).toBe(true);
  });

  it('labels the county and every township, the county seat apart', () => {
    const labels = basemap.labels.features.map((f) => f.properties);
    expect(labels.filter((l) => l.kind === 'county')).toEqual([{ name: '示范县', code: '429901', kind: 'county' }]);
    expect(labels.filter((l) => l.kind === 'county-seat').map((l) => l.name)).toEqual(['城关镇']);
    expect(labels.filter((l) => l.kind !== 'county')).toHaveLength(15);
    expect(booleanPointInPolygon(basemap.labels.features[0]!.geometry.coordinates, county)).toBe(true);
  });

  it('uses WGS-84 coordinates rounded to 6 decimals, closed counter-clockwise rings', () => {
    for (const layer of BASEMAP_LAYERS) {
      const positions = allPositions(basemap[layer].features.map((f) => f.geometry.coordinates));
      expect(positions.length).toBeGreaterThan(0);
      for (const [lon, lat] of positions) {
        expect(Math.round(lon * 1e6) / 1e6).toBe(lon);
        expect(Math.round(lat * 1e6) / 1e6).toBe(lat);
      }
    }
    const polygons = [county, ...basemap.townships.features.map((f) => f.geometry)].flatMap((g) =>
      g.type === 'Polygon' ? [g.coordinates] : g.coordinates,
    );
    for (const [outer] of polygons) {
      expect(outer![0]).toEqual(outer!.at(-1));
      let twice = 0;
      for (let i = 1; i < outer!.length; i++) twice += outer![i - 1]![0] * outer![i]![1] - outer![i]![0] * outer![i - 1]![1];
      expect(twice).toBeGreaterThan(0);
    }
  });

  it('serves the region villages as points with their figures', () => {
    expect(basemap.villages).toEqual(villagesCollection(region));
    const first = basemap.villages.features[0]!;
    expect(first.geometry).toEqual({ type: 'Point', coordinates: region.villages[0]!.center });
    expect(first.properties).toMatchObject({ code: region.villages[0]!.code, households: region.villages[0]!.households });
  });
});
