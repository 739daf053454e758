import { cstHour } from '@watchfloor/shared';

/**
 * Care for a screen that runs for weeks: a slow pixel shift against burn-in, and a night mode.
 * Pure functions of the time, so they test without a DOM.
 */

/** The wall moves to the next position of its orbit this often, in ms. */
export const BURN_IN_STEP_MS = 3 * 60_000;
/** How far the wall moves from its rest position, in CSS px: invisible across a hall. */
export const BURN_IN_AMPLITUDE_PX = 2;

/** Eight positions around the rest point, then back: static edges never sit on the same pixels. */
const ORBIT: ReadonlyArray<readonly [number, number]> = [
  [0, 0], [1, 0], [1, 1], [0, 1], [-1, 1], [-1, 0], [-1, -1], [0, -1],
];

export function burnInOffset(nowMs: number, amplitudePx = BURN_IN_AMPLITUDE_PX): { x: number; y: number } {
  const [dx, dy] = ORBIT[Math.floor(nowMs / BURN_IN_STEP_MS) % ORBIT.length]!;
  return { x: dx * amplitudePx, y: dy * amplitudePx };
}

/** Night, in CST hours: the hall is dim, the screen follows. */
export const NIGHT_FROM_HOUR = 22;
export const NIGHT_UNTIL_HOUR = 6;

export type NightSetting = 'auto' | 'on' | 'off';

export function isNight(nowMs: number, setting: NightSetting = 'auto'): boolean {
  if (setting !== 'auto') return setting === 'on';
  const hour = cstHour(nowMs);
  return hour >= NIGHT_FROM_HOUR || hour < NIGHT_UNTIL_HOUR;
}

export function parseNightSetting(value: unknown): NightSetting {
  return value === 'on' || value === 'off' ? value : 'auto';
}
