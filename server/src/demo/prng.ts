/**
 * A tiny seeded pseudo-random number generator for the demo data source.
 *
 * The demo county, its roster and its basemap must come out byte-identical for the same seed,
 * on every start and on every machine, so nothing here touches an unseeded random source. The generator is
 * mulberry32 (32-bit state, period 2^32, good enough for scattering villages); each concern draws
 * from its own stream (`rngFor(seed, 'rivers')`), so changing how villages are placed does not
 * move the rivers.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32 by Tommy Ettinger: one 32-bit word of state, integer arithmetic only. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the UTF-16 code units of `text`, mixed with `seed`: a 32-bit stream id. */
function hash32(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** An independent stream for one concern of the demo world, derived from the seed and a label. */
export function rngFor(seed: number, label: string): Rng {
  return mulberry32(hash32(seed, label));
}

/** A uniform number in [min, max). */
export function uniform(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng();
}

/** A uniform integer in [min, max] (both ends included). */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** A standard normal deviate (Box–Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]: log(0) is not a number
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** One element, uniformly. The array must not be empty. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(rng() * items.length)] as T;
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
