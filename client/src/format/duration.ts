export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'days';

/** A duration in the largest whole unit that fits, for "data 3 minutes old" style labels. */
export function coarseDuration(ms: number): { unit: DurationUnit; n: number } {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return { unit: 'seconds', n: s };
  if (s < 3600) return { unit: 'minutes', n: Math.floor(s / 60) };
  if (s < 86_400) return { unit: 'hours', n: Math.floor(s / 3600) };
  return { unit: 'days', n: Math.floor(s / 86_400) };
}
