import { describe, expect, it } from 'vitest';
import { demoWorld } from '../world.js';
import { MAIN_RIVER, RESERVOIR_TOWNSHIP, stem } from '../names.js';
import { dist, distToLine, isSimpleRing, pointInRing, type Pt } from '../planar.js';
import { planTributaries } from './tributary-plan.js';

describe('planTributaries', () => {
  it('picks two different seats off the main river, never the county seat', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { county, townships, rivers } = demoWorld(seed);
      const seats = townships.map((t) => t.seat);
      const main = rivers[0]!.line;
      const [first, second] = planTributaries(seats, main, county.ring);
      expect(first.seat).not.toBe(second.seat);
      for (const plan of [first, second]) {
        expect(plan.seat).not.toBe(0);
        expect(distToLine(seats[plan.seat] as Pt, main)).toBeGreaterThanOrEqual(4);
        expect(plan.reach).toBeLessThanOrEqual(9);
      }
      // The first one is 龙潭乡's, whose valley holds 龙潭水库.
      expect(townships[first.seat]?.name).toBe(RESERVOIR_TOWNSHIP);
    }
  });
});

describe('tributaries and reservoirs', () => {
  for (const seed of [1, 2, 3]) {
    it(`join the main river in one continuous line past their seat, reservoirs on them (seed ${seed})`, () => {
      const { county, townships, rivers, reservoirs } = demoWorld(seed);
      const [main, ...tributaries] = rivers;
      expect(main).toMatchObject({ name: MAIN_RIVER, rank: 1 });
      expect(tributaries).toHaveLength(2);
      expect(tributaries[0]?.name).toBe(`${stem(RESERVOIR_TOWNSHIP)}河`);
      for (const river of tributaries) {
        expect(river.rank).toBe(2);
        for (let i = 1; i < river.line.length; i++) expect(dist(river.line[i - 1] as Pt, river.line[i] as Pt)).toBeLessThan(0.5);
        // It ends on a vertex of the main river, inside the county.
        const mouth = river.line.at(-1) as Pt;
        expect(main!.line.some((p) => p[0] === mouth[0] && p[1] === mouth[1])).toBe(true);
        expect(pointInRing(mouth, county.ring)).toBe(true);
        // Its town stands on its bank, about 300 m away.
        const township = townships.find((t) => `${stem(t.name)}河` === river.name);
        expect(distToLine(township!.seat, river.line)).toBeLessThan(0.4);
      }
      expect(reservoirs.map((w) => w.name)).toContain(`${stem(RESERVOIR_TOWNSHIP)}水库`);
      for (const water of reservoirs) {
        const river = rivers.find((r) => r.name === water.river);
        expect(water.name).toBe(`${water.river.slice(0, -1)}水库`);
        expect(isSimpleRing(water.ring)).toBe(true);
        // The widened river: no shore farther from the river than the widest valley allows.
        for (const p of water.ring) expect(distToLine(p, river!.line)).toBeLessThan(0.6);
      }
    });
  }
});
