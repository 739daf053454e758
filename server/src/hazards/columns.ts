import {
  CST_OFFSET_MS,
  HAZARD_KINDS,
  HAZARD_STATES,
  RISK_LEVELS,
  SUPERVISION_LEVELS,
  type HazardItem,
  type HazardRecordInput,
  type RegionState,
} from '@watchfloor/shared';

/**
 * The ledger's columns, as Chinese ledgers head them (台账表头). Export writes these headers and
 * labels; import reads them back, and also the English keys and codes, so a round trip loses nothing.
 */
export const COLUMNS = [
  ['id', '编号'],
  ['name', '名称'],
  ['kind', '类别'],
  ['riskLevel', '风险等级'],
  ['township', '乡镇'],
  ['townshipCode', '乡镇代码'],
  ['village', '行政村'],
  ['villageCode', '村代码'],
  ['lon', '经度'],
  ['lat', '纬度'],
  ['responsible', '包保责任人'],
  ['households', '威胁户数'],
  ['people', '威胁人数'],
  ['description', '隐患描述'],
  ['state', '状态'],
  ['foundAt', '发现时间'],
  ['foundBy', '发现人'],
  ['measures', '整改措施'],
  ['deadline', '整改期限'],
  ['rectifier', '整改责任人'],
  ['rectifierPhone', '整改责任人电话'],
  ['assignedAt', '整改下达时间'],
  ['completedAt', '整改完成时间'],
  ['completedBy', '整改完成报告人'],
  ['evidence', '整改照片'],
  ['supervisionLevel', '督办级别'],
  ['supervisionDeadline', '督办期限'],
  ['listedAt', '挂牌时间'],
  ['supervisionNote', '督办说明'],
  ['closedAt', '销号时间'],
  ['closedBy', '验收人'],
] as const;
export type ColumnKey = (typeof COLUMNS)[number][0];
export type FlatRow = Partial<Record<ColumnKey, string>>;

export const KIND_LABELS: Record<(typeof HAZARD_KINDS)[number], string> = {
  'flash-flood': '山洪',
  landslide: '滑坡',
  collapse: '崩塌',
  'debris-flow': '泥石流',
  'ground-subsidence': '地面塌陷',
  'forest-fire': '森林火险',
  'dangerous-slope': '危险边坡',
  'low-lying-houses': '低洼易涝危房',
  waterlogging: '城乡内涝',
  'dam-risk': '病险水库堤防',
  'coal-mine': '煤矿',
  'non-coal-mine': '非煤矿山',
  'tailings-dam': '尾矿库',
  'hazardous-chemicals': '危险化学品',
  fireworks: '烟花爆竹',
  gas: '燃气',
  construction: '建筑施工',
  'special-equipment': '特种设备',
};
export const RISK_LABELS: Record<(typeof RISK_LEVELS)[number], string> = { major: '重大', high: '较大', medium: '一般', low: '低' };
export const STATE_LABELS: Record<(typeof HAZARD_STATES)[number], string> = {
  found: '排查发现',
  ledgered: '已入台账',
  rectifying: '整改中',
  rectified: '待验收',
  closed: '已销号',
};
export const SUPERVISION_LABELS: Record<(typeof SUPERVISION_LEVELS)[number], string> = { county: '县级', city: '市级', province: '省级' };

const inverse = (labels: Record<string, string>) => new Map(Object.entries(labels).flatMap(([code, zh]) => [[zh, code], [code, code]]));
const KIND_CODES = inverse(KIND_LABELS);
const RISK_CODES = inverse(RISK_LABELS);
const STATE_CODES = inverse(STATE_LABELS);
const SUPERVISION_CODES = inverse(SUPERVISION_LABELS);

/** Times as Beijing time with its offset, to the millisecond: readable, and exact on the way back. */
export function cstIso(iso: string): string {
  // To the millisecond, unlike cstIso: an export must read back exactly.
  return `${new Date(Date.parse(iso) + CST_OFFSET_MS).toISOString().slice(0, -1)}+08:00`;
}

/** Accepts ISO 8601 with an offset, or `YYYY-MM-DD[ HH:mm[:ss]]` read as Beijing time. */
function timeIn(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const local = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (!local) return value; // the schema judges it
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = local;
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s) - CST_OFFSET_MS;
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** A spreadsheet cell must not start a formula (CSV injection): such text is stored with a leading `'`. */
const FORMULA_START = /^[=+@\t\r]/;
export const cellOut = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);
const cellIn = (s: string): string => (s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s);

const num = (v: string | undefined) => (v === undefined ? undefined : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);

/** `张三 13800000000；李四 13900000000` ↔ [{name, phone}]. */
function peopleIn(value: string | undefined) {
  if (!value) return undefined;
  return value
    .split(/[;；,，\n]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const m = /^(.*?)[\s:：]*([0-9+\- ]{3,20})$/.exec(p);
      return m ? { name: m[1]!.trim(), phone: m[2]!.trim() } : { name: p, phone: '' };
    });
}

/**
 * A flat row (column key → text) as a ledger record for the schema to judge. Labels become codes,
 * township and village names become codes through the region, times become UTC ISO. Coordinates
 * stay as given: the caller converts them from the file's coordinate system.
 */
export function recordFromRow(raw: FlatRow, region: RegionState): { record: Record<string, unknown>; lonLat: [unknown, unknown] | null } {
  const row: FlatRow = {};
  for (const [k, v] of Object.entries(raw) as Array<[ColumnKey, string | undefined]>) {
    const t = v === undefined ? '' : cellIn(String(v)).trim();
    if (t !== '') row[k] = t;
  }
  let townshipCode = row.townshipCode;
  if (!townshipCode && row.township) townshipCode = Object.values(region.townships).find((t) => t.name === row.township)?.code ?? row.township;
  let villageCode = row.villageCode;
  if (!villageCode && row.village) {
    villageCode = Object.values(region.villages).find((v) => v.name === row.village && (!townshipCode || v.townshipCode === townshipCode))?.code ?? row.village;
  }
  const code = (m: Map<string, string>, v: string | undefined) => (v === undefined ? undefined : (m.get(v) ?? v));
  const rect =
    row.measures || row.deadline || row.rectifier
      ? {
          measures: row.measures,
          deadline: timeIn(row.deadline),
          rectifier: row.rectifier,
          rectifierPhone: row.rectifierPhone,
          assignedAt: timeIn(row.assignedAt),
          completedAt: timeIn(row.completedAt),
          completedBy: row.completedBy,
          evidence: row.evidence ? row.evidence.split(/[;；]/).map((s) => s.trim()) : undefined,
        }
      : undefined;
  const sup =
    row.supervisionLevel || row.supervisionDeadline
      ? { level: code(SUPERVISION_CODES, row.supervisionLevel), deadline: timeIn(row.supervisionDeadline), listedAt: timeIn(row.listedAt), note: row.supervisionNote }
      : undefined;
  const record = {
    id: row.id,
    name: row.name,
    kind: code(KIND_CODES, row.kind),
    riskLevel: code(RISK_CODES, row.riskLevel),
    townshipCode,
    villageCode,
    responsible: peopleIn(row.responsible),
    households: num(row.households),
    people: num(row.people),
    description: row.description,
    state: code(STATE_CODES, row.state),
    foundAt: timeIn(row.foundAt),
    foundBy: row.foundBy,
    rectification: rect && dropUndefined(rect),
    supervision: sup && dropUndefined(sup),
    closedAt: timeIn(row.closedAt),
    closedBy: row.closedBy,
  };
  const lonLat: [unknown, unknown] | null = row.lon !== undefined || row.lat !== undefined ? [num(row.lon), num(row.lat)] : null;
  return { record: dropUndefined(record), lonLat };
}

function dropUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** An item as an export row: labels, names and Beijing times. */
export function rowFromItem(item: HazardItem, region: RegionState): Record<ColumnKey, string> {
  const r = item.rectification;
  const s = item.supervision;
  const t = (v: string | undefined) => (v ? cstIso(v) : '');
  return {
    id: item.id,
    name: item.name,
    kind: KIND_LABELS[item.kind],
    riskLevel: RISK_LABELS[item.riskLevel],
    township: region.townships[item.townshipCode]?.name ?? '',
    townshipCode: item.townshipCode,
    village: item.villageCode ? (region.villages[item.villageCode]?.name ?? '') : '',
    villageCode: item.villageCode ?? '',
    lon: item.location ? String(item.location[0]) : '',
    lat: item.location ? String(item.location[1]) : '',
    responsible: item.responsible.map((p) => `${p.name} ${p.phone}`).join('；'),
    households: String(item.households),
    people: String(item.people),
    description: item.description ?? '',
    state: STATE_LABELS[item.state],
    foundAt: t(item.foundAt),
    foundBy: item.foundBy,
    measures: r?.measures ?? '',
    deadline: t(r?.deadline),
    rectifier: r?.rectifier ?? '',
    rectifierPhone: r?.rectifierPhone ?? '',
    assignedAt: t(r?.assignedAt),
    completedAt: t(r?.completedAt),
    completedBy: r?.completedBy ?? '',
    evidence: (r?.evidence ?? []).join(';'),
    supervisionLevel: s ? SUPERVISION_LABELS[s.level] : '',
    supervisionDeadline: t(s?.deadline),
    listedAt: t(s?.listedAt),
    supervisionNote: s?.note ?? '',
    closedAt: t(item.closedAt),
    closedBy: item.closedBy ?? '',
  };
}

export type { HazardRecordInput };
