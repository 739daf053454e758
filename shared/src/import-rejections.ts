import { z } from 'zod';

/**
 * Why an import refused a row, as a code the client translates (zh-CN, en) with its `params`.
 * `reason` stays beside it in English for logs, scripts and older clients.
 */
export const IMPORT_REJECTION_CODES = [
  // A cell, by its column (`column` as the file heads it, `field` the English key).
  'missing-value',
  'invalid-value',
  'too-small',
  'too-big',
  'not-a-date',
  'date-missing',
  'not-a-time',
  'not-a-whole-number',
  // Places.
  'lon-lat-not-numbers',
  'outside-china',
  'unknown-township',
  'unknown-village',
  'village-not-in-township',
  // The same thing twice.
  'id-twice',
  'id-in-ledger',
  'name-twice',
  // Hazard ledger rules.
  'natural-needs-location',
  'state-needs-rectification',
  'supervision-needs-major-risk',
  'closed-needs-acceptance',
  'no-rectification',
  'rectifier-cannot-accept',
  'accepted-but-not-closed',
  // Rescue teams.
  'unknown-kind',
  'unknown-level',
  'bad-equipment',
  // Duty roster.
  'two-officers',
  'shift-ends-before-start',
  'shift-too-long',
  'shift-people-not-distinct',
  'overlaps-in-file',
  'overlaps-on-record',
] as const;
export type ImportRejectionCode = (typeof IMPORT_REJECTION_CODES)[number];

/** Values a rejection's message interpolates: cell text, column names, numbers. */
export type RejectionParams = Record<string, string | number>;

/** What is wrong with one row, without its row number. */
export interface RowRefusal {
  code: ImportRejectionCode;
  params: RejectionParams;
  /** The same in English, for logs and older clients. */
  reason: string;
}

/** A refusal, named once: `refusal('outside-china', { lon, lat }, 'location … is outside China')`. */
export const refusal = (code: ImportRejectionCode, params: RejectionParams, reason: string): RowRefusal => ({ code, params, reason });

/** One refused row of an import file as the import routes answer it: spreadsheet row number (header = 1) and why. */
export const importRejectionSchema = z.object({
  row: z.number().int(),
  code: z.enum(IMPORT_REJECTION_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  reason: z.string(),
});
export type ImportRejection = z.infer<typeof importRejectionSchema>;

/**
 * Why an import refused a whole file (HTTP 400), as a code the client translates with its
 * `params`, like a row's. Sent as the error body's `detail`; `message` stays beside it in English.
 */
export const IMPORT_FILE_ERROR_CODES = [
  'empty-file', // no bytes, or no header row
  'no-rows', // a header and nothing under it
  'too-many-rows', // { limit }
  'missing-column', // { columns }: the header lacks required columns, as "名称 (name), …"
  'broken-csv-quote', // { line }: a quote that never closes, or text after a closing quote
  'not-a-csv', // { line }
  'not-a-spreadsheet', // { format }: not a readable XLSX workbook
  'no-sheet', // the workbook has no worksheet
  'too-many-columns', // { limit }: cells beyond column `limit` of the sheet
  'zip-too-large', // { sizeMb, limitMb }: the XLSX unpacks to more than the import allows
  'zip-too-many-entries', // { count, limit }
  'zip-ratio-too-high', // { entry, ratio, limit }: one entry compressed more than any real sheet
  'zip-sizes-false', // { entry }: an entry unpacks to more than its zip header says
  'not-json', // GeoJSON that is not JSON
  'not-geojson', // JSON that is not a FeatureCollection
] as const;
export type ImportFileErrorCode = (typeof IMPORT_FILE_ERROR_CODES)[number];

/** A refused file's reason in a 400 body (`detail`): its code and the values its message needs. */
export const importFileErrorSchema = z.object({
  code: z.enum(IMPORT_FILE_ERROR_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ImportFileError = z.infer<typeof importFileErrorSchema>;
