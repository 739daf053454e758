import { hazardRecordSchema, importRefusals, IMPORT_MAX_ROWS, type HazardRecord, type ImportRejection, type RegionState, type WatchState } from '@watchfloor/shared';
import { IMPORT_CRS, pointInChina, toWgs84, type ImportCrs } from '../imports/coordinates.js';
import { schemaRefusal, type ColumnName } from '../imports/schema-refusal.js';
import { UnreadableFileError } from '../imports/import-file-error.js';
import { checkRowCount, columnLookup, decodeText, readCsvCells, readTable, rowsFromCells, type ColumnAliases, type TableRow } from '../imports/table-file.js';
import { COLUMNS, recordFromRow, type ColumnKey, type FlatRow } from './columns.js';

export const IMPORT_FORMATS = ['csv', 'xlsx', 'geojson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A row of the file as its user sees it: `row` is the spreadsheet row (header = 1) or the feature number. */
export type NumberedRow = TableRow<ColumnKey>;

export { decodeText, IMPORT_CRS, toWgs84, UnreadableFileError, type ImportCrs };

/** The ledger's headers as export writes them (Chinese), and the English keys. */
const HAZARD_ALIASES = Object.fromEntries(COLUMNS.map(([key, zh]) => [key, [zh, key]])) as unknown as ColumnAliases<ColumnKey>;
const columnOf = columnLookup(HAZARD_ALIASES);
const REQUIRED: readonly ColumnKey[] = ['name'];

export const readCsv = (buf: Buffer, maxRows = IMPORT_MAX_ROWS): NumberedRow[] => rowsFromCells(readCsvCells(buf, maxRows), HAZARD_ALIASES, REQUIRED, maxRows);

export function readGeoJson(buf: Buffer): NumberedRow[] {
  let doc: unknown;
  try {
    doc = JSON.parse(decodeText(buf));
  } catch {
    throw new UnreadableFileError('not-json', {}, 'not valid JSON');
  }
  const features = (doc as { type?: string; features?: unknown }).features;
  if ((doc as { type?: string }).type !== 'FeatureCollection' || !Array.isArray(features)) throw new UnreadableFileError('not-geojson', {}, 'expected a GeoJSON FeatureCollection');
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

/** A ledger file as rows, with at least one and at most `maxRows` of them. */
export async function readRows(format: ImportFormat, buf: Buffer, maxRows: number): Promise<NumberedRow[]> {
  if (format !== 'geojson') return readTable(format, buf, HAZARD_ALIASES, REQUIRED, maxRows);
  const rows = readGeoJson(buf);
  checkRowCount(rows, maxRows);
  return rows;
}

/** The column a hazard schema path points at: nested rectification and supervision fields have their own. */
const SUPERVISION_COLUMNS: Record<string, ColumnKey> = { level: 'supervisionLevel', deadline: 'supervisionDeadline', listedAt: 'listedAt', note: 'supervisionNote' };
const HEADERS = new Map<string, string>(COLUMNS);
function hazardColumn(path: readonly PropertyKey[]): ColumnName {
  const [top, sub] = path.map(String);
  const field = top === 'rectification' && sub ? sub : top === 'supervision' && sub ? (SUPERVISION_COLUMNS[sub] ?? sub) : top === 'location' ? 'lon' : (top ?? '');
  return { column: HEADERS.get(field) ?? path.join('.'), field };
}

/** Rows as ledger records: each valid one converted once to WGS-84, each bad one with its reason. */
export function recordsFromRows(rows: NumberedRow[], crs: ImportCrs, region: RegionState): { good: Array<{ row: number; record: HazardRecord }>; rejected: ImportRejection[] } {
  const good: Array<{ row: number; record: HazardRecord }> = [];
  const rejected: ImportRejection[] = [];
  for (const { row, values } of rows) {
    const { record, lonLat } = recordFromRow(values, region);
    if (lonLat) {
      const at = pointInChina(lonLat[0], lonLat[1], crs);
      if ('refusal' in at) {
        rejected.push({ row, ...at.refusal });
        continue;
      }
      record.location = at.point;
    }
    const parsed = hazardRecordSchema.safeParse(record);
    if (!parsed.success) rejected.push({ row, ...schemaRefusal(parsed.error.issues[0]!, record, hazardColumn) });
    else good.push({ row, record: parsed.data });
  }
  return { good, rejected };
}

/**
 * Rows checked against the ledger as it stands: the records to journal, and every row refused
 * (unreadable, or by the ledger's rules) in row order. Only these leave: the rows are garbage once
 * it returns, so a 60,000-row import is not held twice (rows and records) while it is journaled.
 */
export function checkLedgerRows(rows: NumberedRow[], crs: ImportCrs, state: Pick<WatchState, 'region' | 'hazardLedger'>): { accepted: HazardRecord[]; rejected: ImportRejection[] } {
  const { good, rejected } = recordsFromRows(rows, crs, state.region);
  const refused = importRefusals(state.hazardLedger, state.region, good.map((g) => g.record));
  const refusedAt = new Set(refused.map((x) => x.index));
  const all = [...rejected, ...refused.map((x) => ({ row: good[x.index]!.row, code: x.code, params: x.params, reason: x.reason }))].sort((a, b) => a.row - b.row);
  return { accepted: good.filter((_, i) => !refusedAt.has(i)).map((g) => g.record), rejected: all };
}

export type { ColumnKey };
