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
