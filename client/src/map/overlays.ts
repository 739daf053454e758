import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';

/**
 * A domain's layer on the map (hazard points, team positions, warning areas…): one GeoJSON
 * source and the layers drawn from it. Layers omit `source`: the overlay's id is their source.
 * Sizes in layer specs are for a 720 px tall map; the controller scales them for bigger walls
 * through `scaled` (paint or layout property names whose numbers grow with the map).
 */
export interface MapOverlay {
  id: string;
  data: FeatureCollection;
  layers: Array<DistributiveOmit<LayerSpecification, 'source'> & { source?: never }>;
  /** Cluster points of this source (MapLibre's GeoJSON clustering), e.g. thousands of hazards. */
  cluster?: { radius: number; maxZoom: number };
  /** Draw below this layer id (default: above everything of the basemap). */
  beforeId?: string;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const sourceId = (overlay: MapOverlay) => `ov-${overlay.id}`;

/**
 * Keeps the map's overlays equal to `next`: adds new ones, updates data of existing ones
 * (same id, new data: no layer churn), removes the ones gone. Call again after a style reload.
 */
export function syncOverlays(map: MapLibreMap, current: Map<string, MapOverlay>, next: readonly MapOverlay[]): void {
  const wanted = new Set(next.map((o) => o.id));
  for (const [id, overlay] of current) {
    if (wanted.has(id)) continue;
    for (const layer of overlay.layers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
    if (map.getSource(sourceId(overlay))) map.removeSource(sourceId(overlay));
    current.delete(id);
  }
  for (const overlay of next) {
    const sid = sourceId(overlay);
    const source = map.getSource(sid) as GeoJSONSource | undefined;
    if (source) {
      if (current.get(overlay.id)?.data !== overlay.data) source.setData(overlay.data);
    } else {
      map.addSource(sid, {
        type: 'geojson',
        data: overlay.data,
        ...(overlay.cluster ? { cluster: true, clusterRadius: overlay.cluster.radius, clusterMaxZoom: overlay.cluster.maxZoom } : {}),
      });
    }
    for (const layer of overlay.layers) {
      if (!map.getLayer(layer.id)) map.addLayer({ ...layer, source: sid } as LayerSpecification, overlay.beforeId);
    }
    current.set(overlay.id, overlay);
  }
}
