import { describe, expect, it } from 'vitest';
import { dailyTrend, overallRate, overdueByKind, ratesByTownship } from './hazard-stats';

const summary = {
  counts: { 'A|gas|closed': 3, 'A|gas|rectifying': 1, 'B|landslide|ledgered': 2 },
  overdue: { 'A|gas': 1, 'B|landslide': 2 },
  daily: { '2024-07-01': { found: 2, closed: 1 } },
};
const townships = [
  { code: 'A', name: '青石镇', center: [0, 0] as [number, number] },
  { code: 'B', name: '龙潭乡', center: [0, 0] as [number, number] },
  { code: 'C', name: '空乡', center: [0, 0] as [number, number] },
];

describe('hazard numbers', () => {
  it('rates by township, without empty ones', () => {
    expect(ratesByTownship(summary, townships)).toEqual([
      { code: 'A', name: '青石镇', total: 4, closed: 3, overdue: 1, rate: 0.75 },
      { code: 'B', name: '龙潭乡', total: 2, closed: 0, overdue: 2, rate: 0 },
    ]);
  });
  it('overall rate and overdue by kind', () => {
    expect(overallRate(summary)).toEqual({ total: 6, closed: 3, rate: 0.5 });
    expect(overallRate({ counts: {} }).rate).toBe(0);
    expect(overdueByKind(summary)).toEqual([{ kind: 'landslide', n: 2 }, { kind: 'gas', n: 1 }]);
  });
  it('fills the trend with zero days', () => {
    expect(dailyTrend(summary, '2024-07-02', 3)).toEqual([
      { day: '2024-06-30', found: 0, closed: 0 },
      { day: '2024-07-01', found: 2, closed: 1 },
      { day: '2024-07-02', found: 0, closed: 0 },
    ]);
  });
});
