import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/**
 * Spreadsheets as bureaus keep them (CSV in UTF-8 or GBK, or XLSX), read into rows of text keyed
 * by the caller's column names. The one reader behind every import: hazard ledger, roster, teams.
 */
export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** A file the importer cannot read at all (not a row's fault): refused whole with a 400. */
export class UnreadableFileError extends Error {}

/** A data row as its user sees it: `row` is the spreadsheet row number (the header is row 1). */
export interface TableRow<K extends string> {
  row: number;
  values: Partial<Record<K, string>>;
}

/** Header aliases per column key: Chinese and English, compared without spaces, brackets and case. */
export type ColumnAliases<K extends string> = Record<K, readonly string[]>;

const norm = (h: string) => h.replace(/[\s_（）()]/g, '').toLowerCase();

/** The column key a header (or GeoJSON property) names, by the aliases; undefined when none does. */
export function columnLookup<K extends string>(aliases: ColumnAliases<K>): (header: string) => K | undefined {
  const byName = new Map<string, K>();
  for (const key of Object.keys(aliases) as K[]) for (const a of aliases[key]) byName.set(norm(a), key);
  return (header) => byName.get(norm(header));
}

/** UTF-8 (with or without BOM) when it decodes cleanly, else GBK/GB18030 as Chinese Excel saves CSV. */
export function decodeText(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf); // drops a BOM
  } catch {
    return iconv.decode(buf, 'gb18030');
  }
}

export function readCsvCells(buf: Buffer): string[][] {
  try {
    return parseCsv(decodeText(buf), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw new UnreadableFileError(`not a readable CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  // exceljs reads date and time cells as UTC instants of the wall-clock value the sheet shows.
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

/** The first sheet's cells as text: numbers as written, dates as ISO instants, formulas by their result. */
export async function readXlsxCells(buf: Buffer): Promise<string[][]> {
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
  return table;
}

/**
 * Cells (header first) as rows under the column keys the header names. Blank rows are skipped
 * (row numbers still count them); unknown columns are ignored; cells are trimmed. A header that
 * names not every `required` column makes the file unreadable as a whole.
 */
export function rowsFromCells<K extends string>(table: string[][], aliases: ColumnAliases<K>, required: readonly K[]): Array<TableRow<K>> {
  const [header, ...body] = table;
  if (!header) throw new UnreadableFileError('the file is empty');
  const columnOf = columnLookup(aliases);
  const keys = header.map((h) => columnOf(String(h ?? '')));
  const missing = required.filter((k) => !keys.includes(k));
  if (missing.length) throw new UnreadableFileError(`the header row has no column ${missing.map((k) => `${aliases[k][0]} (${k})`).join(', ')}`);
  const rows: Array<TableRow<K>> = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => String(c ?? '').trim() === '')) return;
    const values: Partial<Record<K, string>> = {};
    keys.forEach((k, j) => {
      if (k) values[k] = String(cells[j] ?? '').trim();
    });
    rows.push({ row: i + 2, values });
  });
  return rows;
}

/** Refuses a file with no data rows, or more than `maxRows` of them (a mistake, or an attack). */
export function checkRowCount(rows: readonly unknown[], maxRows: number): void {
  if (rows.length === 0) throw new UnreadableFileError('the file has no rows');
  if (rows.length > maxRows) throw new UnreadableFileError(`at most ${maxRows} rows per import`);
}

/** A whole CSV or XLSX file as rows, with at least one and at most `maxRows` data rows. */
export async function readTable<K extends string>(format: TableFormat, buf: Buffer, aliases: ColumnAliases<K>, required: readonly K[], maxRows: number): Promise<Array<TableRow<K>>> {
  const cells = format === 'csv' ? readCsvCells(buf) : await readXlsxCells(buf);
  const rows = rowsFromCells(cells, aliases, required);
  checkRowCount(rows, maxRows);
  return rows;
}
