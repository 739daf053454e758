/**
 * A warning's area: GeoJSON polygons (WGS-84, [lon, lat]) and circles, as CAP carries them.
 * An alert may name its area by description or geocode only: then both lists are empty.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import turfCircle from '@turf/circle';
import { z } from 'zod';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { lonLatSchema, type LonLat } from '../region.js';

/** A closed linear ring: at least 4 positions, first equal to last (GeoJSON and CAP agree). */
const ringSchema = z
  .array(lonLatSchema)
  .min(4)
  .max(5000)
  .refine((r) => r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1], 'a ring must end where it starts');

export const circleSchema = z.strictObject({ center: lonLatSchema, radiusKm: z.number().min(0).max(5000) });
export type WarningCircle = z.infer<typeof circleSchema>;

export const warningAreaSchema = z.strictObject({
  /** GeoJSON MultiPolygon coordinates: polygons of rings, the first ring the outer one. */
  polygons: z.array(z.array(ringSchema).min(1).max(20)).max(50),
  circles: z.array(circleSchema).max(50),
});
export type WarningArea = z.infer<typeof warningAreaSchema>;

/** Vertices of the polygon drawn for a circle: enough to look round on a wall. */
const CIRCLE_STEPS = 64;

export const areaHasGeometry = (a: WarningArea): boolean => a.polygons.length > 0 || a.circles.length > 0;

/** The area as GeoJSON polygons (circles approximated with turf), for maps and containment. */
export function areaPolygons(area: WarningArea): Array<Feature<Polygon>> {
  const polys: Array<Feature<Polygon>> = area.polygons.map((rings) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } }));
  for (const c of area.circles) {
    if (c.radiusKm === 0) continue;
    polys.push(turfCircle(c.center, c.radiusKm, { steps: CIRCLE_STEPS, units: 'kilometers' }));
  }
  return polys;
}

/** Whether a point lies in the area (on the border counts as inside). */
export function areaContains(area: WarningArea, point: LonLat): boolean {
  return areaPolygons(area).some((p) => booleanPointInPolygon(point, p));
}

/** One MultiPolygon feature of the whole area, with the given properties. */
export function areaFeature<P extends Record<string, unknown>>(area: WarningArea, properties: P): Feature<MultiPolygon, P> {
  return { type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates: areaPolygons(area).map((p) => p.geometry.coordinates) } };
}

export const featureCollection = <F extends Feature>(features: F[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/**
 * Parses a CAP `<polygon>`: space-separated "lat,lon" pairs (WGS-84). CAP puts latitude first,
 * GeoJSON longitude first: swapped here, once. Returns null with the reason when malformed.
 */
export function ringFromCapPolygon(text: string): { ring: LonLat[] } | { error: string } {
  const pairs = text.trim().split(/\s+/);
  const ring: LonLat[] = [];
  for (const pair of pairs) {
    const m = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(pair);
    if (!m) return { error: `polygon point "${pair.slice(0, 40)}" is not "lat,lon"` };
    const lat = Number(m[1]);
    const lon = Number(m[2]);
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return { error: `polygon point "${pair}" is out of range` };
    ring.push([lon, lat]);
  }
  if (ring.length < 4) return { error: 'a polygon needs at least 4 points' };
  const [first, last] = [ring[0]!, ring[ring.length - 1]!];
  // Some senders forget to close the ring; CAP requires it, we close it rather than refuse.
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
  return { ring };
}

/** Parses a CAP `<circle>`: "lat,lon radius" with the radius in km. */
export function circleFromCap(text: string): WarningCircle | { error: string } {
  const m = /^\s*(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return { error: `circle "${text.slice(0, 60)}" is not "lat,lon radius"` };
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return { error: `circle centre "${m[1]},${m[2]}" is out of range` };
  return { center: [lon, lat], radiusKm: Number(m[3]) };
}

/** Back to CAP: "lat,lon" pairs, for export. */
export const capPolygonFromRing = (ring: readonly LonLat[]): string => ring.map(([lon, lat]) => `${lat},${lon}`).join(' ');
export const capCircleFrom = (c: WarningCircle): string => `${c.center[1]},${c.center[0]} ${c.radiusKm}`;
