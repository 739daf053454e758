import { describe, expect, it } from 'vitest';
import { chooseScene, FOCUS_MS, inFloodSeason, type SceneInputs } from './wall-scenes';

// 2026-07-15 10:00 CST (flood season) and 2026-11-24 10:00 CST (out of it).
const JULY = Date.parse('2026-07-15T02:00:00Z');
const NOV = Date.parse('2026-11-24T02:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const base = (nowMs: number, over: Partial<SceneInputs> = {}): SceneInputs => ({ nowMs, highest: null, warnings: [], incidents: [], ...over });

describe('wall scenes', () => {
  it.each([
    // [case, inputs, scene, reason]
    ['quiet day out of season', base(NOV), 'overview', 'quiet'],
    ['quiet day in flood season', base(JULY), 'flood', 'season'],
    ['flood response in force out of season', base(NOV, { highest: { command: 'flood-drought', level: 4 } }), 'flood', 'response'],
    ['geological response in force in flood season', base(JULY, { highest: { command: 'geological-hazard', level: 2 } }), 'incident', 'response'],
    ['forest-fire response', base(NOV, { highest: { command: 'forest-fire', level: 3 } }), 'incident', 'response'],
    ['red warning just issued', base(NOV, { warnings: [{ colour: 'red', issuedAt: iso(NOV - 60_000) }] }), 'flood', 'red-warning'],
    ['orange warning just issued: no pull', base(NOV, { warnings: [{ colour: 'orange', issuedAt: iso(NOV - 60_000) }] }), 'overview', 'quiet'],
    ['red warning issued before the focus window: back', base(NOV, { warnings: [{ colour: 'red', issuedAt: iso(NOV - FOCUS_MS) }] }), 'overview', 'quiet'],
    ['major incident (level II) just received', base(JULY, { incidents: [{ level: 2, status: 'open', receivedAt: iso(JULY - 30_000) }] }), 'incident', 'major-incident'],
    ['level I incident just received, flood response in force', base(NOV, { highest: { command: 'flood-drought', level: 3 }, incidents: [{ level: 1, status: 'open', receivedAt: iso(NOV - 1000) }] }), 'incident', 'major-incident'],
    ['level III incident: no pull', base(NOV, { incidents: [{ level: 3, status: 'open', receivedAt: iso(NOV - 1000) }] }), 'overview', 'quiet'],
    ['major incident already closed: no pull', base(NOV, { incidents: [{ level: 1, status: 'closed', receivedAt: iso(NOV - 1000) }] }), 'overview', 'quiet'],
    ['the newest trigger wins', base(NOV, { warnings: [{ colour: 'red', issuedAt: iso(NOV - 2000) }], incidents: [{ level: 2, status: 'open', receivedAt: iso(NOV - 5000) }] }), 'flood', 'red-warning'],
    ['a trigger stamped in the future (clock skew) does not pin the wall', base(NOV, { warnings: [{ colour: 'red', issuedAt: iso(NOV + 60_000) }] }), 'overview', 'quiet'],
  ] as const)('%s', (_name, input, scene, reason) => {
    expect(chooseScene(input)).toMatchObject({ scene, reason });
  });

  it('a focus ends FOCUS_MS after its trigger, then the standing scene returns by itself', () => {
    const at = NOV - 1000;
    const input = (nowMs: number) => base(nowMs, { highest: { command: 'flood-drought', level: 4 }, incidents: [{ level: 2, status: 'open', receivedAt: iso(at) }] });
    expect(chooseScene(input(at))).toEqual({ scene: 'incident', reason: 'major-incident', focusUntil: at + FOCUS_MS });
    expect(chooseScene(input(at + FOCUS_MS - 1)).scene).toBe('incident');
    expect(chooseScene(input(at + FOCUS_MS))).toEqual({ scene: 'flood', reason: 'response', focusUntil: null });
  });

  it.each([
    ['2026-04-30T15:59:59Z', false], // 23:59:59 CST on 30 April
    ['2026-04-30T16:00:00Z', true], // 00:00 CST on 1 May
    ['2026-09-30T15:59:59Z', true],
    ['2026-09-30T16:00:00Z', false],
  ])('flood season by the China Standard Time calendar: %s → %s', (at, expected) => {
    expect(inFloodSeason(Date.parse(at))).toBe(expected);
  });
});
