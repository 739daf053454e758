import type { ErrorBody, ImportRejection } from '@watchfloor/shared';
import { ApiError } from '../api/http';

/** What an import route answers, imported or not: how many rows went in, and each refused row. */
export interface ImportAnswer {
  imported: number;
  rejected: ImportRejection[];
}

export type ImportFormat = 'csv' | 'xlsx' | 'geojson';

/** The format a file's name says, among those the import takes; CSV when the name says nothing. */
export function importFormatOf(name: string, formats: readonly ImportFormat[]): ImportFormat {
  if (/\.xlsx$/i.test(name) && formats.includes('xlsx')) return 'xlsx';
  if (/\.(geo)?json$/i.test(name) && formats.includes('geojson')) return 'geojson';
  return 'csv';
}

/** Sends the file as the body; a 422 is an answer (the rejected rows), not a failure. */
export async function uploadImportFile(endpoint: string, file: File, query: Record<string, string>, token: string): Promise<ImportAnswer> {
  let res: Response;
  try {
    res = await fetch(`${endpoint}?${new URLSearchParams(query)}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' }, body: file });
  } catch (error) {
    throw new ApiError(0, { code: 'unavailable', message: error instanceof Error ? error.message : String(error) });
  }
  const body = (await res.json().catch(() => ({}))) as ImportAnswer & Partial<ErrorBody>;
  if (res.status === 201 || res.status === 422) return { imported: body.imported, rejected: body.rejected };
  throw new ApiError(res.status, { code: body.code ?? 'invalid', message: body.message ?? `HTTP ${res.status}`, ...(body.detail ? { detail: body.detail } : {}) });
}
