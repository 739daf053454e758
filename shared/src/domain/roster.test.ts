import { describe, expect, it } from 'vitest';
import { rosterRefusals, type RosterShift } from './roster.js';
import type { Shift } from './shifts.js';

const s = (start: string, end: string, leader = 'L', officers: [string, string] = ['A', 'B']): RosterShift => ({ start: `2026-12-${start}:00+08:00`, end: `2026-12-${end}:00+08:00`, leader, officers });
const onRecord: Shift[] = [{ id: 'shift-1', start: '2026-12-01T00:00:00.000Z', end: '2026-12-01T12:00:00.000Z', leader: 'X', officers: ['Y', 'Z'] }];

describe('rosterRefusals', () => {
  it.each([
    ['back-to-back shifts', [s('02T08:00', '02T20:00'), s('02T20:00', '03T08:00')], []],
    ['an overlap within the roster, reported on the later shift', [s('02T20:00', '03T08:00'), s('02T08:00', '02T21:00')], [{ index: 0, code: 'overlaps-in-file', params: { start: '2026-12-02 08:00' }, reason: 'overlaps the shift starting 2026-12-02 08:00 in the same roster' }]],
    ['a shift inside a long one', [s('02T08:00', '03T08:00'), s('02T10:00', '02T12:00'), s('02T13:00', '02T14:00')], [1, 2]],
    ['an overlap with a shift on record', [s('01T19:00', '01T21:00')], [{ index: 0, code: 'overlaps-on-record', params: { start: '2026-12-01 08:00', end: '2026-12-01 20:00' }, reason: 'overlaps the shift on record 2026-12-01 08:00–2026-12-01 20:00' }]],
    ['touching a shift on record is fine', [s('01T20:00', '02T08:00')], []],
    ['end before start', [s('02T20:00', '02T08:00')], [{ index: 0, code: 'shift-ends-before-start', params: {}, reason: 'the shift ends before it starts' }]],
    ['longer than 48 h', [s('02T08:00', '04T09:00')], [{ index: 0, code: 'shift-too-long', params: { hours: 48 }, reason: 'a shift of more than 48 h' }]],
    ['the leader is also an officer', [s('02T08:00', '02T20:00', 'A')], [{ index: 0, code: 'shift-people-not-distinct', params: {}, reason: 'the leader and the two officers must be three different people' }]],
    ['the same officer twice', [s('02T08:00', '02T20:00', 'L', ['A', 'A'])], [0]],
    ['a malformed shift is not an overlap partner', [s('02T20:00', '02T08:00'), s('02T09:00', '02T10:00')], [0]],
  ] as const)('%s', (_name, shifts, expected) => {
    const got = rosterRefusals(onRecord, shifts as unknown as RosterShift[]);
    if (expected.length && typeof expected[0] === 'number') expect(got.map((r) => r.index)).toEqual(expected);
    else expect(got).toEqual(expected);
  });
});
