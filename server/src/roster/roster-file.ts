import { refusal, rosterShiftSchema, type RosterShift, type RowRefusal } from '@watchfloor/shared';
import { columnFromAliases, schemaRefusal } from '../imports/schema-refusal.js';
import type { ColumnAliases, TableRow } from '../imports/table-file.js';

/** Roster columns as bureaus head them (排班表), with English alternatives. */
export const ROSTER_COLUMNS = {
  date: ['日期', '值班日期', 'date'],
  start: ['开始时间', '开始', '接班时间', '上班时间', 'start'],
  end: ['结束时间', '结束', '交班时间', '下班时间', 'end'],
  leader: ['带班领导', '带班', '值班领导', 'leader'],
  officer1: ['值班员1', '值班人员1', '值班员一', 'officer1'],
  officer2: ['值班员2', '值班人员2', '值班员二', 'officer2'],
  officers: ['值班员', '值班人员', 'officers'],
} as const satisfies ColumnAliases<string>;
export type RosterColumn = keyof typeof ROSTER_COLUMNS;
export const ROSTER_REQUIRED: readonly RosterColumn[] = ['start', 'end', 'leader'];

const CST = '+08:00';
/** A column as refusals name it: its usual header and its key. */
const columnAt = (key: RosterColumn) => columnFromAliases(ROSTER_COLUMNS, [key]);

/** A CST calendar day from 2026-12-01, 2026/12/1, 2026.12.1, 2026年12月1日, or an exceljs date cell. */
function day(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})T00:00:00(\.000)?Z$/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** `HH:MM` from 8:00, 08:00:00, 8时, or an exceljs time cell (1899-12-30T08:00:00Z). */
function time(text: string): string | null {
  const cell = /^1899-12-(30|31)T(\d{2}):(\d{2}):\d{2}(\.\d+)?Z$/.exec(text);
  if (cell) return `${cell[2]}:${cell[3]}`;
  const m = /^(\d{1,2})\s*[:：时点]\s*(\d{2})?(?::\d{2})?\s*分?$/.exec(text);
  if (!m) return null;
  const [h, mi] = [Number(m[1]), Number(m[2] ?? '0')];
  if (h > 24 || mi > 59 || (h === 24 && mi > 0)) return null;
  return `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
}

/** A CST date-time written whole in one cell: `2026-12-01 08:00` (or an exceljs date-time cell, read as CST wall time). */
function dateTime(text: string): string | null {
  const cell = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):\d{2}(\.\d+)?Z$/.exec(text);
  // 1899-12-30 is Excel's day zero: a time-only cell, not a date-time.
  if (cell && cell[2] !== '00:00' && !cell[1]!.startsWith('1899-')) return `${cell[1]}T${cell[2]}:00${CST}`;
  const m = /^(.+?)[\sT]+(\d{1,2}[:：]\d{2}(?::\d{2})?)$/.exec(text);
  if (!m) return null;
  const d = day(m[1]!);
  const t = time(m[2]!);
  return d && t ? `${d}T${t}:00${CST}` : null;
}

const addDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** One roster row as a shift, or why it is not one. Times are China Standard Time. */
export function shiftFromRow(values: TableRow<RosterColumn>['values']): { shift: RosterShift } | RowRefusal {
  const startText = values.start ?? '';
  const endText = values.end ?? '';
  let start = dateTime(startText);
  let end = dateTime(endText);
  if (!start || !end) {
    const d = day(values.date ?? '');
    if (!d) {
      return values.date
        ? refusal('not-a-date', { ...columnAt('date'), value: values.date }, `日期 (date) "${values.date}" is not a date like 2026-12-01`)
        : refusal('date-missing', {}, '日期 (date) is missing, and 开始/结束 do not carry one');
    }
    const st = start ? null : time(startText);
    const et = end ? null : time(endText);
    if (!start && (!st || st === '24:00')) return refusal('not-a-time', { ...columnAt('start'), value: startText }, `开始时间 (start) "${startText}" is not a time like 08:00`);
    if (!end && !et) return refusal('not-a-time', { ...columnAt('end'), value: endText }, `结束时间 (end) "${endText}" is not a time like 08:00`);
    start ??= `${d}T${st}:00${CST}`;
    // An end at or before the start on the same day is the next morning (a night or 24 h shift).
    end ??= et! <= st! ? `${addDay(d)}T${et === '24:00' ? '00:00' : et}:00${CST}` : et === '24:00' ? `${addDay(d)}T00:00:00${CST}` : `${d}T${et}:00${CST}`;
  }
  const officers = [values.officer1, values.officer2].filter((o): o is string => !!o);
  if (values.officers) officers.push(...values.officers.split(/[、，,;；/\s]+/).filter(Boolean));
  if (!values.leader) return refusal('missing-value', columnAt('leader'), '带班领导 (leader) is missing');
  if (officers.length !== 2) return refusal('two-officers', { found: officers.length }, `two officers on duty (双人值守), found ${officers.length}`);
  const candidate = { start, end, leader: values.leader, officers };
  const parsed = rosterShiftSchema.safeParse(candidate);
  if (!parsed.success) return schemaRefusal(parsed.error.issues[0]!, candidate, (path) => columnFromAliases(ROSTER_COLUMNS, path));
  return { shift: parsed.data };
}
