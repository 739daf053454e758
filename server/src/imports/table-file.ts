import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { decodeText, UnreadableFileError } from '../hazards/import-file.js';

/**
 * Spreadsheets as bureaus keep them (CSV in UTF-8 or GBK, or XLSX), read into rows of text keyed
 * by the caller's column names. Shared by the roster and team imports; the hazard ledger has its own.
 */
export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export { UnreadableFileError };

/** A data row as its user sees it: `row` is the spreadsheet row number (the header is row 1). */
export interface TableRow<K extends string> {
  row: number;
  values: Partial<Record<K, string>>;
}

/** Header aliases per column key: Chinese and English, compared without spaces and case. */
export type ColumnAliases<K extends string> = Record<K, readonly string[]>;

const norm = (h: string) => h.replace(/[\s_（）()]/g, '').toLowerCase();

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

async function readCells(format: TableFormat, buf: Buffer): Promise<string[][]> {
  if (format === 'csv') {
    try {
      return parseCsv(decodeText(buf), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (error) {
      throw new UnreadableFileError(`not a readable CSV: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
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
 * The file's rows with their cells under the column keys its header names. Blank rows are
 * skipped (row numbers still count them); unknown columns are ignored. A file with no header
 * naming every `required` column is unreadable as a whole.
 */
export async function readTable<K extends string>(format: TableFormat, buf: Buffer, aliases: ColumnAliases<K>, required: readonly K[], maxRows: number): Promise<Array<TableRow<K>>> {
  const [header, ...body] = await readCells(format, buf);
  if (!header) throw new UnreadableFileError('the file is empty');
  const lookup = new Map<string, K>();
  for (const key of Object.keys(aliases) as K[]) for (const a of aliases[key]) lookup.set(norm(a), key);
  const keys = header.map((h) => lookup.get(norm(String(h ?? ''))));
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
  if (rows.length === 0) throw new UnreadableFileError('the file has no rows');
  if (rows.length > maxRows) throw new UnreadableFileError(`at most ${maxRows} rows per import`);
  return rows;
}
