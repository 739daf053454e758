import { isUtf8 } from 'node:buffer';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { UnreadableFileError } from './import-file-error.js';
import { checkXlsxZip, xlsxZipLimits } from './xlsx-zip-limits.js';

/**
 * Spreadsheets as bureaus keep them (CSV in UTF-8 or GBK, or XLSX), read into rows of text keyed
 * by the caller's column names. The one reader behind every import: hazard ledger, roster, teams.
 */
export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** A data row as its user sees it: `row` is the spreadsheet row number (the header is row 1). */
export interface TableRow<K extends string> {
  row: number;
  values: Partial<Record<K, string>>;
}

const tooManyRows = (maxRows: number) => new UnreadableFileError('too-many-rows', { limit: maxRows }, `at most ${maxRows} rows per import`);

/** Header aliases per column key: Chinese and English, compared without spaces, brackets and case. */
export type ColumnAliases<K extends string> = Record<K, readonly string[]>;

const norm = (h: string) => h.replace(/[\s_（）()]/g, '').toLowerCase();

/** The column key a header (or GeoJSON property) names, by the aliases; undefined when none does. */
export function columnLookup<K extends string>(aliases: ColumnAliases<K>): (header: string) => K | undefined {
  const byName = new Map<string, K>();
  for (const key of Object.keys(aliases) as K[]) for (const a of aliases[key]) byName.set(norm(a), key);
  return (header) => byName.get(norm(header));
}

/** UTF-8 bytes (with or without BOM) as they are; anything else decoded as GBK/GB18030, as Chinese Excel saves CSV. */
function utf8OrGbk(buf: Buffer): Buffer | string {
  return isUtf8(buf) ? buf : iconv.decode(buf, 'gb18030');
}

/** The file's text: UTF-8 when it decodes cleanly (a BOM dropped), else GBK/GB18030. */
export function decodeText(buf: Buffer): string {
  const text = utf8OrGbk(buf);
  return typeof text === 'string' ? text : new TextDecoder('utf-8').decode(text); // drops a BOM
}

/** csv-parse's codes for a quote that never closes or is followed by text: the usual hand-edited CSV mistake. */
const QUOTE_ERRORS = new Set(['CSV_QUOTE_NOT_CLOSED', 'CSV_INVALID_CLOSING_QUOTE', 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE']);

/**
 * A CSV's records, header first, at most the header, `maxRows` rows and as many blank lines again.
 * Parsing stops there: csv-parse spends some 20 µs on each record whose cell count differs from the
 * header's, so a 20 MB file of "," lines would hold the event loop for minutes.
 */
export function readCsvCells(buf: Buffer, maxRows: number): string[][] {
  const maxRecords = 1 + 2 * maxRows;
  let records: string[][];
  try {
    // csv-parse reads bytes: a UTF-8 file goes in as it is, not as a string of text (twice the
    // file's size in UTF-16) that csv-parse would encode back to bytes.
    records = parseCsv(utf8OrGbk(buf), { bom: true, relax_column_count: true, skip_empty_lines: false, to: maxRecords + 1 }) as string[][];
  } catch (error) {
    const { code, lines, message } = error as { code?: string; lines?: number; message?: string };
    const params = { line: typeof lines === 'number' ? lines : 0 };
    throw new UnreadableFileError(QUOTE_ERRORS.has(code ?? '') ? 'broken-csv-quote' : 'not-a-csv', params, `not a readable CSV: ${message ?? String(error)}`);
  }
  if (records.length > maxRecords) throw tooManyRows(maxRows);
  return records;
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

/**
 * Widest sheet read, in columns. exceljs keeps a sheet sparse, but a table of text is dense: one
 * cell far out (column XFD is 16,384) on every row would make rows × 16,384 cells. A ledger has 31.
 */
export const XLSX_MAX_COLUMNS = 256;
const NO_CELLS: readonly string[] = Object.freeze([]);

/**
 * The first sheet's cells as text: numbers as written, dates as ISO instants, formulas by their
 * result. The zip is checked against the row limit first (see xlsx-zip-limits.ts); only rows and
 * cells that exist are visited, and reading stops past `maxRows` data rows.
 */
export async function readXlsxCells(buf: Buffer, maxRows: number): Promise<string[][]> {
  await checkXlsxZip(buf, xlsxZipLimits(maxRows));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('not-a-spreadsheet', { format: 'XLSX' }, 'not a readable XLSX workbook');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new UnreadableFileError('no-sheet', {}, 'the workbook has no sheet');
  const table: string[][] = [];
  let filled = 0;
  sheet.eachRow((row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell((cell, col) => {
      if (col > XLSX_MAX_COLUMNS) throw new UnreadableFileError('too-many-columns', { limit: XLSX_MAX_COLUMNS }, `the sheet has cells beyond column ${XLSX_MAX_COLUMNS}`);
      cells[col - 1] = cellText(cell.value);
    });
    table[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    // The header and at most `maxRows` data rows: stop at the first row past them.
    if (cells.some((c) => c.trim() !== '') && ++filled > maxRows + 1) throw tooManyRows(maxRows);
  });
  return Array.from(table, (cells) => cells ?? (NO_CELLS as string[]));
}

/**
 * Cells (header first) as rows under the column keys the header names. Blank rows are skipped
 * (row numbers still count them); unknown columns are ignored (of two columns with one name, the
 * last counts); cells are trimmed. A header that names not every `required` column makes the file
 * unreadable as a whole, and so do more than `maxRows` rows (found as soon as they are).
 */
export function rowsFromCells<K extends string>(table: string[][], aliases: ColumnAliases<K>, required: readonly K[], maxRows: number): Array<TableRow<K>> {
  const [header, ...body] = table;
  if (!header) throw new UnreadableFileError('empty-file', {}, 'the file is empty');
  const columnOf = columnLookup(aliases);
  // Only the columns a key names are read from each row, so a header of 100,000 unknown columns costs once, not per row.
  const columnOfKey = new Map<K, number>();
  header.forEach((h, j) => {
    const key = columnOf(String(h ?? ''));
    if (key) columnOfKey.set(key, j);
  });
  const missing = required.filter((k) => !columnOfKey.has(k));
  if (missing.length) {
    const columns = missing.map((k) => `${aliases[k][0]} (${k})`).join(', ');
    throw new UnreadableFileError('missing-column', { columns }, `the header row has no column ${columns}`);
  }
  const rows: Array<TableRow<K>> = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => String(c ?? '').trim() === '')) return;
    if (rows.length === maxRows) throw tooManyRows(maxRows);
    const values: Partial<Record<K, string>> = {};
    for (const [k, j] of columnOfKey) values[k] = String(cells[j] ?? '').trim();
    rows.push({ row: i + 2, values });
  });
  return rows;
}

/** Refuses a file with no data rows, or more than `maxRows` of them (a mistake, or an attack). */
export function checkRowCount(rows: readonly unknown[], maxRows: number): void {
  if (rows.length === 0) throw new UnreadableFileError('no-rows', {}, 'the file has no rows');
  if (rows.length > maxRows) throw tooManyRows(maxRows);
}

/** A whole CSV or XLSX file as rows, with at least one and at most `maxRows` data rows. */
export async function readTable<K extends string>(format: TableFormat, buf: Buffer, aliases: ColumnAliases<K>, required: readonly K[], maxRows: number): Promise<Array<TableRow<K>>> {
  const cells = format === 'csv' ? readCsvCells(buf, maxRows) : await readXlsxCells(buf, maxRows);
  const rows = rowsFromCells(cells, aliases, required, maxRows);
  checkRowCount(rows, maxRows);
  return rows;
}
