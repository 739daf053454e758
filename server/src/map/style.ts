/**
 * The MapLibre style (spec v8) of the wall's map: a dark command-centre theme over the offline
 * basemap layers of `basemap.ts`.
 *
 * It has no `glyphs` and no `sprite`: MapLibre then draws text locally (TinySDF) with the fonts
 * named in `text-font`, so an isolated network needs no font server. Every source is a URL on the
 * origin the style was asked from; an operator may add an internal raster tile server (XYZ or
 * PMTiles), which is listed under the vector layers and hidden until the client turns it on.
 * Pure: the same origin and options give the same style.
 */
import type { Basemap, Position } from './basemap.js';

export interface BasemapTiles {
  /** An XYZ template of an internal raster tile server, e.g. `http://tiles.lan/{z}/{x}/{y}.png`. */
  xyzUrl?: string | undefined;
  /** A PMTiles archive of raster tiles; the client must register the `pmtiles://` protocol. */
  pmtilesUrl?: string | undefined;
}

export type SourceSpec =
  | { type: 'geojson'; data: string; attribution?: string }
  | { type: 'raster'; tiles: string[]; tileSize: number; maxzoom: number }
  | { type: 'raster'; url: string; tileSize: number };

export interface LayerSpec {
  id: string;
  type: 'background' | 'raster' | 'fill' | 'line' | 'circle' | 'symbol';
  source?: string;
  minzoom?: number;
  maxzoom?: number;
  filter?: unknown[];
  layout?: Record<string, unknown>;
  paint?: Record<string, unknown>;
}

export interface MapStyle {
  version: 8;
  name: string;
  metadata: Record<string, unknown>;
  center: Position;
  zoom: number;
  sources: Record<string, SourceSpec>;
  layers: LayerSpec[];
}

/** Local fonts, first choice first; the weight is read from the first name ("Regular", "Bold"). */
export const TEXT_FONT = ['Noto Sans CJK SC Regular', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC'];
export const TEXT_FONT_BOLD = ['Noto Sans CJK SC Bold', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC'];

/** Zoom the wall opens at: the whole county (about 50 km) on a large screen. */
const INITIAL_ZOOM = 9.6;

const COLORS = {
  background: '#05080d',
  county: '#0b1420',
  township: '#0f1b2b',
  townshipHighlight: '#1b3350',
  townshipLine: '#2a3b52',
  countyLine: '#5d87b3',
  countyGlow: '#1e4a78',
  water: '#0f3a63',
  river: '#1f6fb8',
  riverLabel: '#5ea3e6',
  roadCounty: '#3f4753',
  roadProvincial: '#6b7380',
  roadLabel: '#8a93a0',
  village: '#7f92a8',
  villageLabel: '#8fa1b5',
  label: '#c8d3e0',
  countyLabel: '#e4ecf5',
  halo: '#05080d',
} as const;

/** `url` resolved against `origin`, unless it already has a scheme. */
function absolute(origin: string, url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `${origin}${url.startsWith('/') ? '' : '/'}${url}`;
}

/**
 * The style for a client that reached us at `origin` (`${protocol}://${host}`): every GeoJSON
 * source points back at this server's /api/map/basemap/… routes.
 */
export function buildStyle(origin: string, basemap: Pick<Basemap, 'center' | 'bounds'>, tiles: BasemapTiles = {}): MapStyle {
  const layerUrl = (layer: string) => `${origin}/api/map/basemap/${layer}.geojson`;
  const geojson = (layer: string): SourceSpec => ({ type: 'geojson', data: layerUrl(layer) });
  const sources: Record<string, SourceSpec> = {
    county: geojson('county'),
    townships: geojson('townships'),
    water: geojson('water'),
    rivers: geojson('rivers'),
    roads: geojson('roads'),
    villages: geojson('villages'),
    labels: geojson('labels'),
  };
  const layers: LayerSpec[] = [{ id: 'background', type: 'background', paint: { 'background-color': COLORS.background } }];

  // An internal raster basemap, if the operator has one: under everything, hidden by default.
  if (tiles.xyzUrl) {
    sources['raster-basemap'] = { type: 'raster', tiles: [absolute(origin, tiles.xyzUrl)], tileSize: 256, maxzoom: 18 };
  } else if (tiles.pmtilesUrl) {
    sources['raster-basemap'] = { type: 'raster', url: `pmtiles://${absolute(origin, tiles.pmtilesUrl)}`, tileSize: 256 };
  }
  if (sources['raster-basemap']) {
    layers.push({ id: 'raster-basemap', type: 'raster', source: 'raster-basemap', layout: { visibility: 'none' }, paint: { 'raster-opacity': 0.55, 'raster-saturation': -0.6, 'raster-brightness-max': 0.6 } });
  }

  layers.push(
    { id: 'county-fill', type: 'fill', source: 'county', paint: { 'fill-color': COLORS.county, 'fill-opacity': 0.92 } },
    {
      id: 'township-fill',
      type: 'fill',
      source: 'townships',
      paint: {
        // Clients highlight a township with feature-state { highlight: true } (features carry ids).
        'fill-color': ['case', ['boolean', ['feature-state', 'highlight'], false], COLORS.townshipHighlight, COLORS.township],
        'fill-opacity': ['case', ['boolean', ['feature-state', 'highlight'], false], 0.85, 0.45],
      },
    },
    { id: 'water-fill', type: 'fill', source: 'water', paint: { 'fill-color': COLORS.water, 'fill-outline-color': COLORS.river } },
    {
      id: 'rivers',
      type: 'line',
      source: 'rivers',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': COLORS.river,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, ['match', ['get', 'rank'], 1, 1.6, 0.8], 12, ['match', ['get', 'rank'], 1, 4, 2], 15, ['match', ['get', 'rank'], 1, 10, 4]],
      },
    },
    {
      id: 'roads-county',
      type: 'line',
      source: 'roads',
      filter: ['==', ['get', 'class'], 'county'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': COLORS.roadCounty, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.6, 12, 1.6, 15, 3.5] },
    },
    {
      id: 'roads-provincial',
      type: 'line',
      source: 'roads',
      filter: ['==', ['get', 'class'], 'provincial'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': COLORS.roadProvincial, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 12, 2.4, 15, 5] },
    },
    {
      id: 'township-boundary',
      type: 'line',
      source: 'townships',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLORS.townshipLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.6, 12, 1.4], 'line-dasharray': [3, 2] },
    },
    {
      id: 'county-boundary-glow',
      type: 'line',
      source: 'county',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLORS.countyGlow, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 5, 12, 10], 'line-blur': 4, 'line-opacity': 0.6 },
    },
    {
      id: 'county-boundary',
      type: 'line',
      source: 'county',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLORS.countyLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.2, 12, 2.4] },
    },
    {
      id: 'villages',
      type: 'circle',
      source: 'villages',
      minzoom: 9,
      paint: {
        'circle-color': COLORS.village,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 12, 3, 15, 5],
        'circle-opacity': 0.8,
      },
    },
    {
      id: 'river-labels',
      type: 'symbol',
      source: 'rivers',
      minzoom: 10,
      layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': 12, 'text-letter-spacing': 0.4, 'symbol-spacing': 400 },
      paint: { 'text-color': COLORS.riverLabel, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.2 },
    },
    {
      id: 'water-labels',
      type: 'symbol',
      source: 'water',
      minzoom: 10.5,
      layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': 12 },
      paint: { 'text-color': COLORS.riverLabel, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.2 },
    },
    {
      id: 'road-labels',
      type: 'symbol',
      source: 'roads',
      minzoom: 11,
      layout: { 'symbol-placement': 'line', 'text-field': ['get', 'ref'], 'text-font': TEXT_FONT, 'text-size': 10, 'symbol-spacing': 500 },
      paint: { 'text-color': COLORS.roadLabel, 'text-halo-color': COLORS.halo, 'text-halo-width': 1 },
    },
    {
      id: 'village-labels',
      type: 'symbol',
      source: 'villages',
      minzoom: 11.5,
      layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': 11, 'text-offset': [0, 0.9], 'text-anchor': 'top', 'text-optional': true },
      paint: { 'text-color': COLORS.villageLabel, 'text-halo-color': COLORS.halo, 'text-halo-width': 1 },
    },
    {
      id: 'township-labels',
      type: 'symbol',
      source: 'labels',
      minzoom: 8.5,
      filter: ['in', ['get', 'kind'], ['literal', ['township', 'county-seat']]],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['match', ['get', 'kind'], 'county-seat', ['literal', TEXT_FONT_BOLD], ['literal', TEXT_FONT]],
        'text-size': ['interpolate', ['linear'], ['zoom'], 9, ['match', ['get', 'kind'], 'county-seat', 14, 12], 12, ['match', ['get', 'kind'], 'county-seat', 18, 15]],
        'text-letter-spacing': 0.1,
        'symbol-sort-key': ['match', ['get', 'kind'], 'county-seat', 0, 1],
      },
      paint: { 'text-color': COLORS.label, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.5 },
    },
    {
      id: 'county-label',
      type: 'symbol',
      source: 'labels',
      maxzoom: 10,
      filter: ['==', ['get', 'kind'], 'county'],
      layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT_BOLD, 'text-size': 22, 'text-letter-spacing': 0.6, 'text-allow-overlap': false },
      paint: { 'text-color': COLORS.countyLabel, 'text-halo-color': COLORS.halo, 'text-halo-width': 2, 'text-opacity': 0.85 },
    },
  );

  return {
    version: 8,
    name: 'Watchfloor wall (dark)',
    metadata: { 'watchfloor:bounds': basemap.bounds },
    center: basemap.center,
    zoom: INITIAL_ZOOM,
    sources,
    layers,
  };
}
