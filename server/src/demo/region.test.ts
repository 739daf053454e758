import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { regionDefinedSchema } from '@watchfloor/shared';
import { buildDemoRegion, regionOf } from './region.js';
import { buildDemoWorld } from './world.js';

const region = buildDemoRegion();

describe('buildDemoRegion', () => {
  it('is a valid region:define payload', () => {
    expect(regionDefinedSchema.safeParse(region).success).toBe(true);
    expect(region.county).toMatchObject({ code: '429901', name: '示范县' });
  });

  it('gives byte-identical output for the same seed, built from scratch', () => {
    const fresh = JSON.stringify(regionOf(buildDemoWorld(1)));
    expect(fresh).toBe(JSON.stringify(region));
    expect(JSON.stringify(buildDemoRegion(1))).toBe(fresh);
    expect(JSON.stringify(buildDemoRegion(2))).not.toBe(fresh);
  });

  it('is the same county on every machine (golden fingerprint of seed 1)', () => {
    // If you change the generator on purpose, update this hash; if it changes by itself
    // (another Node version or platform), the demo is no longer deterministic.
    const hash = createHash('sha256').update(JSON.stringify(region)).digest('hex');
    expect(hash).toBe(GOLDEN_SHA256);
  });

  it('has 15 townships with unique names and codes 429901 + 1xx/2xx + 000', () => {
    expect(region.townships).toHaveLength(15);
    expect(new Set(region.townships.map((t) => t.name)).size).toBe(15);
    expect(new Set(region.townships.map((t) => t.code)).size).toBe(15);
    for (const t of region.townships) {
      expect(t.code).toMatch(/^429901[12]\d\d000$/);
      expect(t.name).toMatch(/^.{1,6}[镇乡]$/);
      // Towns are numbered 1xx and rural townships 2xx, as in 统计用区划代码.
      expect(t.code.charAt(6)).toBe(t.name.endsWith('乡') ? '2' : '1');
    }
    expect(region.townships.find((t) => t.code === '429901100000')?.name).toBe('城关镇');
    expect(region.townships.map((t) => t.name)).toContain('龙潭乡');
    expect(region.county.center).toEqual(region.townships.find((t) => t.name === '城关镇')?.center);
  });

  it('has 280–320 villages with unique names and codes under their township', () => {
    const { villages } = region;
    expect(villages.length).toBeGreaterThanOrEqual(280);
    expect(villages.length).toBeLessThanOrEqual(320);
    expect(new Set(villages.map((v) => v.code)).size).toBe(villages.length);
    expect(new Set(villages.map((v) => v.name)).size).toBe(villages.length);
    const townships = new Set(region.townships.map((t) => t.code));
    for (const v of villages) {
      expect(townships.has(v.townshipCode)).toBe(true);
      expect(v.code).toMatch(/^\d{12}$/);
      expect(v.code.slice(0, 9)).toBe(v.townshipCode.slice(0, 9));
      expect(v.name.endsWith('村')).toBe(true);
    }
    // Every township has a realistic share of them.
    for (const t of region.townships) {
      expect(villages.filter((v) => v.townshipCode === t.code).length).toBeGreaterThanOrEqual(10);
    }
  });

  it('has realistic households and population', () => {
    let people = 0;
    for (const v of region.villages) {
      expect(v.households).toBeGreaterThanOrEqual(150);
      expect(v.households).toBeLessThanOrEqual(800);
      expect(v.population / v.households).toBeGreaterThanOrEqual(2.6);
      expect(v.population / v.households).toBeLessThanOrEqual(3.3);
      people += v.population;
    }
    // A mountain county of 15 townships: a few hundred thousand rural residents.
    expect(people).toBeGreaterThan(200_000);
    expect(people).toBeLessThan(500_000);
  });

  it('puts everything in the fictional box around lon 110.3–110.8, lat 30.2–30.6', () => {
    const centers = [region.county.center, ...region.townships.map((t) => t.center), ...region.villages.map((v) => v.center)];
    for (const [lon, lat] of centers) {
      expect(lon).toBeGreaterThan(110.25);
      expect(lon).toBeLessThan(110.85);
      expect(lat).toBeGreaterThan(30.15);
      expect(lat).toBeLessThan(30.65);
      expect(Math.round(lon * 1e6) / 1e6).toBe(lon);
      expect(Math.round(lat * 1e6) / 1e6).toBe(lat);
    }
  });

  it('keeps its invariants for other seeds too', () => {
    for (const seed of [2, 3, 4, 5]) {
      const r = buildDemoRegion(seed);
      expect(regionDefinedSchema.safeParse(r).success).toBe(true);
      expect(r.townships).toHaveLength(15);
      expect(r.villages.length).toBeGreaterThanOrEqual(280);
      expect(r.villages.length).toBeLessThanOrEqual(320);
      expect(new Set(r.villages.map((v) => v.name)).size).toBe(r.villages.length);
    }
  });
});

const GOLDEN_SHA256 = 'f23d3ace7a246c9266f04603b2b0a5c853fdc114e3073fcf50ff7ada1a9a3d3a';
