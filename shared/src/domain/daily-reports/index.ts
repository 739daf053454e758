import { z } from 'zod';
import { defineCommand, type CommandDef } from '../../command.js';
import type { DueRule } from '../../due.js';
import { DomainError } from '../../errors.js';
import type { JournalEvent } from '../../journal.js';
import { defineSlice } from '../../slice.js';
import type { RegionState } from '../region.js';
import { HHMM_PATTERN, cstDay, cstInstant } from '../../cst.js';

/**
 * Daily reports (日报告): every township and listed department reports each day by a deadline
 * (CST), with its report or a nil report (零报告). Who has not reported after the deadline is
 * chased once, on record.
 */
export interface DailyReport {
  unitCode: string;
  day: string;
  nil: boolean;
  content: string;
  submittedAt: string;
  submittedBy: string;
  /** After the day's deadline. */
  late: boolean;
}

export interface ReportingUnit {
  code: string;
  name: string;
}

export interface DailyReportsState {
  /** CST time of day by which each unit reports, `HH:MM`. */
  deadline: string;
  /** Departments that report besides the townships. */
  departments: ReportingUnit[];
  /** CST day → unit code → its report; only the last DAYS_KEPT days. */
  byDay: Record<string, Record<string, DailyReport>>;
  /** CST day → the units chased then. */
  chased: Record<string, { at: string; units: string[] }>;
}

export const DAILY_REPORT_DAYS_KEPT = 7;
export const DEFAULT_DAILY_DEADLINE = '16:00';

export const initialDailyReports = (): DailyReportsState => ({ deadline: DEFAULT_DAILY_DEADLINE, departments: [], byDay: {}, chased: {} });

/** Keeps the newest days only, so a wall running for weeks holds a week. */
const keepRecent = <T>(byDay: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(byDay).sort(([a], [b]) => b.localeCompare(a)).slice(0, DAILY_REPORT_DAYS_KEPT));

export function reduceDailyReports(s: DailyReportsState, e: JournalEvent): DailyReportsState {
  if (e.type === 'daily-report:configured') return { ...s, ...(e.data as Pick<DailyReportsState, 'deadline' | 'departments'>) };
  if (e.type === 'daily-report:submitted') {
    const r = e.data as Omit<DailyReport, 'submittedAt' | 'submittedBy'>;
    const day = { ...s.byDay[r.day], [r.unitCode]: { ...r, submittedAt: e.at, submittedBy: e.actor.user } };
    return { ...s, byDay: keepRecent({ ...s.byDay, [r.day]: day }) };
  }
  if (e.type === 'daily-report:chased') {
    const d = e.data as { day: string; units: string[] };
    return { ...s, chased: keepRecent({ ...s.chased, [d.day]: { at: e.at, units: d.units } }) };
  }
  return s;
}

export const dailyReportsSlice = defineSlice({ initial: initialDailyReports, reduce: reduceDailyReports });

/** Every unit that reports: the townships of the region, then the listed departments. */
export function reportingUnits(s: DailyReportsState, region: RegionState): ReportingUnit[] {
  const townships = Object.values(region.townships)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((t) => ({ code: t.code, name: t.name }));
  return [...townships, ...s.departments];
}

export interface UnitStatus extends ReportingUnit {
  report: DailyReport | null;
  /** Past the deadline without a report. */
  overdue: boolean;
  chased: boolean;
}

/** Who has and has not reported on the CST day of `now`. Pure. */
export function dailyStatus(s: DailyReportsState, region: RegionState, now: Date): { day: string; deadlineAt: string; units: UnitStatus[]; reported: number } {
  const day = cstDay(now);
  const deadlineAt = cstInstant(day, s.deadline);
  const past = now.getTime() >= deadlineAt.getTime();
  const chased = new Set(s.chased[day]?.units ?? []);
  const units = reportingUnits(s, region).map((u) => {
    const report = s.byDay[day]?.[u.code] ?? null;
    return { ...u, report, overdue: past && !report, chased: chased.has(u.code) };
  });
  return { day, deadlineAt: deadlineAt.toISOString(), units, reported: units.filter((u) => u.report).length };
}

const unitCode = z.string().trim().min(1).max(40);

export const configureDailyReports = defineCommand({
  type: 'daily-report:configure',
  summary: 'Set the daily-report deadline (CST) and the departments that report besides the townships',
  payload: z.strictObject({
    deadline: z.string().regex(HHMM_PATTERN, 'HH:MM'),
    departments: z.array(z.strictObject({ code: unitCode, name: z.string().trim().min(1).max(40) })).max(100),
  }),
  roles: ['commander', 'admin'],
  decide(_s, p) {
    const codes = new Set<string>();
    p.departments.forEach((d, i) => {
      if (codes.has(d.code)) throw new DomainError('invalid', `department code ${d.code} twice`, `departments.${i}.code`);
      codes.add(d.code);
    });
    return { events: [{ type: 'daily-report:configured', data: p }] };
  },
});

export const submitDailyReport = defineCommand({
  type: 'daily-report:submit',
  summary: "Submit today's daily report (日报告) for a township or department, or a nil report (零报告)",
  payload: z.strictObject({ unitCode, nil: z.boolean(), content: z.string().trim().max(4000).default('') }),
  roles: ['reporter', 'duty', 'commander', 'admin'],
  decide(state, p, ctx) {
    const s = state.dailyReports;
    if (!reportingUnits(s, state.region).some((u) => u.code === p.unitCode)) throw new DomainError('not_found', `no reporting unit ${p.unitCode}`, 'unitCode');
    if (!p.nil && p.content === '') throw new DomainError('invalid', 'a report needs content; or send a nil report', 'content');
    const now = new Date(ctx.now);
    const day = cstDay(now);
    const late = now.getTime() > cstInstant(day, s.deadline).getTime();
    return { events: [{ type: 'daily-report:submitted', data: { unitCode: p.unitCode, day, nil: p.nil, content: p.nil ? '' : p.content, late } }] };
  },
});

export const chaseDailyReports = defineCommand({
  type: 'daily-report:chase',
  summary: 'Chase the units that have not reported after the deadline (system)',
  payload: z.strictObject({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  roles: [],
  decide(state, p, ctx) {
    const st = dailyStatus(state.dailyReports, state.region, new Date(ctx.now));
    if (st.day !== p.day || state.dailyReports.chased[p.day]) throw new DomainError('conflict', 'nothing to chase', 'day');
    const units = st.units.filter((u) => u.overdue).map((u) => u.code);
    if (units.length === 0) throw new DomainError('conflict', 'everyone has reported', 'day');
    return { events: [{ type: 'daily-report:chased', data: { day: p.day, units } }] };
  },
});

/** After the deadline, the units that have not reported today are chased, once a day. */
export const dailyReportChaseRule: DueRule = (state, now) => {
  const st = dailyStatus(state.dailyReports, state.region, now);
  if (state.dailyReports.chased[st.day] || !st.units.some((u) => u.overdue)) return [];
  return [{ type: 'daily-report:chase', payload: { day: st.day } }];
};

export const dailyReportCommands: CommandDef[] = [configureDailyReports, submitDailyReport, chaseDailyReports] as CommandDef[];
