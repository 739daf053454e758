import type { FeatureCollection } from 'geojson';
import type { HazardPin, HazardState, RiskLevel } from '@watchfloor/shared';
import type { MapOverlay } from '../map/overlays';

export const RISK_COLOURS: Record<RiskLevel, string> = { major: '#ff3b30', high: '#ff9500', medium: '#ffd60a', low: '#4cc3ff' };
/** A closed point fades; open ones are solid. */
const STATE_OPACITY: Record<HazardState, number> = { found: 1, ledgered: 1, rectifying: 1, rectified: 0.8, closed: 0.3 };

export interface HazardMapFilter {
  kind?: string;
  township?: string;
  state?: string;
}

/**
 * The hazard layer: points coloured by risk, faded when closed, ringed red when overdue and
 * white while being rectified; `changed` ids (recent changes) get a halo so the wall shows what
 * moved. Clustered when zoomed out, so thousands of points stay smooth.
 */
export function hazardOverlay(pins: readonly HazardPin[], filter: HazardMapFilter = {}, changed: ReadonlySet<string> = new Set()): MapOverlay {
  const data: FeatureCollection = {
    type: 'FeatureCollection',
    features: pins
      .filter((p) => p.location && (!filter.kind || p.kind === filter.kind) && (!filter.township || p.townshipCode === filter.township) && (!filter.state || p.state === filter.state))
      .map((p) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: p.location! },
        properties: {
          id: p.id,
          color: RISK_COLOURS[p.riskLevel],
          opacity: STATE_OPACITY[p.state],
          ring: p.overdue ? '#ff2d55' : p.state === 'rectifying' ? '#ffffff' : '#07111f',
          ringWidth: p.overdue ? 3 : 1,
          changed: changed.has(p.id) ? 1 : 0,
        },
      })),
  };
  return {
    id: 'hazards',
    data,
    cluster: { radius: 40, maxZoom: 11 },
    layers: [
      { id: 'hazards-cluster', type: 'circle', filter: ['has', 'point_count'], paint: { 'circle-color': 'rgba(255, 149, 0, 0.75)', 'circle-radius': ['step', ['get', 'point_count'], 12, 20, 16, 100, 22], 'circle-stroke-width': 1.5, 'circle-stroke-color': '#07111f' } },
      { id: 'hazards-cluster-count', type: 'symbol', filter: ['has', 'point_count'], layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-size': 12 }, paint: { 'text-color': '#07111f' } },
      { id: 'hazards-changed', type: 'circle', filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'changed'], 1]], paint: { 'circle-radius': 13, 'circle-color': '#ffffff', 'circle-opacity': 0.35, 'circle-blur': 0.4 } },
      { id: 'hazards-point', type: 'circle', filter: ['!', ['has', 'point_count']], paint: { 'circle-radius': 6, 'circle-color': ['get', 'color'], 'circle-opacity': ['get', 'opacity'], 'circle-stroke-color': ['get', 'ring'], 'circle-stroke-width': ['get', 'ringWidth'] } },
    ],
  };
}
