import type { LonLat, Village, VillageFeatureProperties } from '@watchfloor/shared';

/** A village point's properties: the shared contract's, so server and map agree. */
export type VillageProperties = VillageFeatureProperties;

export interface PointFeature<P> {
  type: 'Feature';
  id?: string | number;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: P;
}

export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: PointFeature<P>[];
}

/** Villages as GeoJSON points for the map, one feature per village at its centre. */
export function villagesGeoJSON(villages: readonly Village[]): FeatureCollection<VillageProperties> {
  return {
    type: 'FeatureCollection',
    features: villages.map((v) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [v.center[0], v.center[1]] },
      properties: { code: v.code, name: v.name, townshipCode: v.townshipCode, households: v.households, population: v.population },
    })),
  };
}

/** West-south and east-north corners around the points, or null for none. */
export function boundsOf(points: readonly LonLat[]): [[number, number], [number, number]] | null {
  if (points.length === 0) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return [
    [w, s],
    [e, n],
  ];
}
