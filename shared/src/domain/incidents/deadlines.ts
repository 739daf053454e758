import { nextCstSlot } from '../../cst.js';

/** Incident levels (突发事件分级): 1 特别重大, 2 重大, 3 较大, 4 一般. */
export const INCIDENT_LEVELS = [1, 2, 3, 4] as const;
export type IncidentLevel = (typeof INCIDENT_LEVELS)[number];

/** How soon after the desk learns of an incident each report is due, in minutes. */
export interface LevelClock {
  /** Phone report (电话报告) to the level above; null when the level needs none. */
  phoneMinutes: number | null;
  /** Written initial report (书面首报). */
  writtenMinutes: number;
}

/**
 * A jurisdiction's deadline table (信息报送时限). Tables differ by province and by what the
 * level above asks; the bureau picks one, and flood-season / sensitive-day periods tighten it.
 */
export interface DeadlineTable {
  id: string;
  name: string;
  levels: Record<IncidentLevel, LevelClock>;
  /** CST times of day by which follow-ups (续报) are due while the incident is open. */
  followUpSlots: readonly string[];
}

/**
 * The national rule: for major incidents (levels 1–2) a phone report within 30 minutes and a
 * written one within the hour. Levels 3–4 get 2 h and 4 h for the written report (a common
 * local reading; bureaus with another rule pick or add a table).
 */
export const NATIONAL_TABLE: DeadlineTable = {
  id: 'national',
  name: '国家规定（默认）',
  levels: {
    1: { phoneMinutes: 30, writtenMinutes: 60 },
    2: { phoneMinutes: 30, writtenMinutes: 60 },
    3: { phoneMinutes: 60, writtenMinutes: 120 },
    4: { phoneMinutes: null, writtenMinutes: 240 },
  },
  followUpSlots: ['08:00', '17:00'],
};

/** An example of a stricter provincial table: 15 min phone / 35 min written for the worst, 1 h and 6 h below. */
export const PROVINCIAL_EXAMPLE_TABLE: DeadlineTable = {
  id: 'provincial-example',
  name: '省级示例（更严）',
  levels: {
    1: { phoneMinutes: 15, writtenMinutes: 35 },
    2: { phoneMinutes: 15, writtenMinutes: 35 },
    3: { phoneMinutes: 30, writtenMinutes: 60 },
    4: { phoneMinutes: null, writtenMinutes: 360 },
  },
  followUpSlots: ['08:00', '17:00'],
};

export const DEADLINE_TABLES: Readonly<Record<string, DeadlineTable>> = {
  [NATIONAL_TABLE.id]: NATIONAL_TABLE,
  [PROVINCIAL_EXAMPLE_TABLE.id]: PROVINCIAL_EXAMPLE_TABLE,
};
export const DEADLINE_TABLE_IDS = Object.keys(DEADLINE_TABLES) as [string, ...string[]];

/** Flood season (汛期) and sensitive days (敏感日: holidays, major events), when clocks tighten. */
export const PERIOD_KINDS = ['flood-season', 'sensitive-day'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export interface DutyPeriod {
  id: string;
  kind: PeriodKind;
  label: string;
  start: string;
  end: string;
}

/** The periods in force at an instant. */
export const periodsAt = (periods: readonly DutyPeriod[], at: Date): DutyPeriod[] =>
  periods.filter((p) => Date.parse(p.start) <= at.getTime() && at.getTime() < Date.parse(p.end));

/**
 * The level an incident is clocked at: during a flood-season or sensitive-day period every
 * incident is clocked one level more severe (一般 as 较大, …; 特别重大 stays), so reports go up sooner.
 */
export function clockedLevel(level: IncidentLevel, tightened: boolean): IncidentLevel {
  return tightened ? (Math.max(1, level - 1) as IncidentLevel) : level;
}

export interface InitialDeadlines {
  /** Null when the level needs no phone report. */
  phoneDueAt: string | null;
  writtenDueAt: string;
  /** The level the clock ran at (tighter than the incident's during a period). */
  clockedLevel: IncidentLevel;
}

/** When the phone and written initial reports are due, counted from when the desk learned of it. Pure. */
export function initialDeadlines(table: DeadlineTable, level: IncidentLevel, receivedAt: Date, periods: readonly DutyPeriod[] = []): InitialDeadlines {
  const lv = clockedLevel(level, periodsAt(periods, receivedAt).length > 0);
  const clock = table.levels[lv];
  const t = receivedAt.getTime();
  return {
    phoneDueAt: clock.phoneMinutes === null ? null : new Date(t + clock.phoneMinutes * 60_000).toISOString(),
    writtenDueAt: new Date(t + clock.writtenMinutes * 60_000).toISOString(),
    clockedLevel: lv,
  };
}

/** When the next follow-up is due after a report went up at `sentAt`: the next CST slot (08:00 / 17:00). */
export function followUpDueAt(table: DeadlineTable, sentAt: Date): string {
  return nextCstSlot(sentAt, table.followUpSlots).toISOString();
}

/** Amber this long before a deadline, in ms (5 minutes). */
export const AMBER_BEFORE_MS = 5 * 60_000;

export type ClockColour = 'green' | 'amber' | 'red';

/** The colour of a countdown: red once overdue, amber in the last five minutes, else green. */
export function clockColour(dueAt: string, now: Date | number): ClockColour {
  const left = Date.parse(dueAt) - new Date(now).getTime();
  if (left <= 0) return 'red';
  if (left <= AMBER_BEFORE_MS) return 'amber';
  return 'green';
}

/** Milliseconds left (negative when overdue). */
export const msLeft = (dueAt: string, now: Date | number): number => Date.parse(dueAt) - new Date(now).getTime();
