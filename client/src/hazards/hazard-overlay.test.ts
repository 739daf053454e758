import { describe, expect, it } from 'vitest';
import type { HazardPin } from '@watchfloor/shared';
import { hazardOverlay } from './hazard-overlay';

const pin = (id: string, extra: Partial<HazardPin> = {}): HazardPin => ({
  id, name: id, kind: 'landslide', category: 'natural', riskLevel: 'major', townshipCode: 'A', location: [103, 29], state: 'ledgered', supervised: false, overdue: false, foundAt: '2024-07-01T00:00:00Z', ...extra,
});

describe('hazard overlay', () => {
  it('filters by kind, township and state, and clusters', () => {
    const o = hazardOverlay([pin('a'), pin('b', { kind: 'collapse' }), pin('c', { townshipCode: 'B' }), pin('d', { state: 'closed' })], { kind: 'landslide', township: 'A', state: 'ledgered' });
    expect(o.data.features.map((f) => f.properties!.id)).toEqual(['a']);
    expect(o.cluster).toBeDefined();
  });
  it('colours by risk, rings overdue items, fades closed ones, marks changes', () => {
    const [a, b, c] = hazardOverlay([pin('a', { overdue: true }), pin('b', { riskLevel: 'low', state: 'closed' }), pin('c')], {}, new Set(['c'])).data.features.map((f) => f.properties!);
    expect(a).toMatchObject({ color: '#ff3b30', ring: '#ff2d55', ringWidth: 3, changed: 0 });
    expect(b).toMatchObject({ color: '#4cc3ff', opacity: 0.3 });
    expect(c).toMatchObject({ changed: 1 });
  });
});
