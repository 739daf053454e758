import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { RegionDefined } from '@watchfloor/shared';
import { buildDemoRegion } from '../demo/region.js';
import { BASEMAP_LAYERS } from './basemap.js';
import { mapRoutes, type MapRoutesOptions } from './routes.js';
import type { MapStyle } from './style.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

async function build(opts: Partial<MapRoutesOptions> = {}) {
  const app = Fastify();
  apps.push(app);
  await app.register(mapRoutes, { region: () => null, ...opts });
  await app.ready();
  return app;
}

/** Every string in a JSON value that looks like a URL. */
function urls(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) out.push(value);
  else if (Array.isArray(value)) for (const v of value) urls(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) urls(v, out);
  return out;
}

describe('GET /api/map/style.json', () => {
  it('is a dark MapLibre v8 style whose sources are all on the requesting origin', async () => {
    const app = await build();
    const res = await app.inject({ url: '/api/map/style.json', headers: { host: 'wall.lan:8080' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const style = res.json<MapStyle>();
    expect(style.version).toBe(8);
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    const found = urls(style);
    expect(found.length).toBeGreaterThanOrEqual(7);
    for (const url of found) expect(url.startsWith('http://wall.lan:8080/api/map/')).toBe(true);
    expect(style.layers[0]).toMatchObject({ id: 'background', type: 'background' });
    expect(style.layers.map((l) => l.id)).toEqual(expect.arrayContaining(['county-boundary', 'township-boundary', 'rivers', 'water-fill', 'township-labels', 'county-label']));
    for (const layer of style.layers.filter((l) => l.type === 'symbol')) {
      expect(JSON.stringify(layer.layout?.['text-font'])).toContain('Noto Sans CJK SC');
    }
    for (const layer of style.layers) if (layer.source) expect(style.sources).toHaveProperty(layer.source);
    expect(style.layers.some((l) => l.type === 'raster')).toBe(false);
  });

  it('lists an internal raster basemap under the vector layers, hidden, when configured', async () => {
    const xyz = await build({ basemap: { xyzUrl: '/tiles/{z}/{x}/{y}.png' } });
    const style = (await xyz.inject({ url: '/api/map/style.json', headers: { host: 'wall.lan' } })).json<MapStyle>();
    expect(style.sources['raster-basemap']).toEqual({ type: 'raster', tiles: ['http://wall.lan/tiles/{z}/{x}/{y}.png'], tileSize: 256, maxzoom: 18 });
    expect(style.layers[1]).toMatchObject({ id: 'raster-basemap', type: 'raster', layout: { visibility: 'none' } });

    const pmtiles = await build({ basemap: { pmtilesUrl: 'http://tiles.lan/county.pmtiles' } });
    const style2 = (await pmtiles.inject({ url: '/api/map/style.json' })).json<MapStyle>();
    expect(style2.sources['raster-basemap']).toEqual({ type: 'raster', url: 'pmtiles://http://tiles.lan/county.pmtiles', tileSize: 256 });
  });

  it('refuses a Host header that is not a host name', async () => {
    const app = await build();
    const res = await app.inject({ url: '/api/map/style.json', headers: { host: 'evil"/><x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid' });
  });
});

describe('GET /api/map/basemap/{layer}.geojson', () => {
  it('serves every layer the style points at as GeoJSON, cacheable', async () => {
    const app = await build();
    const style = (await app.inject({ url: '/api/map/style.json', headers: { host: 'localhost' } })).json<MapStyle>();
    for (const source of Object.values(style.sources)) {
      if (source.type !== 'geojson') continue;
      const res = await app.inject({ url: new URL(source.data).pathname });
      expect(res.statusCode, source.data).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
      expect(res.headers['cache-control']).toBeDefined();
      expect(res.headers.etag).toMatch(/^".+"$/);
      const body = res.json<{ type: string; features: unknown[] }>();
      expect(body.type).toBe('FeatureCollection');
      expect(body.features.length).toBeGreaterThan(0);
    }
    for (const layer of ['county', 'townships', 'rivers', 'roads', 'water', 'villages']) expect(BASEMAP_LAYERS).toContain(layer);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const app = await build();
    const first = await app.inject({ url: '/api/map/basemap/townships.geojson' });
    expect(first.headers['cache-control']).toBe('public, max-age=3600');
    const again = await app.inject({ url: '/api/map/basemap/townships.geojson', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('answers 404 not_found for an unknown layer', async () => {
    const app = await build();
    const res = await app.inject({ url: '/api/map/basemap/secrets.geojson' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found', message: expect.stringContaining('secrets') });
  });

  it('serves the villages of the region on record, and follows it when it changes', async () => {
    let region: RegionDefined | null = null;
    const app = await build({ region: () => region });
    const demo = (await app.inject({ url: '/api/map/basemap/villages.geojson' })).json<{ features: unknown[] }>();
    expect(demo.features).toHaveLength(buildDemoRegion().villages.length);

    const full = buildDemoRegion();
    region = { ...full, villages: full.villages.slice(0, 2) };
    const res = await app.inject({ url: '/api/map/basemap/villages.geojson' });
    expect(res.headers['cache-control']).toBe('no-cache');
    const body = res.json<{ features: Array<{ properties: { code: string } }> }>();
    expect(body.features.map((f) => f.properties.code)).toEqual(full.villages.slice(0, 2).map((v) => v.code));
  });
});
