/**
 * Monitoring alarms (监测报警): station readings (reservoir and river water level, rainfall,
 * gas concentration) against per-station thresholds. Each threshold raises at `raise` and clears
 * only below `clear` (hysteresis), and only changes of level are journaled (de-duplication): a
 * sensor flapping around a limit does not flood the journal or the wall.
 */
import { z } from 'zod';
import { defineCommand, type CommandDef } from '../../command.js';
import { DomainError } from '../../errors.js';
import type { JournalEvent } from '../../journal.js';
import { defineSlice } from '../../slice.js';
import { lonLatSchema, type LonLat } from '../region.js';
import { compareColours, warningColourSchema, type WarningColour } from './kinds.js';

export const STATION_KINDS = ['reservoir-level', 'river-level', 'rainfall', 'gas'] as const;

const thresholdSchema = z.strictObject({ colour: warningColourSchema, raise: z.number().finite(), clear: z.number().finite() });
export type AlarmThreshold = z.infer<typeof thresholdSchema>;

export const defineStationSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'station id: 1 to 64 of A-Z a-z 0-9 _ . : -'),
    name: z.string().trim().min(1).max(100),
    kind: z.enum(STATION_KINDS),
    unit: z.string().trim().min(1).max(20),
    location: lonLatSchema,
    /** Ordered least serious first; values rising past `raise` are the danger. */
    thresholds: z.array(thresholdSchema).min(1).max(4),
  })
  .refine((s) => s.thresholds.every((t) => t.clear < t.raise), { message: 'each clear must be below its raise (hysteresis)', path: ['thresholds'] })
  .refine((s) => s.thresholds.every((t, i) => i === 0 || (t.raise > s.thresholds[i - 1]!.raise && compareColours(t.colour, s.thresholds[i - 1]!.colour) > 0)), {
    message: 'thresholds must rise in value and colour',
    path: ['thresholds'],
  });
export type Station = z.infer<typeof defineStationSchema>;

export const readingSchema = z.strictObject({
  stationId: z.string().min(1).max(64),
  value: z.number().finite(),
  at: z.iso.datetime({ offset: true }),
});
export type Reading = z.infer<typeof readingSchema>;
/** Largest batch one request carries. */
export const READINGS_BATCH_MAX = 5000;
export const readingsBatchSchema = z.strictObject({ readings: z.array(readingSchema).min(1).max(READINGS_BATCH_MAX) });

/**
 * The alarm colour after one reading, from the colour before it (pure, the heart of the rule):
 * up to the most serious threshold whose `raise` the value reaches; down only past the current
 * threshold's `clear` (and on down through lower ones whose `clear` it also passes).
 */
export function nextAlarmColour(thresholds: readonly AlarmThreshold[], current: WarningColour | null, value: number): WarningColour | null {
  const rank = current === null ? -1 : thresholds.findIndex((t) => t.colour === current);
  let reached = -1;
  thresholds.forEach((t, i) => {
    if (value >= t.raise) reached = i;
  });
  if (reached > rank) return thresholds[reached]!.colour;
  let level = rank;
  while (level >= 0 && value <= thresholds[level]!.clear) level -= 1;
  return level >= 0 ? thresholds[level]!.colour : null;
}

export interface ActiveAlarm {
  stationId: string;
  colour: WarningColour;
  value: number;
  raisedAt: string;
  changedAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
}

export interface AlarmChange {
  stationId: string;
  from: WarningColour | null;
  to: WarningColour | null;
  value: number;
  at: string;
}

export interface MonitoringState {
  stations: Record<string, Station>;
  /** Alarms in force, by station. */
  active: Record<string, ActiveAlarm>;
  /** Alarm changes, newest first, bounded. */
  recent: AlarmChange[];
}

export const ALARM_RECENT_LIMIT = 100;
export const initialMonitoring = (): MonitoringState => ({ stations: {}, active: {}, recent: [] });

/** The level changes a batch causes, in time order per station. Readings of unknown stations are the caller's error. */
export function evaluateReadings(state: MonitoringState, readings: readonly Reading[]): AlarmChange[] {
  const changes: AlarmChange[] = [];
  const current = new Map<string, WarningColour | null>();
  const sorted = [...readings].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const r of sorted) {
    const station = state.stations[r.stationId];
    if (!station) continue;
    const from = current.has(r.stationId) ? current.get(r.stationId)! : (state.active[r.stationId]?.colour ?? null);
    const to = nextAlarmColour(station.thresholds, from, r.value);
    current.set(r.stationId, to);
    if (to !== from) changes.push({ stationId: r.stationId, from, to, value: r.value, at: new Date(r.at).toISOString() });
  }
  return changes;
}

export function reduceMonitoring(state: MonitoringState, event: JournalEvent): MonitoringState {
  switch (event.type) {
    case 'alarm:station-defined': {
      const s = event.data as Station;
      return { ...state, stations: { ...state.stations, [s.id]: s } };
    }
    case 'alarm:changed': {
      const c = event.data as AlarmChange;
      const active = { ...state.active };
      const prev = active[c.stationId];
      if (c.to === null) delete active[c.stationId];
      else {
        // A rise calls for attention again; easing keeps the acknowledgement.
        const rose = !prev || compareColours(c.to, prev.colour) > 0;
        active[c.stationId] = {
          stationId: c.stationId,
          colour: c.to,
          value: c.value,
          raisedAt: prev?.raisedAt ?? c.at,
          changedAt: c.at,
          acknowledgedBy: rose ? null : (prev?.acknowledgedBy ?? null),
          acknowledgedAt: rose ? null : (prev?.acknowledgedAt ?? null),
        };
      }
      return { ...state, active, recent: [c, ...state.recent].slice(0, ALARM_RECENT_LIMIT) };
    }
    case 'alarm:acknowledged': {
      const { stationId } = event.data as { stationId: string };
      const a = state.active[stationId];
      return a ? { ...state, active: { ...state.active, [stationId]: { ...a, acknowledgedBy: event.actor.user, acknowledgedAt: event.at } } } : state;
    }
    default:
      return state;
  }
}

export const monitoringSlice = defineSlice({ initial: initialMonitoring, reduce: reduceMonitoring });

export const stationLocation = (s: Station): LonLat => s.location;

export const alarmCommands: CommandDef[] = [
  defineCommand({
    type: 'alarm:define-station',
    summary: 'Define or redefine a monitoring station and its alarm thresholds',
    payload: defineStationSchema,
    roles: ['duty', 'admin'],
    decide: (_s, p) => ({ events: [{ type: 'alarm:station-defined', data: p }], result: { id: p.id } }),
  }),
  defineCommand({
    type: 'alarm:evaluate-readings',
    summary: 'Take a batch of station readings; journals only alarm level changes',
    payload: readingsBatchSchema,
    roles: ['duty', 'admin'],
    decide(state, p) {
      p.readings.forEach((r, i) => {
        if (!state.monitoring.stations[r.stationId]) throw new DomainError('invalid', `unknown station ${r.stationId}`, `readings.${i}.stationId`);
      });
      const changes = evaluateReadings(state.monitoring, p.readings);
      return { events: changes.map((data) => ({ type: 'alarm:changed', data })), result: { readings: p.readings.length, changes: changes.length } };
    },
  }),
  defineCommand({
    type: 'alarm:acknowledge',
    summary: "Acknowledge a monitoring alarm: silences the wall's alarm for it",
    payload: z.strictObject({ stationId: z.string().min(1).max(64) }),
    roles: ['duty', 'commander', 'admin'],
    decide(state, p) {
      const a = state.monitoring.active[p.stationId];
      if (!a) throw new DomainError('not_found', `no alarm in force at ${p.stationId}`, 'stationId');
      return { events: a.acknowledgedAt ? [] : [{ type: 'alarm:acknowledged', data: p }] };
    },
  }),
] as CommandDef[];
