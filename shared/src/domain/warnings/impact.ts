/**
 * Impact of a warning area (影响分析): the villages whose centre lies inside, their households and
 * people, and any located things (hazard points, shelters, teams, stations) inside, with turf.
 */
import type { LonLat, RegionState, Village } from '../region.js';
import { areaContains, type WarningArea } from './area.js';

export interface Located {
  id: string;
  name: string;
  location: LonLat;
}

export interface Impact {
  villages: Array<Pick<Village, 'code' | 'name' | 'townshipCode' | 'households' | 'population'>>;
  townships: string[];
  households: number;
  population: number;
  /** Per layer (e.g. "hazardPoints", "shelters", "teams", "stations"): the ones inside. */
  inside: Record<string, Located[]>;
}

export function warningImpact(area: WarningArea, region: RegionState, layers: Record<string, readonly Located[]> = {}): Impact {
  const villages = Object.values(region.villages)
    .filter((v) => areaContains(area, v.center))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(({ code, name, townshipCode, households, population }) => ({ code, name, townshipCode, households, population }));
  const inside: Record<string, Located[]> = {};
  for (const [key, items] of Object.entries(layers)) inside[key] = items.filter((i) => areaContains(area, i.location));
  return {
    villages,
    townships: [...new Set(villages.map((v) => v.townshipCode))].sort(),
    households: villages.reduce((n, v) => n + v.households, 0),
    population: villages.reduce((n, v) => n + v.population, 0),
    inside,
  };
}
