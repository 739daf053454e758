/** The shapes of the demo world (`../world.ts`), in kilometres on the local plane (`../planar.ts`). */
import type { PolygonKm, Pt, Ring } from '../planar.js';

export interface DemoTownship {
  code: string;
  name: string;
  kind: '镇' | '乡';
  /** The township government's seat (the label point and the Voronoi site). */
  seat: Pt;
  /** Usually one polygon; a second one when a ragged border cuts off a sliver. */
  polygons: PolygonKm[];
}

export interface DemoVillage {
  code: string;
  name: string;
  townshipCode: string;
  position: Pt;
  households: number;
  population: number;
}

export interface DemoRiver {
  name: string;
  /** 1 for the main river, 2 for a tributary. */
  rank: 1 | 2;
  /** Upstream first. */
  line: Pt[];
}

export interface DemoReservoir {
  name: string;
  river: string;
  ring: Ring;
}

export interface DemoRoad {
  /** Route number: S… for the provincial road, X… for county roads (县道). */
  ref: string;
  name: string;
  class: 'provincial' | 'county';
  line: Pt[];
}

export interface DemoWorld {
  seed: number;
  county: { code: string; name: string; ring: Ring; seat: Pt; labelPoint: Pt };
  townships: DemoTownship[];
  villages: DemoVillage[];
  rivers: DemoRiver[];
  reservoirs: DemoReservoir[];
  roads: DemoRoad[];
}
