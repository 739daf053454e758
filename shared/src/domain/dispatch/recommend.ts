import distance from '@turf/distance';
import type { LonLat } from '../region.js';
import type { Team, TeamKind } from '../teams/model.js';

/**
 * ETA model, documented so a commander can judge the number: straight-line distance times a
 * road factor (mountain county roads wind: 1.4 is typical of county road networks), at an
 * average 40 km/h for emergency vehicles on county and township roads, plus 5 minutes to set
 * out (出动). It is an estimate for ranking, not a route.
 */
export const ETA_ROAD_FACTOR = 1.4;
export const ETA_AVERAGE_SPEED_KMH = 40;
export const ETA_TURNOUT_MIN = 5;

export interface Recommendation {
  teamId: string;
  name: string;
  kind: TeamKind;
  headcount: number;
  /** Straight-line distance from where the team is now (or its base), km, 0.1 precision. */
  distanceKm: number;
  etaMinutes: number;
  /** Kind matches the order (or the order accepts any kind). */
  suitable: boolean;
}

export function etaMinutes(distanceKm: number): number {
  return Math.round(ETA_TURNOUT_MIN + ((distanceKm * ETA_ROAD_FACTOR) / ETA_AVERAGE_SPEED_KMH) * 60);
}

/**
 * The standby teams nearest to `target`, suitable kinds first, then by distance. `positions`
 * gives a team's live position when it has one; otherwise its base counts. Pure.
 */
export function recommendTeams(
  teams: readonly Team[],
  target: LonLat,
  teamKinds: readonly TeamKind[],
  positions: ReadonlyMap<string, LonLat> = new Map(),
  limit = 5,
): Recommendation[] {
  return teams
    .filter((t) => t.status === 'standby')
    .map((t) => {
      const from = positions.get(t.id) ?? t.base.lonLat;
      const km = Math.round(distance(from, target, { units: 'kilometers' }) * 10) / 10;
      return {
        teamId: t.id,
        name: t.name,
        kind: t.kind,
        headcount: t.headcount,
        distanceKm: km,
        etaMinutes: etaMinutes(km),
        suitable: teamKinds.length === 0 || teamKinds.includes(t.kind),
      };
    })
    .sort((a, b) => Number(b.suitable) - Number(a.suitable) || a.distanceKm - b.distanceKm || a.teamId.localeCompare(b.teamId))
    .slice(0, limit);
}
