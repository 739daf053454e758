import { z } from 'zod';
import { lonLatSchema, type LonLat } from '../region.js';

/**
 * Hazard points and the hazard ledger (隐患点 / 隐患台账): what they are made of.
 * Natural-hazard points are mapped and patrolled; enterprise hazards live in the ledger.
 * Both run the same closed loop (闭环), see `loop.ts`.
 */

/** Natural-hazard kinds (自然灾害隐患点). */
export const NATURAL_HAZARD_KINDS = [
  'flash-flood', // 山洪
  'landslide', // 滑坡
  'collapse', // 崩塌
  'debris-flow', // 泥石流
  'ground-subsidence', // 地面塌陷
  'forest-fire', // 森林火险
  'dangerous-slope', // 危险边坡
  'low-lying-houses', // 低洼易涝 / 危旧房屋
  'waterlogging', // 城乡内涝
  'dam-risk', // 病险水库 / 堤防险段
] as const;

/** Enterprise hazard kinds (企业安全生产隐患). */
export const ENTERPRISE_HAZARD_KINDS = [
  'coal-mine', // 煤矿
  'non-coal-mine', // 非煤矿山
  'tailings-dam', // 尾矿库
  'hazardous-chemicals', // 危险化学品
  'fireworks', // 烟花爆竹
  'gas', // 燃气
  'construction', // 建筑施工
  'special-equipment', // 特种设备
] as const;

export const HAZARD_KINDS = [...NATURAL_HAZARD_KINDS, ...ENTERPRISE_HAZARD_KINDS] as const;
export const hazardKindSchema = z.enum(HAZARD_KINDS);
export type HazardKind = z.infer<typeof hazardKindSchema>;
export type HazardCategory = 'natural' | 'enterprise';

const NATURAL = new Set<string>(NATURAL_HAZARD_KINDS);
export const categoryOf = (kind: HazardKind): HazardCategory => (NATURAL.has(kind) ? 'natural' : 'enterprise');

/** Risk level: 重大 / 较大 / 一般 / 低. */
export const RISK_LEVELS = ['major', 'high', 'medium', 'low'] as const;
export const riskLevelSchema = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

/**
 * Where a hazard is in the closed loop: found (排查发现) → in the ledger (列入台账) →
 * being rectified (整改中) → rectified, awaiting acceptance (待验收) → accepted and closed (验收销号).
 */
export const HAZARD_STATES = ['found', 'ledgered', 'rectifying', 'rectified', 'closed'] as const;
export const hazardStateSchema = z.enum(HAZARD_STATES);
export type HazardState = z.infer<typeof hazardStateSchema>;

/** Who lists a hazard for supervision (挂牌督办): county, city or province. */
export const SUPERVISION_LEVELS = ['county', 'city', 'province'] as const;
export const supervisionLevelSchema = z.enum(SUPERVISION_LEVELS);
export type SupervisionLevel = z.infer<typeof supervisionLevelSchema>;

/** Flood-season patrols: 汛前调查, 汛中巡查, 汛后核查. */
export const PATROL_PHASES = ['pre-flood', 'in-flood', 'post-flood'] as const;
export const patrolPhaseSchema = z.enum(PATROL_PHASES);
export type PatrolPhase = z.infer<typeof patrolPhaseSchema>;

/** Ledger ids (隐患编号): letters, digits, `-` and `_`, as ledgers number them. */
export const hazardIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'expected 1 to 60 of A-Z a-z 0-9 _ -');
/** An uploaded evidence photo: the hex SHA-256 of its bytes and its extension. */
export const photoIdSchema = z.string().regex(/^[0-9a-f]{64}\.(jpg|png|webp)$/, 'expected a photo id from /api/hazards/photos');
const areaCode = z.string().regex(/^\d{12}$/, 'expected a 12-digit area code');
const person = z.string().trim().min(1).max(40);
const phone = z.string().trim().regex(/^[0-9+\- ]{3,20}$/, 'expected a phone number');
const iso = z.iso.datetime({ offset: true });

export const responsiblePersonSchema = z.strictObject({ name: person, phone });
export type ResponsiblePerson = z.infer<typeof responsiblePersonSchema>;

export const rectificationSchema = z.strictObject({
  measures: z.string().trim().min(1).max(1000),
  deadline: iso,
  rectifier: person,
  rectifierPhone: phone.optional(),
  assignedAt: iso.optional(),
  completedAt: iso.optional(),
  /** Who reported the rectification done (a user), if it is. */
  completedBy: person.optional(),
  evidence: z.array(photoIdSchema).max(10).optional(),
});
export type Rectification = z.infer<typeof rectificationSchema>;

export const supervisionSchema = z.strictObject({
  level: supervisionLevelSchema,
  deadline: iso,
  listedAt: iso.optional(),
  note: z.string().trim().max(500).optional(),
});
export type Supervision = z.infer<typeof supervisionSchema>;

/**
 * One hazard as a report, a ledger file or an export row describes it: everything a ledger
 * holds. Coordinates are WGS-84 [lon, lat]. An export row is this, so a round trip loses nothing.
 */
export const hazardRecordSchema = z.strictObject({
  id: hazardIdSchema.optional(),
  name: z.string().trim().min(1).max(100),
  kind: hazardKindSchema,
  riskLevel: riskLevelSchema,
  townshipCode: areaCode,
  villageCode: areaCode.optional(),
  location: lonLatSchema.optional(),
  responsible: z.array(responsiblePersonSchema).max(5).default([]),
  households: z.number().int().min(0).max(100_000).default(0),
  people: z.number().int().min(0).max(500_000).default(0),
  description: z.string().trim().max(2000).optional(),
  state: hazardStateSchema.default('ledgered'),
  foundAt: iso.optional(),
  foundBy: person.optional(),
  rectification: rectificationSchema.optional(),
  supervision: supervisionSchema.optional(),
  closedAt: iso.optional(),
  closedBy: person.optional(),
});
export type HazardRecordInput = z.input<typeof hazardRecordSchema>;
export type HazardRecord = z.output<typeof hazardRecordSchema>;

/** One hazard as the ledger holds it. */
export interface HazardItem extends Omit<HazardRecord, 'id' | 'foundAt' | 'foundBy'> {
  id: string;
  category: HazardCategory;
  foundAt: string;
  foundBy: string;
  /** The seq of the event that put it on record: the ledger's order. */
  createdSeq: number;
  /** Set by the overdue rule's event; cleared when a new deadline is set or the item closes. */
  overdue?: true;
  lastPatrol?: PatrolRecord;
}

/** What a patrol (巡查) of a point found. */
export interface PatrolRecord {
  id: string;
  hazardId: string;
  phase: PatrolPhase;
  at: string;
  by: string;
  findings: string;
  photoId?: string;
}

/** What the screens hold of a hazard: enough to count it, map it and flag it. */
export interface HazardPin {
  id: string;
  name: string;
  kind: HazardKind;
  category: HazardCategory;
  riskLevel: RiskLevel;
  townshipCode: string;
  villageCode?: string;
  location?: LonLat;
  state: HazardState;
  supervised: boolean;
  overdue: boolean;
  foundAt: string;
  lastPatrolAt?: string;
}

export function pinOf(item: HazardItem): HazardPin {
  return {
    id: item.id,
    name: item.name,
    kind: item.kind,
    category: item.category,
    riskLevel: item.riskLevel,
    townshipCode: item.townshipCode,
    ...(item.villageCode ? { villageCode: item.villageCode } : {}),
    ...(item.location ? { location: item.location } : {}),
    state: item.state,
    supervised: item.supervision !== undefined && item.state !== 'closed',
    overdue: item.overdue === true,
    foundAt: item.foundAt,
    ...(item.lastPatrol ? { lastPatrolAt: item.lastPatrol.at } : {}),
  };
}
