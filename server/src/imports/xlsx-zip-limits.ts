import type { Readable } from 'node:stream';
import JSZip from 'jszip';
import { UnreadableFileError } from './import-file-error.js';

/**
 * An XLSX is a zip, and a zip can be a bomb: a few hundred KB that unpack to gigabytes. exceljs
 * unpacks every entry whole into memory before any row limit applies, so the archive is checked
 * first, with JSZip, the very reader exceljs loads it with (a second zip reader could be shown a
 * different central directory than exceljs reads). Two passes:
 *  1. the central directory as declared: entry count, total size, compression ratio (free);
 *  2. every entry inflated and counted, keeping no bytes, against its declared size, since the
 *     declared sizes are the attacker's to write and JSZip checks them only after inflating.
 */

/** What one import's XLSX may unpack to. */
export interface XlsxZipLimits {
  /** Bytes of all entries together, unpacked. */
  maxUnpackedBytes: number;
  maxEntries: number;
  /** Unpacked ÷ packed, for entries over `ratioCheckFromBytes` (a tiny entry may pack absurdly well). */
  maxRatio: number;
  ratioCheckFromBytes: number;
}

const MiB = 1024 * 1024;
/**
 * Unpacked XML per data row we allow. A full 60,000-row hazard ledger (all 31 columns filled,
 * written by exceljs or Excel) unpacks to 61 MB, about 1 KiB a row: 2 KiB is generous.
 */
const XLSX_BYTES_PER_ROW = 2 * 1024;
/** Styles, theme, document properties, other sheets, a logo: what a workbook carries besides the rows. */
const XLSX_OVERHEAD_BYTES = 8 * MiB;
/** Whatever the row limit, no XLSX unpacks past this (exceljs holds it all in memory, several times over). */
const XLSX_MAX_UNPACKED_BYTES = 80 * MiB;

/** Limits for an import of at most `maxRows` rows: room for that many generous rows, never past 80 MiB. */
export function xlsxZipLimits(maxRows: number): XlsxZipLimits {
  return {
    maxUnpackedBytes: Math.min(XLSX_OVERHEAD_BYTES + maxRows * XLSX_BYTES_PER_ROW, XLSX_MAX_UNPACKED_BYTES),
    // A workbook has ten-odd entries; one with a hundred sheets and pictures a few hundred.
    maxEntries: 1000,
    // Sheet XML packs about 10:1 (shared strings 16:1); deflate's ceiling is about 1030:1.
    maxRatio: 200,
    ratioCheckFromBytes: MiB,
  };
}

/** The sizes the central directory declares. JSZip keeps them in `_data` (private; its index.d.ts types it in a comment). */
function declaredSizes(entry: JSZip.JSZipObject): { packed: number; unpacked: number } {
  const data = (entry as unknown as { _data?: { compressedSize?: unknown; uncompressedSize?: unknown } })._data;
  if (typeof data?.compressedSize !== 'number' || typeof data.uncompressedSize !== 'number') {
    throw new Error('jszip no longer exposes the declared entry sizes: xlsx-zip-limits needs updating');
  }
  return { packed: data.compressedSize, unpacked: data.uncompressedSize };
}

/** Inflates an entry, keeping nothing: its size, or, once past `stopAt`, a size over `stopAt` (it stops there). */
function inflatedSize(entry: JSZip.JSZipObject, stopAt: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const stream = entry.nodeStream('nodebuffer') as Readable;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > stopAt) {
        stream.removeAllListeners('data');
        stream.pause();
        resolve(size);
      }
    });
    stream.on('end', () => resolve(size));
    stream.on('error', reject);
  });
}

const mb = (bytes: number) => Math.ceil(bytes / MiB);

/** Refuses (UnreadableFileError) an XLSX that would unpack past `limits`; reads it with JSZip as exceljs will. */
export async function checkXlsxZip(buf: Buffer, limits: XlsxZipLimits): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf); // reads the central directory; unpacks nothing
  } catch {
    throw new UnreadableFileError('not-a-spreadsheet', { format: 'XLSX' }, 'not a readable XLSX workbook');
  }
  const entries = Object.values(zip.files).filter((e) => !e.dir);
  if (entries.length > limits.maxEntries) {
    throw new UnreadableFileError('zip-too-many-entries', { count: entries.length, limit: limits.maxEntries }, `the XLSX holds ${entries.length} files, over the limit of ${limits.maxEntries}`);
  }
  let declaredTotal = 0;
  for (const entry of entries) {
    const { packed, unpacked } = declaredSizes(entry);
    const ratio = unpacked / Math.max(packed, 1);
    if (unpacked > limits.ratioCheckFromBytes && ratio > limits.maxRatio) {
      throw new UnreadableFileError('zip-ratio-too-high', { entry: entry.name, ratio: Math.round(ratio), limit: limits.maxRatio }, `${entry.name} in the XLSX is compressed ${Math.round(ratio)}:1, over the limit of ${limits.maxRatio}:1 (a zip bomb?)`);
    }
    declaredTotal += unpacked;
  }
  const tooLarge = (size: number) =>
    new UnreadableFileError('zip-too-large', { sizeMb: mb(size), limitMb: mb(limits.maxUnpackedBytes) }, `the XLSX unpacks to ${mb(size)} MB, over the limit of ${mb(limits.maxUnpackedBytes)} MB for this import`);
  if (declaredTotal > limits.maxUnpackedBytes) throw tooLarge(declaredTotal);

  for (const entry of entries) {
    const declared = declaredSizes(entry).unpacked;
    let actual: number;
    try {
      actual = await inflatedSize(entry, declared);
    } catch {
      throw new UnreadableFileError('not-a-spreadsheet', { format: 'XLSX' }, `not a readable XLSX workbook (${entry.name} does not unpack)`);
    }
    if (actual > declared) throw new UnreadableFileError('zip-sizes-false', { entry: entry.name }, `${entry.name} in the XLSX unpacks to more than its zip header declares (a zip bomb?)`);
  }
}
