import 'maplibre-gl/dist/maplibre-gl.css';
import { addProtocol, Map as MapLibreMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import { Protocol as PmtilesProtocol } from 'pmtiles';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { syncOverlays, type MapOverlay } from './overlays';
import type { FeatureCollection, VillageProperties } from './village-geojson';

// MapLibre looks for its worker beside its own module, which bundling moves; point it at ours.
setWorkerUrl(workerUrl);
// A basemap configured as a PMTiles archive on the bureau's own network (BASEMAP_PMTILES_URL).
addProtocol('pmtiles', new PmtilesProtocol().tile);

/** Give the browser this long to restore a lost WebGL context before building a new map, in ms. */
const RECREATE_AFTER_MS = 8_000;
/** Retry a map whose style could not load (server restarting) after this long, in ms. */
const RETRY_LOAD_MS = 15_000;
/** Our overlay sizes are tuned for a map this tall and scale with it, up to 3×, in CSS px. */
const REFERENCE_HEIGHT_PX = 720;

const SOURCE = 'wf-villages';
const DOTS = 'wf-village-dots';
const LABELS = 'wf-village-labels';
/**
 * Village layers the basemap style may carry itself. Ours come from the region store and follow
 * it live, so theirs are hidden rather than drawn twice.
 */
const SUPERSEDED_BASEMAP_LAYERS = ['villages', 'village-labels'];

export type MapHealth = 'loading' | 'ready' | 'context-lost' | 'unavailable';

export interface MapControllerOptions {
  /** A MapLibre style on our own origin (no glyphs: labels are drawn from system fonts). */
  styleUrl: string;
  interactive: boolean;
  /** CSS font families for labels, in order of preference. */
  fonts: readonly string[];
  onHealth: (health: MapHealth) => void;
}

type Bounds = [[number, number], [number, number]];

/**
 * Owns one MapLibre map: creation, our village overlay, resizing through a ResizeObserver,
 * WebGL context loss (wait for restoration, else rebuild), and disposal. Nothing else in the
 * app touches MapLibre.
 */
export class MapController {
  readonly #container: HTMLElement;
  readonly #options: MapControllerOptions;
  readonly #observer: ResizeObserver;
  #map: MapLibreMap | null = null;
  #loaded = false;
  #villages: FeatureCollection<VillageProperties> = { type: 'FeatureCollection', features: [] };
  /** Domain overlays as last asked for, and as present on the current map. */
  #overlays: readonly MapOverlay[] = [];
  #overlaysOnMap = new Map<string, MapOverlay>();
  #bounds: Bounds | null = null;
  /** Once someone pans or zooms, stop fitting the region on resize. */
  #userMoved = false;
  #scale = 1;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #frame = 0;

  constructor(container: HTMLElement, options: MapControllerOptions) {
    this.#container = container;
    this.#options = options;
    this.#observer = new ResizeObserver(() => this.#scheduleResize());
    this.#observer.observe(container);
    this.#create();
  }

  /** Shows these villages; fits the view to `bounds` unless the user has moved the map. */
  setVillages(villages: FeatureCollection<VillageProperties>, bounds: Bounds | null): void {
    this.#villages = villages;
    this.#bounds = bounds;
    if (!this.#loaded || !this.#map) return;
    (this.#map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(villages);
    this.#fit(false);
  }

  /** Shows exactly these domain overlays (see overlays.ts), above the villages. */
  setOverlays(overlays: readonly MapOverlay[]): void {
    this.#overlays = overlays;
    if (this.#loaded && this.#map) syncOverlays(this.#map, this.#overlaysOnMap, overlays);
  }

  destroy(): void {
    clearTimeout(this.#timer);
    cancelAnimationFrame(this.#frame);
    this.#observer.disconnect();
    this.#map?.remove();
    this.#map = null;
  }

  #create(): void {
    this.#loaded = false;
    this.#options.onHealth('loading');
    const map = new MapLibreMap({
      container: this.#container,
      style: this.#options.styleUrl,
      interactive: this.#options.interactive,
      attributionControl: false,
      trackResize: false, // the ResizeObserver sees the container, not just the window
      localIdeographFontFamily: this.#options.fonts.join(', '),
      fadeDuration: 0,
      // Default 4096 px would blur the map on an 8K wall; 8192 is within every WebGL2 GPU's texture limit in practice.
      maxCanvasSize: [8192, 8192],
      // Relative URLs in the style would otherwise be resolved inside workers; anchor them here.
      transformRequest: (url) => ({ url: new URL(url, location.href).href }),
    });
    this.#map = map;
    // 'style.load' fires again when MapLibre rebuilds the style after a restored context.
    map.on('style.load', () => {
      if (this.#map !== map) return;
      this.#loaded = true;
      this.#addOverlay(map);
      this.#overlaysOnMap = new Map(); // a (re)built style has none of them
      syncOverlays(map, this.#overlaysOnMap, this.#overlays);
      this.#applyScale(true);
      this.#fit(true);
      this.#options.onHealth('ready');
    });
    map.on('error', () => {
      // Before the style loads an error means no map at all: try again later. After, a failed
      // tile is MapLibre's to retry and the map stays usable.
      if (this.#map === map && !this.#loaded) this.#rebuildIn(RETRY_LOAD_MS, 'unavailable');
    });
    map.on('webglcontextlost', () => {
      if (this.#map === map) this.#rebuildIn(RECREATE_AFTER_MS, 'context-lost');
    });
    map.on('webglcontextrestored', () => {
      if (this.#map !== map) return;
      clearTimeout(this.#timer);
      this.#options.onHealth('ready');
    });
    map.on('movestart', (event) => {
      if ('originalEvent' in event && event.originalEvent) this.#userMoved = true;
    });
  }

  #rebuildIn(ms: number, health: MapHealth): void {
    this.#options.onHealth(health);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#map?.remove();
      this.#map = null;
      this.#create();
    }, ms);
  }

  #addOverlay(map: MapLibreMap): void {
    if (map.getSource(SOURCE)) return;
    for (const id of SUPERSEDED_BASEMAP_LAYERS) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', 'none');
    }
    // Below the basemap's own labels, so township and county names win label collisions.
    const beforeId = map.getStyle().layers.find((l) => l.type === 'symbol' && !SUPERSEDED_BASEMAP_LAYERS.includes(l.id))?.id;
    map.addSource(SOURCE, { type: 'geojson', data: this.#villages });
    map.addLayer({
      id: DOTS,
      type: 'circle',
      source: SOURCE,
      paint: {
        'circle-color': '#ffb020',
        'circle-opacity': 0.9,
        'circle-stroke-color': '#07111f',
        'circle-stroke-width': 1.5,
        'circle-radius': 4,
      },
    }, beforeId);
    map.addLayer({
      id: LABELS,
      type: 'symbol',
      source: SOURCE,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [...this.#options.fonts],
        'text-size': 13,
        'text-anchor': 'top',
        'text-offset': [0, 0.6],
        'text-optional': true,
      },
      paint: {
        'text-color': '#e6eef8',
        'text-halo-color': '#07111f',
        'text-halo-width': 1.5,
      },
    }, beforeId);
  }

  #scheduleResize(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => {
      this.#map?.resize();
      this.#applyScale(false);
      this.#fit(false);
    });
  }

  /** Scales our dots and labels with the map's height, so a 4K wall reads like a 1080p one. */
  #applyScale(force: boolean): void {
    const map = this.#map;
    if (!map || !this.#loaded) return;
    const scale = Math.min(3, Math.max(1, this.#container.clientHeight / REFERENCE_HEIGHT_PX));
    if (!force && Math.abs(scale - this.#scale) < 0.05) return;
    this.#scale = scale;
    map.setPaintProperty(DOTS, 'circle-radius', 4 * scale);
    map.setPaintProperty(DOTS, 'circle-stroke-width', 1.5 * scale);
    map.setLayoutProperty(LABELS, 'text-size', 13 * scale);
    map.setPaintProperty(LABELS, 'text-halo-width', 1.5 * scale);
  }

  #fit(animate: boolean): void {
    const map = this.#map;
    if (!map || !this.#loaded || !this.#bounds || this.#userMoved) return;
    const pad = Math.round(Math.min(this.#container.clientWidth, this.#container.clientHeight) * 0.08);
    map.fitBounds(this.#bounds, { padding: pad, maxZoom: 13, animate, duration: animate ? 800 : 0 });
  }
}
