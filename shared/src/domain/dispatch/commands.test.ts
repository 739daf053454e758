import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands.js';
import { DomainError } from '../../errors.js';
import type { Actor, JournalEvent } from '../../journal.js';
import { applyEvent, initialState, type WatchState } from '../../state.js';

/** Runs commands the way the journal does (parse, decide, fold), without I/O. */
function world() {
  let state: WatchState = initialState();
  let seq = 0;
  let ids = 0;
  const run = (actor: Actor, type: string, payload: unknown) => {
    const def = COMMANDS.get(type)!;
    const parsed = def.payload.parse(payload);
    const decision = def.decide(state, parsed, { now: '2024-10-09T12:00:00.000Z', actor, newId: (p) => `${p}_${++ids}` });
    for (const e of decision.events) state = applyEvent(state, { ...e, seq: ++seq, at: '2024-10-09T12:00:00.000Z', actor } as JournalEvent);
    return decision.result ?? {};
  };
  return { run, get state() { return state; } };
}

const commander: Actor = { user: 'commander', role: 'commander' };
const leader: Actor = { user: 'team', role: 'team' };
const stranger: Actor = { user: 'team2', role: 'team' };
const team = (id: string, accounts: string[] = []) => ({
  id, name: id, kind: 'flood', level: 'county', headcount: 20, leader: '张', phone: '13800000000', base: { name: 'b', lonLat: [110, 30] }, accounts,
});
const order = (teamIds: string[], reassign = false) => ({ task: '转移群众', target: { kind: 'point', label: '青石村', lonLat: [110.1, 30.1] }, teamIds, reassign });

function setup() {
  const w = world();
  w.run(commander, 'team:register', team('t1', ['team']));
  w.run(commander, 'team:register', team('t2'));
  return w;
}
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'accepted';
};

describe('dispatch commands', () => {
  it('runs the whole cycle with a time-stamped step for each status', () => {
    const w = setup();
    const { id } = w.run(commander, 'dispatch:create', order(['t1'])) as { id: string };
    expect(w.state.teams.byId.t1!.status).toBe('dispatched');
    w.run(leader, 'dispatch:respond', { dispatchId: id, teamId: 't1', accept: true });
    expect(w.state.teams.byId.t1!.status).toBe('en-route');
    w.run(leader, 'dispatch:report', { dispatchId: id, teamId: 't1', step: 'on-scene' });
    w.run(leader, 'dispatch:report', { dispatchId: id, teamId: 't1', step: 'returning' });
    w.run(leader, 'dispatch:report', { dispatchId: id, teamId: 't1', step: 'back' });
    expect(w.state.teams.byId.t1).toMatchObject({ status: 'standby', dispatchId: null });
    const steps = w.state.dispatch.byId[id]!.assignments[0]!.steps;
    expect(steps.map((s) => s.state)).toEqual(['pending', 'en-route', 'on-scene', 'returning', 'done']);
    expect(steps.every((s) => s.at && s.by)).toBe(true);
    w.run(commander, 'dispatch:close', { dispatchId: id });
    expect(w.state.dispatch.byId[id]!.closedAt).toBeDefined();
  });

  it('never dispatches a team twice without an explicit reassignment', () => {
    const w = setup();
    const first = w.run(commander, 'dispatch:create', order(['t1'])) as { id: string };
    expect(refusal(() => w.run(commander, 'dispatch:create', order(['t1'])))).toBe('conflict');
    expect(refusal(() => w.run(commander, 'dispatch:assign', { dispatchId: first.id, teamId: 't1' }))).toBe('conflict');
    const second = w.run(commander, 'dispatch:create', order(['t1'], true)) as { id: string };
    expect(w.state.teams.byId.t1).toMatchObject({ status: 'dispatched', dispatchId: second.id });
    expect(w.state.dispatch.byId[first.id]!.assignments[0]!.state).toBe('reassigned');
    // The old order no longer holds the team, so it can be closed.
    expect(refusal(() => w.run(commander, 'dispatch:close', { dispatchId: first.id }))).toBe('accepted');
  });

  it('lets a team leader answer only for their own team, and a decline needs a reason', () => {
    const w = setup();
    const { id } = w.run(commander, 'dispatch:create', order(['t1', 't2'])) as { id: string };
    expect(refusal(() => w.run(leader, 'dispatch:respond', { dispatchId: id, teamId: 't2', accept: true }))).toBe('forbidden');
    expect(refusal(() => w.run(stranger, 'dispatch:respond', { dispatchId: id, teamId: 't1', accept: true }))).toBe('forbidden');
    expect(() => w.run(leader, 'dispatch:respond', { dispatchId: id, teamId: 't1', accept: false })).toThrow(/reason/);
    w.run(leader, 'dispatch:respond', { dispatchId: id, teamId: 't1', accept: false, reason: '车辆故障' });
    expect(w.state.teams.byId.t1!.status).toBe('standby');
    expect(w.state.dispatch.byId[id]!.assignments.find((a) => a.teamId === 't1')).toMatchObject({ state: 'declined', steps: [{}, { reason: '车辆故障' }] });
    expect(refusal(() => w.run(commander, 'dispatch:close', { dispatchId: id }))).toBe('conflict'); // t2 still out
  });

  it('refuses steps out of order', () => {
    const w = setup();
    const { id } = w.run(commander, 'dispatch:create', order(['t1'])) as { id: string };
    expect(refusal(() => w.run(leader, 'dispatch:report', { dispatchId: id, teamId: 't1', step: 'on-scene' }))).toBe('conflict');
    expect(refusal(() => w.run(commander, 'team:set-availability', { teamId: 't1', available: false }))).toBe('conflict');
  });
});

describe('evacuation and supplies commands', () => {
  it('keeps counts within the plan unless a reason is given', () => {
    const w = world();
    w.run({ user: 'admin', role: 'admin' }, 'region:define', {
      county: { code: '429901', name: '示范县', center: [110, 30] },
      townships: [{ code: '429901101000', name: '青石镇', center: [110, 30] }],
      villages: [{ code: '429901101201', name: '青石村', townshipCode: '429901101000', center: [110, 30], households: 100, population: 300 }],
    });
    const { id } = w.run(commander, 'evacuation:plan', { villageCode: '429901101201', households: 59, people: 139 }) as { id: string };
    const reporter: Actor = { user: 'reporter', role: 'reporter' };
    w.run(reporter, 'evacuation:report', { planId: id, movedHouseholds: 30, movedPeople: 70, central: 60, relatives: 10, returned: 0 });
    expect(w.state.evacuation.byId[id]).toMatchObject({ movedPeople: 70, central: 60 });
    expect(refusal(() => w.run(reporter, 'evacuation:report', { planId: id, movedHouseholds: 59, movedPeople: 140, central: 0, relatives: 0, returned: 0 }))).toBe('invalid');
    w.run(reporter, 'evacuation:report', { planId: id, movedHouseholds: 59, movedPeople: 140, central: 0, relatives: 0, returned: 0, reason: '访客一名' });
    expect(w.state.evacuation.byId[id]).toMatchObject({ movedPeople: 140, overPlanReason: '访客一名' });
  });

  it('allocates supplies only within the stock, and records every movement', () => {
    const w = setup();
    const { id } = w.run(commander, 'supply:register-warehouse', { name: '县仓', lonLat: [110, 30], keeper: '李', phone: '123', stock: [{ item: 'tent', quantity: 5 }] }) as { id: string };
    expect(refusal(() => w.run(commander, 'supply:allocate', { warehouseId: id, to: { kind: 'team', id: 't1' }, lines: [{ item: 'tent', quantity: 6 }] }))).toBe('conflict');
    w.run(commander, 'supply:allocate', { warehouseId: id, to: { kind: 'team', id: 't1' }, lines: [{ item: 'tent', quantity: 5 }] });
    expect(w.state.supplies.warehouses[id]!.stock.tent).toBe(0);
    expect(w.state.supplies.movements.map((m) => m.direction)).toEqual(['out', 'in']);
    expect(refusal(() => w.run(commander, 'supply:allocate', { warehouseId: id, to: { kind: 'shelter', id: 'nope' }, lines: [{ item: 'tent', quantity: 1 }] }))).toBe('not_found');
  });
});
