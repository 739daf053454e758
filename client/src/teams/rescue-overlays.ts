import type { FeatureCollection } from 'geojson';
import { isOut, positionAge, type PositionAge, shelterStatus, type DispatchOrder, type Shelter, type Team, type TeamPosition } from '@watchfloor/shared';
import type { MapOverlay } from '../map/overlays';

/** Marker opacity by data age: a stale marker fades, an offline one stays faint. */
const OPACITY = { live: 1, stale: 0.55, offline: 0.3 } as const;
const STATUS_COLOR: Record<Team['status'], string> = {
  standby: '#37d67a',
  dispatched: '#ffb020',
  'en-route': '#3fa7ff',
  'on-scene': '#ff5a5f',
  returning: '#b48cff',
  unavailable: '#8da2bd',
};

/**
 * Where each team is drawn: its live position, or its base. Data age only matters for a team
 * that is out: at home nobody expects a device to report, so a standby team is never "offline".
 */
export function teamMarkers(teams: readonly Team[], positions: Readonly<Record<string, TeamPosition>>, nowMs: number) {
  return teams.map((t) => {
    const p = positions[t.id];
    const age: PositionAge | 'base' = !isOut(t.status) ? 'base' : p ? positionAge(p.at, nowMs) : 'offline';
    return { team: t, lonLat: (p ? [p.lon, p.lat] : t.base.lonLat) as [number, number], age };
  });
}

export function teamsOverlay(markers: ReturnType<typeof teamMarkers>, label: (m: ReturnType<typeof teamMarkers>[number]) => string): MapOverlay {
  const data: FeatureCollection = {
    type: 'FeatureCollection',
    features: markers.map((m) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: m.lonLat },
      properties: { id: m.team.id, label: label(m), color: STATUS_COLOR[m.team.status], opacity: m.age === 'base' ? 0.85 : OPACITY[m.age], out: isOut(m.team.status) ? 1 : 0 },
    })),
  };
  return {
    id: 'rescue-teams',
    data,
    layers: [
      { id: 'rescue-teams-dot', type: 'circle', paint: { 'circle-radius': ['case', ['==', ['get', 'out'], 1], 8, 5], 'circle-color': ['get', 'color'], 'circle-opacity': ['get', 'opacity'], 'circle-stroke-width': 1.5, 'circle-stroke-color': '#07111f', 'circle-stroke-opacity': ['get', 'opacity'] } },
      // Only teams that are out are labelled: 23 labels at base would bury the map.
      { id: 'rescue-teams-label', type: 'symbol', filter: ['==', ['get', 'out'], 1], layout: { 'text-field': ['get', 'label'], 'text-size': 12, 'text-offset': [0, 1.3], 'text-anchor': 'top' }, paint: { 'text-color': '#e6eef8', 'text-halo-color': '#07111f', 'text-halo-width': 1.5, 'text-opacity': ['get', 'opacity'] } },
    ],
  };
}

export function sheltersOverlay(shelters: readonly Shelter[]): MapOverlay {
  const color = { open: '#37d67a', full: '#ff5a5f', closed: '#8da2bd' } as const;
  const data: FeatureCollection = {
    type: 'FeatureCollection',
    features: shelters.map((s) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: s.lonLat },
      properties: { id: s.id, label: `${s.occupancy}/${s.capacity}`, color: color[shelterStatus(s)] },
    })),
  };
  return {
    id: 'rescue-shelters',
    data,
    layers: [
      { id: 'rescue-shelters-box', type: 'circle', paint: { 'circle-radius': 7, 'circle-color': '#07111f', 'circle-stroke-width': 3, 'circle-stroke-color': ['get', 'color'] } },
      { id: 'rescue-shelters-label', type: 'symbol', layout: { 'text-field': ['get', 'label'], 'text-size': 11, 'text-offset': [0, -1.4], 'text-anchor': 'bottom' }, paint: { 'text-color': ['get', 'color'], 'text-halo-color': '#07111f', 'text-halo-width': 1.5 } },
    ],
  };
}

/** Dispatch routes as straight lines base → destination, one per team still on an open order. */
export function routesOverlay(orders: readonly DispatchOrder[], teams: Readonly<Record<string, Team>>): MapOverlay {
  const features: FeatureCollection['features'] = [];
  for (const o of orders) {
    for (const a of o.assignments) {
      const team = teams[a.teamId];
      if (!team || team.dispatchId !== o.id) continue;
      features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [team.base.lonLat, o.target.lonLat] }, properties: { id: `${o.id}-${a.teamId}` } });
    }
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: o.target.lonLat }, properties: { id: o.id, label: o.target.label } });
  }
  return {
    id: 'rescue-routes',
    data: { type: 'FeatureCollection', features },
    layers: [
      { id: 'rescue-routes-line', type: 'line', filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#ffb020', 'line-width': 2, 'line-dasharray': [2, 1.5] } },
      { id: 'rescue-routes-target', type: 'circle', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 6, 'circle-color': '#ff5a5f', 'circle-stroke-width': 2, 'circle-stroke-color': '#fff' } },
    ],
  };
}
