import type { ErrorBody, HazardItem, PatrolRecord } from '@watchfloor/shared';
import { ApiError, requestJson } from '../api/http';

/** The ledger's filters, as the REST query takes them. */
export interface LedgerQuery {
  state?: string;
  township?: string;
  kind?: string;
  overdue?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export interface LedgerPage {
  total: number;
  items: HazardItem[];
}

function queryString(q: Partial<LedgerQuery>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '' && v !== false) params.set(k, String(v));
  return params.toString();
}

export const fetchLedgerPage = (q: LedgerQuery, token: string) => requestJson<LedgerPage>('GET', `/api/hazards?${queryString(q)}`, { token });

export const fetchHazard = (id: string, token: string) => requestJson<{ item: HazardItem; patrols: PatrolRecord[] }>('GET', `/api/hazards/${encodeURIComponent(id)}`, { token });

/** Downloads the filtered ledger as a file (the bearer token cannot ride on a plain link). */
export async function downloadLedger(q: Partial<LedgerQuery>, format: 'csv' | 'xlsx', token: string): Promise<void> {
  const { page: _p, pageSize: _s, ...filters } = q;
  const res = await fetch(`/api/hazards/export?${queryString({ ...filters })}&format=${format}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new ApiError(res.status, { code: 'invalid', message: `HTTP ${res.status}` });
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `hazards.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Uploads an evidence photo; resolves with its id. */
export async function uploadPhoto(file: File, token: string): Promise<string> {
  const form = new FormData();
  form.append('photo', file, file.name);
  const res = await fetch('/api/hazards/photos', { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  const body = (await res.json().catch(() => ({}))) as { photoId?: string } & Partial<ErrorBody>;
  if (!res.ok || !body.photoId) throw new ApiError(res.status, { code: body.code ?? 'invalid', message: body.message ?? `HTTP ${res.status}` });
  return body.photoId;
}

/** An evidence photo (or its thumbnail) as a blob: an <img src> cannot carry the bearer token. */
export async function fetchPhoto(photoId: string, token: string, thumb: boolean): Promise<Blob> {
  const res = await fetch(`/api/hazards/photos/${encodeURIComponent(photoId)}${thumb ? '?thumb=true' : ''}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as Partial<ErrorBody>;
    throw new ApiError(res.status, { code: body.code ?? 'invalid', message: body.message ?? `HTTP ${res.status}` });
  }
  return res.blob();
}
