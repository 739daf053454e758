import type { ErrorBody } from '@watchfloor/shared';
import { ApiError } from '../api/http';

export interface RosterImportAnswer {
  imported: number;
  rejected: Array<{ row: number; reason: string }>;
}

export const rosterFormatOf = (name: string): 'csv' | 'xlsx' => (/\.xlsx$/i.test(name) ? 'xlsx' : 'csv');

/** Sends the roster file as the body; a 422 is an answer (the rejected rows), not a failure. */
export async function importRosterFile(file: File, token: string): Promise<RosterImportAnswer> {
  let res: Response;
  try {
    res = await fetch(`/api/roster/import?format=${rosterFormatOf(file.name)}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' }, body: file });
  } catch (error) {
    throw new ApiError(0, { code: 'unavailable', message: error instanceof Error ? error.message : String(error) });
  }
  const body = (await res.json().catch(() => ({}))) as RosterImportAnswer & Partial<ErrorBody>;
  if (res.status === 201 || res.status === 422) return { imported: body.imported, rejected: body.rejected };
  throw new ApiError(res.status, { code: body.code ?? 'invalid', message: body.message ?? `HTTP ${res.status}` });
}
