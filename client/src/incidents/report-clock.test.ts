import { describe, expect, it } from 'vitest';
import { countdown, formatCountdown } from './report-clock';

describe('countdown', () => {
  const due = '2024-10-09T13:05:00.000Z';
  const at = (iso: string) => Date.parse(iso);
  it.each<[string, string, string, boolean, string]>([
    ['an hour out', '2024-10-09T12:05:00.000Z', 'green', false, '1:00:00'],
    ['six minutes out', '2024-10-09T12:59:00.000Z', 'green', false, '6:00'],
    ['five minutes out', '2024-10-09T13:00:00.000Z', 'amber', false, '5:00'],
    ['one second out', '2024-10-09T13:04:59.000Z', 'amber', false, '0:01'],
    ['at the deadline', '2024-10-09T13:05:00.000Z', 'red', true, '0:00'],
    ['over by 2 min 5 s', '2024-10-09T13:07:05.000Z', 'red', true, '2:05'],
  ])('%s', (_n, now, colour, overdue, text) => expect(countdown(due, at(now))).toEqual({ colour, overdue, text }));
  it('formats hours', () => expect(formatCountdown(-(3 * 3600 + 61) * 1000)).toBe('3:01:01'));
});
