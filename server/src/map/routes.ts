/**
 * The map routes: the wall's MapLibre style and the offline basemap layers it points at.
 *
 * Public (no token): they carry no secrets, and MapLibre fetches them without our auth header.
 * The basemap is built once at registration from the demo seed, so it is deterministic and every
 * layer file is a fixed string with a fixed ETag; only `villages` follows the region on record.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody, RegionDefined } from '@watchfloor/shared';
import { DEMO_SEED } from '../demo/world.js';
import { BASEMAP_LAYERS, buildBasemap, isBasemapLayer, villagesCollection, type BasemapLayer } from './basemap.js';
import { buildStyle, type BasemapTiles } from './style.js';

export interface MapRoutesOptions {
  /** The region on record, or null before one is defined; its villages replace the demo's. */
  region: () => RegionDefined | null;
  /** An optional internal raster tile server, listed in the style but hidden by default. */
  basemap?: BasemapTiles;
  /** The demo world drawn as the basemap; the default is the demo's seed. */
  seed?: number;
}

interface LayerFile {
  body: string;
  etag: string;
}

/** Static layers may be cached for an hour, then revalidated by ETag. */
const STATIC_CACHE_CONTROL = 'public, max-age=3600';
/** The villages and the style depend on the region and the host: always revalidate. */
const DYNAMIC_CACHE_CONTROL = 'no-cache';
const GEOJSON = 'application/geo+json; charset=utf-8';
/** What a Host header may hold before we build URLs from it (name or IP literal, optional port). */
const HOST_PATTERN = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

function file(value: unknown): LayerFile {
  const body = JSON.stringify(value);
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"` };
}

function sendFile(request: FastifyRequest, reply: FastifyReply, f: LayerFile, type: string, cacheControl: string) {
  reply.header('cache-control', cacheControl).header('etag', f.etag).type(type);
  if (request.headers['if-none-match'] === f.etag) return reply.code(304).send();
  return reply.send(f.body);
}

export async function mapRoutes(app: FastifyInstance, opts: MapRoutesOptions): Promise<void> {
  const basemap = buildBasemap(opts.seed ?? DEMO_SEED);
  const files = new Map<BasemapLayer, LayerFile>(BASEMAP_LAYERS.map((layer) => [layer, file(basemap[layer])]));
  // The region changes rarely: keep the last villages file while the region object is the same.
  let lastVillages: { region: RegionDefined; file: LayerFile } | null = null;
  const villagesFile = (): LayerFile => {
    const region = opts.region();
    if (!region) return files.get('villages') as LayerFile;
    if (lastVillages?.region !== region) lastVillages = { region, file: file(villagesCollection(region)) };
    return lastVillages.file;
  };

  app.get(
    '/api/map/style.json',
    { schema: { tags: ['map'], summary: 'MapLibre style of the wall map (dark theme, offline sources on this server)' } },
    async (request, reply) => {
      if (!HOST_PATTERN.test(request.host)) {
        return reply.code(400).send({ code: 'invalid', message: 'the Host header is not a host name', field: 'host' } satisfies ErrorBody);
      }
      const style = buildStyle(`${request.protocol}://${request.host}`, basemap, opts.basemap);
      return sendFile(request, reply, file(style), 'application/json; charset=utf-8', DYNAMIC_CACHE_CONTROL);
    },
  );

  app.get<{ Params: { layer: string } }>(
    '/api/map/basemap/:layer.geojson',
    { schema: { tags: ['map'], summary: `Offline basemap layer as GeoJSON: ${BASEMAP_LAYERS.join(', ')}` } },
    async (request, reply) => {
      const { layer } = request.params;
      if (!isBasemapLayer(layer)) {
        const body: ErrorBody = { code: 'not_found', message: `no basemap layer "${layer}"; there are ${BASEMAP_LAYERS.join(', ')}` };
        return reply.code(404).send(body);
      }
      if (layer === 'villages') return sendFile(request, reply, villagesFile(), GEOJSON, DYNAMIC_CACHE_CONTROL);
      return sendFile(request, reply, files.get(layer) as LayerFile, GEOJSON, STATIC_CACHE_CONTROL);
    },
  );
}
