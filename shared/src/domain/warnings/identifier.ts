import { CST_OFFSET_MS } from '../../cst.js';
/**
 * Warning identifiers in the GB/T 35965.1 form (应急信息交互协议 第1部分: 预警信息):
 * `RRRRRR SSS 000 00 _YYYYMMDDhhmmss_N`, i.e. the 6-digit administrative region code of the
 * issuer, the 3-digit sector code of the issuing department, `000` and `00` (unit and sub-unit
 * positions, unused at county level), then the issue time in China Standard Time and a sequence
 * number for warnings issued in the same second.
 */

/** The sector code our bureau issues under. Configurable in a deployment; the default is ours. */
export const DEFAULT_SECTOR_CODE = '127';

export const GBT_IDENTIFIER_PATTERN = /^\d{6}\d{3}000\d{2}_\d{14}_\d+$/;


/** "YYYYMMDDhhmmss" in CST for an instant. */
export function cstStamp(iso: string): string {
  const d = new Date(Date.parse(iso) + CST_OFFSET_MS);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** CAP 1.2 dateTime in CST: "2024-07-09T20:00:00+08:00" (the schema forbids "Z" and fractions). */
export function capDateTime(iso: string): string {
  const s = cstStamp(iso);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}+08:00`;
}

/**
 * The identifier for a warning issued at `issuedAt` by the bureau of `regionCode`.
 * `taken` are identifiers already used, so the sequence number N is the next free one that second.
 */
export function gbtIdentifier(regionCode: string, issuedAt: string, taken: Iterable<string>, sectorCode = DEFAULT_SECTOR_CODE): string {
  const region = regionCode.slice(0, 6).padEnd(6, '0');
  const prefix = `${region}${sectorCode}00000_${cstStamp(issuedAt)}_`;
  let n = 0;
  for (const id of taken) {
    if (id.startsWith(prefix)) n = Math.max(n, Number(id.slice(prefix.length)) || 0);
  }
  return `${prefix}${n + 1}`;
}
