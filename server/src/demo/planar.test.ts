import { describe, expect, it } from 'vitest';
import { distToLine, isSimpleRing, SegmentIndex, toKm, toLonLat, wiggle, type Pt } from './planar.js';
import { mulberry32, uniform } from './prng.js';

describe('SegmentIndex', () => {
  it('finds the same nearest distance as a full scan, up to its limit', () => {
    const rand = mulberry32(3);
    const lines = Array.from({ length: 4 }, () => wiggle([uniform(rand, -20, 0), uniform(rand, -20, 20)], [uniform(rand, 0, 20), uniform(rand, -20, 20)], rand, 0.2, 0.5));
    const index = new SegmentIndex(lines);
    for (let k = 0; k < 500; k++) {
      const p: Pt = [uniform(rand, -25, 25), uniform(rand, -25, 25)];
      const exact = Math.min(...lines.map((l) => distToLine(p, l)));
      expect(index.nearest(p, 5)).toBeCloseTo(Math.min(exact, 5), 12);
    }
  });
});

describe('plane helpers', () => {
  it('tells simple rings from self-crossing ones', () => {
    expect(isSimpleRing([[0, 0], [1, 0], [1, 1], [0, 1]])).toBe(true);
    expect(isSimpleRing([[0, 0], [1, 1], [1, 0], [0, 1]])).toBe(false);
  });

  it('wiggles between the exact end points', () => {
    const line = wiggle([0, 0], [10, 3], mulberry32(1), 0.2, 0.5);
    expect(line[0]).toEqual([0, 0]);
    expect(line.at(-1)).toEqual([10, 3]);
    expect(line.length).toBeGreaterThan(16);
  });

  it('projects to WGS-84 and back, rounded to 6 decimals', () => {
    const lonLat = toLonLat([12.3456789, -4.5678901]);
    expect(lonLat.every((v) => Math.round(v * 1e6) / 1e6 === v)).toBe(true);
    const back = toKm(lonLat);
    expect(back[0]).toBeCloseTo(12.3456789, 3);
    expect(back[1]).toBeCloseTo(-4.5678901, 3);
  });
});
