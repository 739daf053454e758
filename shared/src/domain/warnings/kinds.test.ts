import { describe, expect, it } from 'vitest';
import { capCircleFrom, capPolygonFromRing, circleFromCap, ringFromCapPolygon } from './area.js';
import { cstStamp, capDateTime, gbtIdentifier, GBT_IDENTIFIER_PATTERN } from './identifier.js';
import { COLOUR_TO_CAP_SEVERITY, colourFromCapSeverity, kindFromEventText, kindHasColour, WARNING_KINDS, type CapSeverity, type WarningColour, type WarningKind } from './kinds.js';

describe('warning kinds carry the colours they are really issued in', () => {
  it.each<[WarningKind, WarningColour[]]>([
    ['typhoon', ['blue', 'yellow', 'orange', 'red']],
    ['rainstorm', ['blue', 'yellow', 'orange', 'red']],
    ['blizzard', ['blue', 'yellow', 'orange', 'red']],
    ['cold-wave', ['blue', 'yellow', 'orange', 'red']],
    ['gale', ['blue', 'yellow', 'orange', 'red']],
    ['sandstorm', ['yellow', 'orange', 'red']],
    ['heat-wave', ['yellow', 'orange', 'red']],
    ['drought', ['orange', 'red']],
    ['lightning', ['yellow', 'orange', 'red']],
    ['hail', ['orange', 'red']],
    ['frost', ['blue', 'yellow', 'orange']],
    ['heavy-fog', ['yellow', 'orange', 'red']],
    ['haze', ['yellow', 'orange', 'red']],
    ['road-icing', ['yellow', 'orange', 'red']],
  ])('%s: %j', (kind, colours) => {
    expect(WARNING_KINDS[kind].colours).toEqual(colours);
    expect(WARNING_KINDS[kind].group).toBe('meteorological');
  });
  it('has the 14 meteorological signals and the other departments’ kinds', () => {
    expect(Object.values(WARNING_KINDS).filter((k) => k.group === 'meteorological')).toHaveLength(14);
    for (const k of ['flash-flood', 'geological-hazard', 'flood', 'forest-fire'] as const) expect(WARNING_KINDS[k]).toBeDefined();
    expect(kindHasColour('heavy-fog', 'blue')).toBe(false);
    expect(kindHasColour('frost', 'red')).toBe(false);
  });
});

describe('CAP severity ↔ colour', () => {
  it.each<[WarningColour, string]>([
    ['red', 'Extreme'],
    ['orange', 'Severe'],
    ['yellow', 'Moderate'],
    ['blue', 'Minor'],
  ])('%s exports as %s', (colour, severity) => expect(COLOUR_TO_CAP_SEVERITY[colour]).toBe(severity));

  it.each<[CapSeverity, WarningKind, WarningColour]>([
    ['Extreme', 'rainstorm', 'red'],
    ['Severe', 'rainstorm', 'orange'],
    ['Moderate', 'rainstorm', 'yellow'],
    ['Minor', 'rainstorm', 'blue'],
    ['Unknown', 'rainstorm', 'blue'],
    // Snapped to the kind's own colours:
    ['Minor', 'drought', 'orange'],
    ['Moderate', 'hail', 'orange'],
    ['Minor', 'heavy-fog', 'yellow'],
    ['Extreme', 'frost', 'orange'],
    ['Unknown', 'heat-wave', 'yellow'],
  ])('%s %s imports as %s', (severity, kind, colour) => expect(colourFromCapSeverity(severity, kind)).toBe(colour));

  it('round-trips every colour a kind has', () => {
    for (const [kind, def] of Object.entries(WARNING_KINDS) as Array<[WarningKind, (typeof WARNING_KINDS)[WarningKind]]>) {
      for (const c of def.colours) expect(colourFromCapSeverity(COLOUR_TO_CAP_SEVERITY[c], kind)).toBe(c);
    }
  });

  it.each<[string, WarningKind]>([
    ['暴雨橙色预警', 'rainstorm'],
    ['Blizzard Warning', 'blizzard'],
    ['SEVERE THUNDERSTORM', 'lightning'],
    ['山洪灾害红色预警', 'flash-flood'],
    ['地质灾害气象风险预警', 'geological-hazard'],
    ['Child Abduction', 'other'],
  ])('event "%s" is a %s warning', (text, kind) => expect(kindFromEventText(text)).toBe(kind));
});

describe('CAP geometry is "lat,lon"; GeoJSON is [lon, lat]', () => {
  it('swaps the OASIS appendix A.2 polygon correctly', () => {
    const r = ringFromCapPolygon('38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14');
    expect(r).toEqual({ ring: [[-120.14, 38.47], [-119.95, 38.34], [-119.74, 38.52], [-119.89, 38.62], [-120.14, 38.47]] });
    if ('ring' in r) expect(capPolygonFromRing(r.ring)).toBe('38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14');
  });
  it('closes an open ring and refuses malformed ones', () => {
    expect(ringFromCapPolygon('1,2 3,4 5,6 7,8')).toMatchObject({ ring: [[2, 1], [4, 3], [6, 5], [8, 7], [2, 1]] });
    expect(ringFromCapPolygon('1,2 3,4')).toHaveProperty('error');
    expect(ringFromCapPolygon('1;2 3,4 5,6 1,2')).toHaveProperty('error');
    expect(ringFromCapPolygon('95,2 3,4 5,6 95,2')).toHaveProperty('error');
  });
  it('reads and writes circles "lat,lon radius"', () => {
    const c = circleFromCap('32.9525,-115.5527 0');
    expect(c).toEqual({ center: [-115.5527, 32.9525], radiusKm: 0 });
    expect(capCircleFrom({ center: [110.5, 30.25], radiusKm: 12 })).toBe('30.25,110.5 12');
    expect(circleFromCap('here 5')).toHaveProperty('error');
  });
});

describe('GB/T 35965.1 identifiers', () => {
  it('uses the region, sector, 000, 00, CST time and a sequence number', () => {
    const at = '2024-07-09T12:00:05.123Z';
    expect(cstStamp(at)).toBe('20240709200005');
    expect(capDateTime(at)).toBe('2024-07-09T20:00:05+08:00');
    const first = gbtIdentifier('429901', at, []);
    expect(first).toBe('42990112700000_20240709200005_1');
    expect(first).toMatch(GBT_IDENTIFIER_PATTERN);
    expect(gbtIdentifier('429901', at, [first, '42990112700000_20240709200004_7'])).toBe('42990112700000_20240709200005_2');
  });
});
