import { refusal, registerTeamSchema, TEAM_KINDS, TEAM_LEVELS, type RegionState, type RegisterTeam, type RowRefusal, type TeamKind } from '@watchfloor/shared';
import { pointInChina, type ImportCrs } from '../imports/coordinates.js';
import { columnFromAliases, schemaRefusal } from '../imports/schema-refusal.js';
import type { ColumnAliases, TableRow } from '../imports/table-file.js';

/** Team roster columns (救援队伍台账), Chinese and English, as the hazard ledger takes them. */
export const TEAM_COLUMNS = {
  id: ['编号', '队伍编号', 'id'],
  name: ['队伍名称', '名称', 'name'],
  kind: ['队伍类别', '类别', '类型', 'kind'],
  level: ['队伍级别', '级别', 'level'],
  headcount: ['人数', '队员人数', 'headcount', 'head-count'],
  leader: ['负责人', '队长', 'leader'],
  phone: ['联系电话', '电话', 'phone'],
  equipment: ['装备', '主要装备', 'equipment'],
  baseName: ['驻地', '驻地名称', 'base'],
  lon: ['经度', '驻地经度', 'lon', 'longitude'],
  lat: ['纬度', '驻地纬度', 'lat', 'latitude'],
  township: ['乡镇', '所属乡镇', 'township'],
} as const satisfies ColumnAliases<string>;
export type TeamColumn = keyof typeof TEAM_COLUMNS;
export const TEAM_REQUIRED: readonly TeamColumn[] = ['name', 'kind', 'level', 'headcount', 'leader', 'phone', 'lon', 'lat'];

/** Kind names as a ledger writes them, and the English keys. */
const KIND_NAMES: Record<string, TeamKind> = {
  综合性消防救援队伍: 'fire-rescue', 综合消防救援: 'fire-rescue', 消防救援: 'fire-rescue', 消防: 'fire-rescue',
  防汛抢险: 'flood', 防汛: 'flood', 抗洪抢险: 'flood',
  森林消防: 'forest-fire', 森林防灭火: 'forest-fire', 扑火: 'forest-fire',
  矿山救护: 'mine-rescue', 矿山救援: 'mine-rescue',
  危化品救援: 'hazmat', 危险化学品: 'hazmat', 危化: 'hazmat',
  乡镇: 'township', 乡镇救援: 'township', 乡镇应急: 'township',
  社会志愿者: 'volunteer', 社会救援: 'volunteer', 志愿者: 'volunteer',
  ...Object.fromEntries(TEAM_KINDS.map((k) => [k, k])),
};
const LEVEL_NAMES: Record<string, (typeof TEAM_LEVELS)[number]> = { 县级: 'county', 县: 'county', 乡镇级: 'township', 乡镇: 'township', county: 'county', township: 'township' };

/** 冲锋舟×4；救生衣 ×100、发电机 → [{name, count}]; a name without a count counts one. */
export function parseEquipment(text: string): Array<{ name: string; count: number }> | RowRefusal {
  const out: Array<{ name: string; count: number }> = [];
  for (const part of text.split(/[、，,;；\n]+/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*(?:[×xX*]\s*(\d+)|(\d+)\s*[台艘件套个辆部顶只]?)$/.exec(part);
    const name = (m ? m[1]! : part).trim();
    const count = m ? Number(m[2] ?? m[3]) : 1;
    if (!name || !(count >= 1)) return refusal('bad-equipment', { ...columnAt('equipment'), value: part }, `装备 (equipment) "${part}" is not "name ×count"`);
    out.push({ name, count });
  }
  return out;
}

/** A column as refusals name it: its usual header and its key. */
const columnAt = (key: TeamColumn) => columnFromAliases(TEAM_COLUMNS, [key]);
/** Schema paths that are not column keys. */
const SCHEMA_TO_COLUMN: Record<string, TeamColumn> = { townshipCode: 'township', base: 'baseName' };

/** One ledger row as a `team:register` payload, or why it is not one. */
export function teamFromRow(values: TableRow<TeamColumn>['values'], region: RegionState, crs: ImportCrs): { team: RegisterTeam } | RowRefusal {
  const kind = KIND_NAMES[(values.kind ?? '').replace(/队伍?$/, '')] ?? KIND_NAMES[values.kind ?? ''];
  if (!kind) return refusal('unknown-kind', { ...columnAt('kind'), value: values.kind ?? '' }, `类别 (kind) "${values.kind ?? ''}" is not one of ${Object.keys(KIND_NAMES).slice(0, 7).join('、')}…`);
  const level = LEVEL_NAMES[values.level ?? ''];
  if (!level) return refusal('unknown-level', { ...columnAt('level'), value: values.level ?? '' }, `级别 (level) "${values.level ?? ''}" is not 县级 or 乡镇级`);
  if (!/^\d+$/.test(values.headcount ?? '')) return refusal('not-a-whole-number', { ...columnAt('headcount'), value: values.headcount ?? '' }, `人数 (headcount) "${values.headcount ?? ''}" is not a whole number`);
  const at = pointInChina(values.lon ? Number(values.lon) : undefined, values.lat ? Number(values.lat) : undefined, crs);
  if ('refusal' in at) return at.refusal;
  const equipment = parseEquipment(values.equipment ?? '');
  if ('reason' in equipment) return equipment;
  let townshipCode: string | undefined;
  if (values.township) {
    const t = Object.values(region.townships).find((x) => x.code === values.township || x.name === values.township);
    if (!t) return refusal('unknown-township', { township: values.township }, `乡镇 (township) "${values.township}" is not in the region`);
    townshipCode = t.code;
  }
  const candidate = {
    ...(values.id ? { id: values.id } : {}),
    name: values.name ?? '',
    kind,
    level,
    ...(townshipCode ? { townshipCode } : {}),
    headcount: Number(values.headcount),
    leader: values.leader ?? '',
    phone: values.phone ?? '',
    equipment,
    base: { name: values.baseName || values.name || '', lonLat: at.point },
  };
  const parsed = registerTeamSchema.safeParse(candidate);
  if (!parsed.success) return schemaRefusal(parsed.error.issues[0]!, candidate, (path) => columnFromAliases(TEAM_COLUMNS, path, SCHEMA_TO_COLUMN));
  return { team: candidate };
}
