import { describe, expect, it } from 'vitest';
import { closeRefusal, hazardDay, deadlineRefusal, overdueReason, patrolIntervalDays, patrolOverdue, recordRefusal, transitionRefusal, type LoopAction } from './loop.js';
import { hazardRecordSchema, type HazardState } from './model.js';

const T = (s: string) => Date.parse(s);
const plan = { measures: '削坡减载', deadline: '2024-07-10T00:00:00Z', rectifier: '王强' };

describe('loop transitions', () => {
  it.each<[HazardState, LoopAction, boolean]>([
    ['found', 'ledger', true],
    ['ledgered', 'ledger', false],
    ['ledgered', 'assignRectification', true],
    ['rectifying', 'assignRectification', true],
    ['closed', 'assignRectification', false],
    ['rectifying', 'completeRectification', true],
    ['ledgered', 'completeRectification', false],
    ['rectified', 'close', true],
    ['rectifying', 'close', false],
    ['found', 'close', false],
    ['rectified', 'rejectAcceptance', true],
    ['closed', 'supervise', false],
    ['rectifying', 'supervise', true],
  ])('%s --%s--> allowed: %s', (state, action, ok) => {
    expect(transitionRefusal(state, action) === null).toBe(ok);
  });
});

describe('who may close', () => {
  it.each([
    ['commander', { ...plan, completedBy: 'duty' }, true],
    ['王强', { ...plan, completedBy: 'duty' }, false],
    ['duty', { ...plan, completedBy: 'duty' }, false],
    [' 王强 ', plan, false],
  ])('%s closing → allowed: %s', (closer, rectification, ok) => {
    expect(closeRefusal({ rectification }, closer as string) === null).toBe(ok);
  });
  it('refuses to close without a rectification', () => {
    expect(closeRefusal({}, 'commander')).toMatch(/no rectification/);
  });
});

describe('deadlines and overdue', () => {
  const now = '2024-07-01T00:00:00Z';
  it.each([
    ['2024-07-02T00:00:00Z', true],
    ['2024-07-01T00:00:00Z', false],
    ['2024-06-30T00:00:00Z', false],
  ])('deadline %s accepted: %s', (d, ok) => expect(deadlineRefusal(d, now) === null).toBe(ok));

  it.each<[string, HazardState, object, string | null]>([
    ['no deadline', 'ledgered', {}, null],
    ['rectification past', 'rectifying', { rectification: plan }, null],
    ['rectification passed', 'rectifying', { rectification: { ...plan, deadline: '2024-06-01T00:00:00Z' } }, 'rectification'],
    ['done before acceptance', 'rectified', { rectification: { ...plan, deadline: '2024-06-01T00:00:00Z' } }, null],
    ['supervision passed', 'rectified', { supervision: { level: 'county', deadline: '2024-06-01T00:00:00Z' } }, 'supervision'],
    ['closed is never overdue', 'closed', { supervision: { level: 'county', deadline: '2024-06-01T00:00:00Z' } }, null],
  ])('%s', (_n, state, extra, reason) => {
    expect(overdueReason({ state, ...extra }, T('2024-07-05T00:00:00Z'))).toBe(reason);
  });
});

describe('ledger rows', () => {
  const base = { name: '后山滑坡', kind: 'landslide', riskLevel: 'high', townshipCode: '511111100000', location: [103.5, 29.6] } as const;
  it.each<[string, object, 'natural' | 'enterprise', RegExp | null]>([
    ['a plain ledgered point', {}, 'natural', null],
    ['a point without location', { location: undefined }, 'natural', /location/],
    ['rectifying without plan', { state: 'rectifying' }, 'natural', /rectification/],
    ['closed by the rectifier', { state: 'closed', rectification: plan, closedBy: '王强', closedAt: '2024-07-02T00:00:00Z' }, 'natural', /may not accept/],
    ['closed by another', { state: 'closed', rectification: plan, closedBy: '李娜', closedAt: '2024-07-02T00:00:00Z' }, 'natural', null],
    ['closed without who', { state: 'closed', rectification: plan }, 'natural', /who accepted/],
    ['accepted but open', { closedBy: '李娜' }, 'natural', /cannot have been accepted/],
    ['low risk under supervision', { riskLevel: 'low', supervision: { level: 'county', deadline: '2024-07-02T00:00:00Z' } }, 'natural', /major or high/],
  ])('%s', (_n, extra, category, expected) => {
    const r = hazardRecordSchema.parse({ ...base, ...extra });
    const refusal = recordRefusal(r, category);
    if (expected) expect(refusal?.reason).toMatch(expected);
    else expect(refusal).toBeNull();
  });
});

describe('patrols', () => {
  it.each([
    ['major', '2024-07-01T00:00:00Z', 1],
    ['medium', '2024-07-01T00:00:00Z', 3],
    ['low', '2024-08-31T15:59:00Z', 7],
    ['major', '2024-09-30T16:00:00Z', 30], // 1 October in Beijing: out of season
    ['high', '2024-05-31T16:00:00Z', 1], // 1 June in Beijing
  ] as const)('%s risk at %s: every %i days', (risk, now, days) => {
    expect(patrolIntervalDays(risk, T(now))).toBe(days);
  });
  const point = { category: 'natural', state: 'ledgered', riskLevel: 'high', foundAt: '2024-06-01T00:00:00Z' } as const;
  it.each([
    ['patrolled yesterday noon', { lastPatrolAt: '2024-07-01T12:00:00Z' }, false],
    ['patrolled two days ago', { lastPatrolAt: '2024-06-30T00:00:00Z' }, true],
    ['never patrolled, found long ago', {}, true],
    ['closed points are not patrolled', { state: 'closed' }, false],
    ['enterprise hazards are not patrolled', { category: 'enterprise' }, false],
  ])('%s → flagged: %s', (_n, extra, flagged) => {
    expect(patrolOverdue({ ...point, ...extra }, T('2024-07-02T06:00:00Z'))).toBe(flagged);
  });
  it('buckets by the Beijing calendar day', () => {
    expect(hazardDay('2024-06-30T16:30:00Z')).toBe('2024-07-01');
  });
});
