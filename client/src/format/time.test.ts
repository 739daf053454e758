import { describe, expect, it } from 'vitest';
import { coarseDuration } from './duration';
import { formatCst } from './time';

// 20:05:09 on 9 October 2024 in Beijing.
const AT = '2024-10-09T12:05:09.000Z';

describe('formatCst', () => {
  it('shows China Standard Time whatever the zone of the machine', () => {
    expect(formatCst(AT, 'zh-CN', 'clock')).toBe('20:05:09');
    expect(formatCst(AT, 'en', 'clock')).toBe('20:05:09');
    expect(formatCst(Date.parse(AT), 'zh-CN', 'time')).toBe('20:05');
  });
  it('crosses midnight into the next Beijing day', () => {
    expect(formatCst('2024-10-09T17:00:00Z', 'zh-CN', 'dateTime')).toBe('10/10 01:00');
  });
  it('gives an empty string for an invalid instant', () => {
    expect(formatCst('not a time', 'zh-CN', 'clock')).toBe('');
  });
});

describe('coarseDuration', () => {
  it('picks the largest whole unit', () => {
    expect(coarseDuration(-5)).toEqual({ unit: 'seconds', n: 0 });
    expect(coarseDuration(59_999)).toEqual({ unit: 'seconds', n: 59 });
    expect(coarseDuration(60_000)).toEqual({ unit: 'minutes', n: 1 });
    expect(coarseDuration(2 * 3_600_000 + 5)).toEqual({ unit: 'hours', n: 2 });
    expect(coarseDuration(3 * 86_400_000)).toEqual({ unit: 'days', n: 3 });
  });
});
