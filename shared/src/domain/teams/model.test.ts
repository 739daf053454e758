import { describe, expect, it } from 'vitest';
import { POSITION_OFFLINE_AFTER_MS, POSITION_STALE_AFTER_MS, positionAge, positionBodySchema } from './model.js';

describe('positions', () => {
  const at = '2024-10-09T12:00:00.000Z';
  const t0 = Date.parse(at);
  it.each([
    [0, 'live'],
    [POSITION_STALE_AFTER_MS - 1, 'live'],
    [POSITION_STALE_AFTER_MS, 'stale'],
    [POSITION_OFFLINE_AFTER_MS - 1, 'stale'],
    [POSITION_OFFLINE_AFTER_MS, 'offline'],
  ] as const)('%i ms old is %s', (age, expected) => {
    expect(positionAge(at, t0 + age)).toBe(expected);
  });

  it.each([
    [{ lon: 110.5, lat: 30.2 }, true],
    [[{ lon: 110.5, lat: 30.2 }, { lon: 110.6, lat: 30.3, speed: 12, heading: 90 }], true],
    [{ lon: 181, lat: 30 }, false],
    [{ lon: 110, lat: -91 }, false],
    [{ lon: '110', lat: 30 }, false],
    [{ lon: 110, lat: 30, at: 'yesterday' }, false],
    [{ lon: 110, lat: 30, extra: 1 }, false],
    [[], false],
  ])('%j valid: %s', (body, ok) => {
    expect(positionBodySchema.safeParse(body).success).toBe(ok);
  });
});
