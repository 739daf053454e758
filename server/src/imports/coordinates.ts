import gcoordModule from 'gcoord';
import { refusal, type RowRefusal } from '@watchfloor/shared';

/** WGS-84 (GPS; CGCS2000 differs by centimetres), GCJ-02 (Chinese web maps), BD-09 (Baidu). */
export const IMPORT_CRS = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;
export type ImportCrs = (typeof IMPORT_CRS)[number];

// gcoord is CommonJS: at run time its module.exports is the API its types call `default`.
const gcoord = gcoordModule as unknown as typeof gcoordModule.default;
const GCOORD_CRS = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;
/** 1e-7 degrees is about a centimetre: more is noise, and fixed digits make round trips exact. */
const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

/** A point in the file's CRS, in WGS-84. */
export function toWgs84(lon: number, lat: number, crs: ImportCrs): [number, number] {
  if (crs === 'wgs84' || crs === 'cgcs2000') return [round7(lon), round7(lat)];
  const [x, y] = gcoord.transform([lon, lat], GCOORD_CRS[crs], gcoord.WGS84) as [number, number];
  return [round7(x), round7(y)];
}

/** China's extent, roughly: coordinates outside it are a mistake (swapped columns, projected metres). */
const inChina = (lon: number, lat: number) => lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54;

/** A row's longitude and latitude, in the file's CRS, as a WGS-84 point in China; or why they are not one. */
export function pointInChina(lon: unknown, lat: unknown, crs: ImportCrs): { point: [number, number] } | { refusal: RowRefusal } {
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) return { refusal: refusal('lon-lat-not-numbers', {}, '经度/纬度 (lon/lat) must be numbers') };
  if (!inChina(lon, lat)) return { refusal: refusal('outside-china', { lon, lat }, `location ${lon}, ${lat} is outside China (columns swapped?)`) };
  return { point: toWgs84(lon, lat, crs) };
}
