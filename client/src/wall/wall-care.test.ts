import { describe, expect, it } from 'vitest';
import { BURN_IN_STEP_MS, burnInOffset, isNight, parseNightSetting } from './wall-care';

describe('burnInOffset', () => {
  it('visits eight distinct positions within 2 px, one step every few minutes, then repeats', () => {
    const seen = Array.from({ length: 8 }, (_, i) => burnInOffset(i * BURN_IN_STEP_MS));
    expect(new Set(seen.map((p) => `${p.x},${p.y}`)).size).toBe(8);
    for (const p of seen) expect(Math.max(Math.abs(p.x), Math.abs(p.y))).toBeLessThanOrEqual(2);
    expect(burnInOffset(8 * BURN_IN_STEP_MS)).toEqual(burnInOffset(0));
    expect(burnInOffset(BURN_IN_STEP_MS - 1)).toEqual(burnInOffset(0));
  });
});

describe('isNight', () => {
  it.each([
    ['2026-07-01T13:59:00Z', false], // 21:59 CST
    ['2026-07-01T14:00:00Z', true], //  22:00 CST
    ['2026-07-01T21:59:00Z', true], //  05:59 CST next day
    ['2026-07-01T22:00:00Z', false], // 06:00 CST
    ['2026-01-15T15:30:00Z', true], //  23:30 CST in winter: no daylight saving
  ])('at %s night is %s (China Standard Time)', (at, night) => {
    expect(isNight(Date.parse(at))).toBe(night);
  });
  it('can be forced on or off', () => {
    expect(isNight(Date.parse('2026-07-01T04:00:00Z'), 'on')).toBe(true);
    expect(isNight(Date.parse('2026-07-01T15:00:00Z'), 'off')).toBe(false);
    expect(parseNightSetting('on')).toBe('on');
    expect(parseNightSetting('bogus')).toBe('auto');
  });
});
