import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildDemoWorld, DEMO_SEED, demoWorld } from './world.js';

describe('the demo world', () => {
  it('is the same world on every machine (golden fingerprint of seed 1, every layer)', () => {
    // Covers what the region fingerprint does not: outlines, polygons, rivers, reservoirs, roads.
    // If you change the generator on purpose, update this hash; if it changes by itself (a
    // refactor that moved a draw, another Node version or platform), the demo is no longer the same.
    const hash = createHash('sha256').update(JSON.stringify(buildDemoWorld(1))).digest('hex');
    expect(hash).toBe('dbcfa89e95c697adb08026714af7adcd73e2501f228094ac7898d4f11274e6e6');
  });

  it('is built once per seed and kept', () => {
    const world = demoWorld();
    expect(world.seed).toBe(DEMO_SEED);
    expect(demoWorld(DEMO_SEED)).toBe(world);
    expect(demoWorld(2)).not.toBe(world);
    expect(JSON.stringify(buildDemoWorld(DEMO_SEED))).toBe(JSON.stringify(world));
  });
});
