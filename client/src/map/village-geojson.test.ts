import { describe, expect, it } from 'vitest';
import type { Village } from '@watchfloor/shared';
import { boundsOf, villagesGeoJSON } from './village-geojson';

const village = (code: string, name: string, center: [number, number]): Village => ({
  code,
  name,
  townshipCode: '530102001000',
  center,
  households: 120,
  population: 410,
});

describe('villagesGeoJSON', () => {
  it('makes one point per village with its name for the label', () => {
    const fc = villagesGeoJSON([village('530102001001', '上寨村', [102.7, 25.05]), village('530102001002', '下寨村', [102.72, 25.02])]);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(2);
    expect(fc.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [102.7, 25.05] },
      properties: { code: '530102001001', name: '上寨村', townshipCode: '530102001000', households: 120, population: 410 },
    });
  });
});

describe('boundsOf', () => {
  it('spans the points', () => {
    expect(
      boundsOf([
        [102.7, 25.05],
        [102.72, 25.02],
        [102.65, 25.1],
      ]),
    ).toEqual([
      [102.65, 25.02],
      [102.72, 25.1],
    ]);
  });
  it('is null for no points', () => {
    expect(boundsOf([])).toBeNull();
  });
});
