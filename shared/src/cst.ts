/**
 * China Standard Time (UTC+8, no daylight saving since 1991) by plain offset arithmetic, so
 * deadlines never depend on the host's time zone or its tz database.
 */
export const CST_OFFSET_MS = 8 * 3600_000;

/** The CST calendar day of an instant, `YYYY-MM-DD`. */
export function cstDay(instant: Date | number): string {
  return new Date(new Date(instant).getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of a CST wall-clock time (`HH:MM`) on a CST day (`YYYY-MM-DD`). */
export function cstInstant(day: string, hhmm: string): Date {
  return new Date(Date.parse(`${day}T${hhmm}:00.000Z`) - CST_OFFSET_MS);
}

/** `HH:MM` 00:00–23:59. */
export const HHMM_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The first instant strictly after `after` that falls on one of the CST times of day `slots` (`HH:MM`). */
export function nextCstSlot(after: Date, slots: readonly string[]): Date {
  const day = cstDay(after);
  const candidates: number[] = [];
  for (const offsetDays of [0, 1]) {
    const d = cstDay(Date.parse(`${day}T00:00:00.000Z`) - CST_OFFSET_MS + offsetDays * 86_400_000);
    for (const s of slots) candidates.push(cstInstant(d, s).getTime());
  }
  const next = candidates.filter((t) => t > after.getTime()).sort((a, b) => a - b)[0];
  if (next === undefined) throw new Error('no follow-up slots configured');
  return new Date(next);
}

/** An instant as ISO 8601 in CST with its offset, seconds precision: `2024-06-01T08:00:00+08:00`. */
export function cstIso(instant: Date | number | string): string {
  return `${new Date(new Date(instant).getTime() + CST_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** The CST hour of day (0–23) of an instant. */
export function cstHour(instant: Date | number): number {
  return new Date(new Date(instant).getTime() + CST_OFFSET_MS).getUTCHours();
}
