import { describe, expect, it } from 'vitest';
import { evaluateReadings, initialMonitoring, nextAlarmColour, type AlarmThreshold, type MonitoringState } from './alarms.js';
import { highestResponse, initialResponses, reduceResponses, responseTransition, type ResponseAction, type ResponseLevel } from './responses.js';
import type { WarningColour } from './kinds.js';

/** A reservoir: yellow over 100 m (clears below 99.5), red over 102 m (clears below 101.5). */
const RESERVOIR: AlarmThreshold[] = [
  { colour: 'yellow', raise: 100, clear: 99.5 },
  { colour: 'red', raise: 102, clear: 101.5 },
];

describe('alarm hysteresis', () => {
  it.each<[WarningColour | null, number, WarningColour | null]>([
    [null, 99.9, null],
    [null, 100, 'yellow'],
    [null, 103, 'red'],
    ['yellow', 99.8, 'yellow'], // inside the band: stays
    ['yellow', 99.5, null],
    ['yellow', 102, 'red'],
    ['red', 101.8, 'red'],
    ['red', 101.5, 'yellow'],
    ['red', 99, null], // straight through both clears
    ['red', 105, 'red'],
  ])('%s then %d → %s', (from, value, to) => expect(nextAlarmColour(RESERVOIR, from, value)).toBe(to));

  const state: MonitoringState = {
    ...initialMonitoring(),
    stations: { lt: { id: 'lt', name: '龙潭水库', kind: 'reservoir-level', unit: 'm', location: [110, 30], thresholds: RESERVOIR } },
  };
  const at = (s: number) => new Date(Date.UTC(2024, 6, 9, 12, 0, s)).toISOString();

  it('a sensor flapping around the limit raises once, not on every crossing', () => {
    const values = [99.9, 100.1, 99.9, 100.2, 99.7, 100.0, 99.6, 100.3];
    const changes = evaluateReadings(state, values.map((value, i) => ({ stationId: 'lt', value, at: at(i) })));
    expect(changes.map((c) => c.to)).toEqual(['yellow']);
  });
  it('evaluates a batch in time order, whatever order it came in', () => {
    const changes = evaluateReadings(state, [
      { stationId: 'lt', value: 99, at: at(3) },
      { stationId: 'lt', value: 102.5, at: at(2) },
      { stationId: 'lt', value: 100.5, at: at(1) },
    ]);
    expect(changes.map((c) => [c.from, c.to])).toEqual([[null, 'yellow'], ['yellow', 'red'], ['red', null]]);
  });
});

describe('response levels', () => {
  it.each<[ResponseAction, ResponseLevel | null, ResponseLevel | null, boolean]>([
    ['start', null, 4, true],
    ['start', 4, 3, false],
    ['raise', 4, 3, true],
    ['raise', 3, 4, false],
    ['raise', null, 2, false],
    ['lower', 2, 3, true],
    ['lower', 3, 2, false],
    ['end', 1, null, true],
    ['end', null, null, false],
  ])('%s from %s to %s allowed: %s', (action, from, to, ok) => expect(responseTransition(action, from, to) === null).toBe(ok));

  it('the highest level in force is the smallest number, with who approved it', () => {
    let s = initialResponses();
    const ev = (seq: number, data: object) => ({ seq, type: 'response:changed', at: `2024-07-09T12:0${seq}:00.000Z`, actor: { user: 'commander', role: 'commander' as const }, data });
    s = reduceResponses(s, ev(1, { command: 'flood-drought', action: 'start', from: null, to: 4, area: '全县', reason: 'x' }));
    s = reduceResponses(s, ev(2, { command: 'geological-hazard', action: 'start', from: null, to: 2, area: '青石镇', reason: 'x' }));
    expect(highestResponse(s)).toMatchObject({ command: 'geological-hazard', level: 2, approvedBy: 'commander' });
    s = reduceResponses(s, ev(3, { command: 'geological-hazard', action: 'end', from: 2, to: null, area: '青石镇', reason: 'x' }));
    expect(highestResponse(s)).toMatchObject({ command: 'flood-drought', level: 4 });
    expect(s.history).toHaveLength(3);
  });
});
