import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import gcoordModule from 'gcoord';
import iconv from 'iconv-lite';
import { hazardRecordSchema, type HazardRecord, type RegionState } from '@watchfloor/shared';
import { columnOf, recordFromRow, type ColumnKey, type FlatRow } from './columns.js';

export const IMPORT_FORMATS = ['csv', 'xlsx', 'geojson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** WGS-84 (GPS; CGCS2000 differs by centimetres), GCJ-02 (Chinese web maps), BD-09 (Baidu). */
export const IMPORT_CRS = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;
export type ImportCrs = (typeof IMPORT_CRS)[number];

/** A row of the file as its user sees it: `row` is the spreadsheet row (header = 1) or the feature number. */
export interface NumberedRow {
  row: number;
  values: FlatRow;
}
export interface Rejected {
  row: number;
  reason: string;
}

/** A file the importer cannot read at all (not a row's fault): refused whole with a 400. */
export class UnreadableFileError extends Error {}

/** UTF-8 (with or without BOM) when it decodes cleanly, else GBK/GB18030 as Chinese Excel saves CSV. */
export function decodeText(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf); // drops a BOM
  } catch {
    return iconv.decode(buf, 'gb18030');
  }
}

function fromTable(table: string[][], firstRowNumber: number): NumberedRow[] {
  const [header, ...body] = table;
  if (!header) throw new UnreadableFileError('the file is empty');
  const keys = header.map((h) => columnOf(String(h ?? '')));
  if (!keys.includes('name')) throw new UnreadableFileError('no 名称/name column in the header row');
  const out: NumberedRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => String(c ?? '').trim() === '')) return;
    const values: FlatRow = {};
    keys.forEach((k, j) => {
      if (k) values[k] = String(cells[j] ?? '');
    });
    out.push({ row: firstRowNumber + 1 + i, values });
  });
  return out;
}

export function readCsv(buf: Buffer): NumberedRow[] {
  let table: string[][];
  try {
    table = parseCsv(decodeText(buf), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw new UnreadableFileError(`not a readable CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  return fromTable(table, 1);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

export async function readXlsx(buf: Buffer): Promise<NumberedRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('not a readable XLSX workbook');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new UnreadableFileError('the workbook has no sheet');
  const table: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(cellText(row.getCell(c).value));
    table.push(cells);
  }
  return fromTable(table, 1);
}

export function readGeoJson(buf: Buffer): NumberedRow[] {
  let doc: unknown;
  try {
    doc = JSON.parse(decodeText(buf));
  } catch {
    throw new UnreadableFileError('not valid JSON');
  }
  const features = (doc as { type?: string; features?: unknown }).features;
  if ((doc as { type?: string }).type !== 'FeatureCollection' || !Array.isArray(features)) throw new UnreadableFileError('expected a GeoJSON FeatureCollection');
  return features.map((f: unknown, i: number) => {
    const props = ((f as { properties?: unknown })?.properties ?? {}) as Record<string, unknown>;
    const values: FlatRow = {};
    for (const [k, v] of Object.entries(props)) {
      const key = columnOf(k);
      if (key && v !== null && v !== undefined) values[key] = typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    const g = (f as { geometry?: { type?: string; coordinates?: unknown } })?.geometry;
    if (g?.type === 'Point' && Array.isArray(g.coordinates)) {
      values.lon = String(g.coordinates[0]);
      values.lat = String(g.coordinates[1]);
    } else if (g) values.lon = values.lat = 'not a Point';
    return { row: i + 1, values };
  });
}

export async function readRows(format: ImportFormat, buf: Buffer): Promise<NumberedRow[]> {
  if (format === 'csv') return readCsv(buf);
  if (format === 'xlsx') return readXlsx(buf);
  return readGeoJson(buf);
}

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

/** Rows as ledger records: each valid one converted once to WGS-84, each bad one with its reason. */
export function recordsFromRows(rows: NumberedRow[], crs: ImportCrs, region: RegionState): { good: Array<{ row: number; record: HazardRecord }>; rejected: Rejected[] } {
  const good: Array<{ row: number; record: HazardRecord }> = [];
  const rejected: Rejected[] = [];
  for (const { row, values } of rows) {
    const { record, lonLat } = recordFromRow(values, region);
    if (lonLat) {
      const [lon, lat] = lonLat;
      if (typeof lon !== 'number' || typeof lat !== 'number') {
        rejected.push({ row, reason: `经度/纬度 (lon/lat) must be numbers` });
        continue;
      }
      if (!inChina(lon, lat)) {
        rejected.push({ row, reason: `location ${lon}, ${lat} is outside China (columns swapped?)` });
        continue;
      }
      record.location = toWgs84(lon, lat, crs);
    }
    const parsed = hazardRecordSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      rejected.push({ row, reason: `${issue.path.join('.') || 'row'}: ${issue.message}` });
    } else good.push({ row, record: parsed.data });
  }
  return { good, rejected };
}

export type { ColumnKey };
