import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { HazardItem, RegionState } from '@watchfloor/shared';
import { cellOut, COLUMNS, rowFromItem } from './columns.js';

const HEADERS = COLUMNS.map(([, zh]) => zh);

/** The ledger as CSV: UTF-8 with a BOM, so Chinese Excel opens it right; the importer reads it back. */
export function ledgerCsv(items: Iterable<HazardItem>, region: RegionState): Buffer {
  const rows: string[][] = [HEADERS];
  for (const item of items) {
    const r = rowFromItem(item, region);
    rows.push(COLUMNS.map(([k]) => cellOut(r[k])));
  }
  return Buffer.concat([Buffer.from('\ufeff'), Buffer.from(stringify(rows, { record_delimiter: '\r\n' }))]);
}

/** The ledger as XLSX: one sheet, every cell text (no date or number guessing on the way back). */
export async function ledgerXlsx(items: Iterable<HazardItem>, region: RegionState): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('隐患台账');
  sheet.addRow(HEADERS);
  for (const item of items) {
    const r = rowFromItem(item, region);
    sheet.addRow(COLUMNS.map(([k]) => cellOut(r[k])));
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
