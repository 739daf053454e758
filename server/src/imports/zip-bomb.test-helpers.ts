import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** One entry of a zip as written: deflated bytes, with what the headers declare. */
export interface ZipEntry {
  name: string;
  deflated: Buffer;
  crc: number;
  /** What the headers say it unpacks to; a bomb may lie here. */
  declaredSize: number;
}

export const entryOf = (name: string, bytes: Buffer): ZipEntry => ({ name, deflated: deflateRawSync(bytes), crc: crc32(bytes), declaredSize: bytes.length });

/** `total` bytes of `head`, `unit` repeated and `tail`, deflated as a stream: the whole never sits in memory. */
export async function streamedEntry(name: string, head: string, unit: Buffer, tail: string, total: number): Promise<ZipEntry> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer) => {
    crc = crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await new Promise((r) => deflate.once('drain', r));
  };
  await write(Buffer.from(head));
  const batch = Buffer.concat(Array.from({ length: Math.max(1, Math.floor((1 << 20) / unit.length)) }, () => unit));
  while (size + batch.length < total) await write(batch);
  await write(Buffer.from(tail));
  deflate.end();
  await done;
  return { name, deflated: Buffer.concat(out), crc: crc >>> 0, declaredSize: size };
}

/** A zip (PKZIP 2.0, deflate, no data descriptors) of `entries`, as any zip writer lays it out. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 26); // flags, method, time, date, crc, sizes
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The entries of a real one-sheet workbook (exceljs writes it), but its sheet: to replace with a bomb. */
export async function workbookEntriesBut(sheetPath = 'xl/worksheets/sheet1.xml'): Promise<ZipEntry[]> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表').addRow(['名称', '数量']);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const entries: ZipEntry[] = [];
  for (const f of Object.values(zip.files)) if (!f.dir && f.name !== sheetPath) entries.push(entryOf(f.name, await f.async('nodebuffer')));
  return entries;
}

export const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';
/** A row of cells, the same each time: without `r` (optional; Excel counts on, exceljs refuses, but only once the whole sheet is unpacked in memory). */
export const REPEATED_ROW = Buffer.from('<row><c t="inlineStr"><is><t>冲锋舟</t></is></c><c><v>4</v></c></row>');

/**
 * A real XLSX zip bomb: a workbook whose sheet is `sheetBytes` of repeated rows (200 MB packs into
 * a few hundred KB). `lie` declares the sheet at 1 MB, as a bomb that hides from the directory would.
 */
export async function xlsxBomb(sheetBytes: number, lie = false): Promise<Buffer> {
  const sheet = await streamedEntry('xl/worksheets/sheet1.xml', SHEET_HEAD, REPEATED_ROW, SHEET_TAIL, sheetBytes);
  if (lie) sheet.declaredSize = 1024 * 1024;
  return zipOf([...(await workbookEntriesBut()), sheet]);
}
