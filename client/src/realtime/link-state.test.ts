import { describe, expect, it } from 'vitest';
import { dataAgeMs, linkHealth, STALE_AFTER_MS } from './link-state';

describe('dataAgeMs', () => {
  it('is zero while live, whenever the last event was', () => {
    expect(dataAgeMs('live', 1_000, 9_000_000)).toBe(0);
  });
  it('counts from the moment the link was last live', () => {
    expect(dataAgeMs('offline', 10_000, 25_000)).toBe(15_000);
    expect(dataAgeMs('connecting', 10_000, 25_000)).toBe(15_000);
  });
  it('is unknown when the link never was live', () => {
    expect(dataAgeMs('connecting', null, 25_000)).toBeNull();
  });
});

describe('linkHealth', () => {
  it('is live only when synced', () => {
    expect(linkHealth('live', 0)).toBe('live');
  });
  it('degrades while the picture is recent and goes offline when it is stale', () => {
    expect(linkHealth('offline', 5_000)).toBe('degraded');
    expect(linkHealth('connecting', STALE_AFTER_MS - 1)).toBe('degraded');
    expect(linkHealth('connecting', STALE_AFTER_MS)).toBe('offline');
    expect(linkHealth('offline', null)).toBe('offline');
  });
});
