import type { Feature } from 'geojson';
import { areaFeature, areaHasGeometry, type ActiveAlarm, type Station, type Warning } from '@watchfloor/shared';
import type { MapOverlay } from '../map/overlays';
import { WARNING_COLOUR_HEX } from './warning-colours';

const colourExpr = ['match', ['get', 'colour'], 'red', WARNING_COLOUR_HEX.red, 'orange', WARNING_COLOUR_HEX.orange, 'yellow', WARNING_COLOUR_HEX.yellow, WARNING_COLOUR_HEX.blue] as const;

/** Areas of the warnings in force, filled and outlined in their colour (most serious drawn last, on top). */
export function warningAreasOverlay(warnings: readonly Warning[]): MapOverlay {
  const features: Feature[] = [...warnings]
    .reverse()
    .filter((w) => areaHasGeometry(w.area))
    .map((w) => areaFeature(w.area, { id: w.id, colour: w.colour, title: w.title }));
  return {
    id: 'warning-areas',
    data: { type: 'FeatureCollection', features },
    layers: [
      { id: 'warning-areas-fill', type: 'fill', paint: { 'fill-color': colourExpr as never, 'fill-opacity': 0.3 } },
      { id: 'warning-areas-line', type: 'line', paint: { 'line-color': colourExpr as never, 'line-width': 3 } },
    ],
  };
}

/** Monitoring stations with an alarm in force, as coloured dots. */
export function alarmStationsOverlay(alarms: readonly ActiveAlarm[], stations: Readonly<Record<string, Station>>): MapOverlay {
  const features: Feature[] = alarms.flatMap((a) => {
    const s = stations[a.stationId];
    return s ? [{ type: 'Feature' as const, properties: { id: s.id, colour: a.colour, name: s.name }, geometry: { type: 'Point' as const, coordinates: s.location } }] : [];
  });
  return {
    id: 'alarm-stations',
    data: { type: 'FeatureCollection', features },
    layers: [{ id: 'alarm-stations-dot', type: 'circle', paint: { 'circle-color': colourExpr as never, 'circle-radius': 9, 'circle-stroke-width': 2, 'circle-stroke-color': '#ffffff' } }],
  };
}
