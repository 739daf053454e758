import { z } from 'zod';
import type { JournalEvent } from '../journal.js';
import { defineCommand, type CommandDef } from '../command.js';
import { DomainError } from '../errors.js';
import { defineSlice } from '../slice.js';

/** WGS-84 longitude/latitude pair, validated to the valid range. */
export const lonLatSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export type LonLat = z.infer<typeof lonLatSchema>;

/** A 12-digit statistical area code (统计用区划代码), or a 6-digit county code. */
const areaCode = z.string().regex(/^\d{6}(\d{6})?$/, 'expected a 6- or 12-digit area code');

export const townshipSchema = z.strictObject({
  code: areaCode,
  name: z.string().min(1).max(40),
  center: lonLatSchema,
});
export type Township = z.infer<typeof townshipSchema>;

export const villageSchema = z.strictObject({
  code: areaCode,
  name: z.string().min(1).max(40),
  townshipCode: areaCode,
  center: lonLatSchema,
  households: z.number().int().min(0).max(100_000),
  population: z.number().int().min(0).max(500_000),
});
export type Village = z.infer<typeof villageSchema>;

/** Properties of a village point feature, as the basemap serves it and the map draws it. */
export type VillageFeatureProperties = Pick<Village, 'code' | 'name' | 'townshipCode' | 'households' | 'population'>;

export const regionDefinedSchema = z.strictObject({
  county: z.strictObject({ code: areaCode, name: z.string().min(1).max(40), center: lonLatSchema }),
  townships: z.array(townshipSchema).max(200),
  villages: z.array(villageSchema).max(5000),
});
export type RegionDefined = z.infer<typeof regionDefinedSchema>;

/** The administrative region the centre covers: county → townships → villages. */
export interface RegionState {
  county: RegionDefined['county'] | null;
  townships: Record<string, Township>;
  villages: Record<string, Village>;
}

export const initialRegion = (): RegionState => ({ county: null, townships: {}, villages: {} });

/** Pure reducer: the region is replaced whole when it is (re)defined. */
export function reduceRegion(state: RegionState, event: JournalEvent): RegionState {
  if (event.type !== 'region:defined') return state;
  const data = event.data as RegionDefined;
  return {
    county: data.county,
    townships: Object.fromEntries(data.townships.map((t) => [t.code, t])),
    villages: Object.fromEntries(data.villages.map((v) => [v.code, v])),
  };
}

export const regionSlice = defineSlice({ initial: initialRegion, reduce: reduceRegion });

export const defineRegion = defineCommand({
  type: 'region:define',
  summary: 'Define the administrative region: county, townships and villages',
  payload: regionDefinedSchema,
  roles: ['admin'],
  decide(_state, p) {
    const townships = new Set(p.townships.map((t) => t.code));
    p.villages.forEach((v, i) => {
      if (!townships.has(v.townshipCode)) {
        throw new DomainError('invalid', `village ${v.name} names unknown township ${v.townshipCode}`, `villages.${i}.townshipCode`);
      }
    });
    return { events: [{ type: 'region:defined', data: p }] };
  },
});

export const regionCommands: CommandDef[] = [defineRegion];
