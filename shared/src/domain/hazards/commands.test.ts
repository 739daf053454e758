import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.js';
import type { DecideContext, JournalEvent } from '../../journal.js';
import { applyEvent, initialState, type WatchState } from '../../state.js';
import { hazardCommands } from './commands.js';
import { hazardOverdueRule } from './due.js';
import { getHazard, LEDGER_BUCKETS } from './slices.js';

const TS = '511111100000';
const VILLAGE = '511111100001';
const region = {
  county: { code: '511111', name: '示范县', center: [103.5, 29.6] as [number, number] },
  townships: [{ code: TS, name: '青石镇', center: [103.5, 29.6] as [number, number] }],
  villages: [{ code: VILLAGE, name: '石门村', townshipCode: TS, center: [103.51, 29.61] as [number, number], households: 100, population: 300 }],
};
const cmd = (type: string) => hazardCommands.find((c) => c.type === type)!;

/** A tiny journal: decide, then fold what was decided, like the server does. */
function harness(now = '2024-07-01T00:00:00.000Z') {
  let state: WatchState = initialState();
  let seq = 0;
  let n = 0;
  const fold = (type: string, data: unknown, user = 'admin') => {
    state = applyEvent(state, { seq: ++seq, type, at: now, actor: { user, role: 'admin' }, data } as JournalEvent);
  };
  fold('region:defined', region);
  const run = (type: string, payload: unknown, user = 'duty', at = now) => {
    const ctx: DecideContext = { now: at, actor: { user, role: 'duty' }, newId: (p) => `${p}_${++n}` };
    const def = cmd(type);
    const d = def.decide(state, def.payload.parse(payload), ctx);
    for (const e of d.events) fold(e.type, e.data, user);
    return d;
  };
  return { run, state: () => state };
}

const row = { name: '后山滑坡', kind: 'landslide', riskLevel: 'major', townshipCode: TS, villageCode: VILLAGE, location: [103.51, 29.61] };

describe('hazard commands', () => {
  it('imports in chunks of 500 and refuses the whole file for one bad row', () => {
    const h = harness();
    const rows = Array.from({ length: 1201 }, (_, i) => ({ ...row, id: `HZ-${i}` }));
    const d = h.run('hazard:import', { rows });
    expect(d.events.map((e) => (e.data as { items: unknown[] }).items.length)).toEqual([500, 500, 201]);
    expect(h.state().hazardLedger.size).toBe(1201);
    expect(h.state().hazards.total).toBe(1201);
    expect(h.state().hazards.counts[`${TS}|landslide|ledgered`]).toBe(1201);
    const bad = [{ ...row, id: 'NEW-1' }, { ...row, id: 'HZ-3' }];
    expect(() => h.run('hazard:import', { rows: bad })).toThrow(/row 2: id HZ-3 is already/);
    expect(h.state().hazardLedger.size).toBe(1201);
  });

  it('runs the loop: report → ledger → rectify → done → closed by someone else', () => {
    const h = harness();
    const { result } = h.run('hazard:report', { ...row });
    const id = String(result!.id);
    h.run('hazard:ledger', { id });
    h.run('hazard:assign-rectification', { id, measures: '削坡、排水', deadline: '2024-07-20T00:00:00Z', rectifier: '王强' });
    h.run('hazard:complete-rectification', { id }, 'reporter');
    expect(() => h.run('hazard:close', { id }, 'reporter')).toThrow(DomainError);
    expect(() => h.run('hazard:close', { id }, '王强')).toThrow(/may not accept/);
    h.run('hazard:close', { id }, 'commander');
    const item = getHazard(h.state().hazardLedger, id)!;
    expect(item).toMatchObject({ state: 'closed', closedBy: 'commander' });
    expect(h.state().hazards.counts).toEqual({ [`${TS}|landslide|closed`]: 1 });
    expect(h.state().hazards.daily['2024-07-01']).toEqual({ found: 1, closed: 1 });
  });

  it('refuses out-of-order steps, past deadlines and supervision of low risks', () => {
    const h = harness();
    const id = String(h.run('hazard:report', { ...row, riskLevel: 'low' }).result!.id);
    expect(() => h.run('hazard:close', { id })).toThrow(/cannot close/);
    expect(() => h.run('hazard:assign-rectification', { id, measures: 'x', deadline: '2024-06-01T00:00:00Z', rectifier: '王强' })).toThrow(/after now/);
    expect(() => h.run('hazard:supervise', { id, level: 'county', deadline: '2024-08-01T00:00:00Z' })).toThrow(/major or high/);
  });

  it('flags overdue items once, by the due rule, and a new deadline clears the flag', () => {
    const h = harness();
    const id = String(h.run('hazard:report', { ...row }).result!.id);
    h.run('hazard:supervise', { id, level: 'city', deadline: '2024-07-05T00:00:00Z' });
    expect(hazardOverdueRule(h.state(), new Date('2024-07-04T00:00:00Z'))).toEqual([]);
    const due = hazardOverdueRule(h.state(), new Date('2024-07-06T00:00:00Z'));
    expect(due).toEqual([{ type: 'hazard:flag-overdue', payload: { ids: [id] } }]);
    h.run('hazard:flag-overdue', due[0]!.payload, 'system', '2024-07-06T00:00:00.000Z');
    expect(h.state().hazards.overdue).toEqual({ [`${TS}|landslide`]: 1 });
    expect(hazardOverdueRule(h.state(), new Date('2024-07-06T00:00:00Z'))).toEqual([]);
    h.run('hazard:supervise', { id, level: 'city', deadline: '2024-08-01T00:00:00Z' }, 'commander', '2024-07-06T00:00:00.000Z');
    expect(h.state().hazards.overdue).toEqual({});
  });

  it('changes one bucket of the ledger per change, sharing the rest', () => {
    const h = harness();
    h.run('hazard:import', { rows: Array.from({ length: 2000 }, (_, i) => ({ ...row, id: `HZ-${i}`, state: 'found' })) });
    const before = h.state().hazardLedger;
    h.run('hazard:ledger', { id: 'HZ-7' }, 'duty');
    const after = h.state().hazardLedger;
    const shared = after.buckets.filter((b, i) => b === before.buckets[i]).length;
    expect(shared).toBe(LEDGER_BUCKETS - 1);
  });

  it('records a patrol on a point and keeps the newest', () => {
    const h = harness();
    const id = String(h.run('hazard:report', { ...row }).result!.id);
    h.run('patrol:record', { hazardId: id, phase: 'in-flood', findings: '裂缝无扩大' }, 'reporter');
    h.run('patrol:record', { hazardId: id, phase: 'pre-flood', findings: '旧记录', at: '2024-06-01T00:00:00Z' }, 'reporter');
    expect(h.state().hazards.points[id]?.lastPatrolAt).toBe('2024-07-01T00:00:00.000Z');
    expect(() => h.run('patrol:record', { hazardId: id, phase: 'in-flood', findings: 'x', at: '2024-07-02T00:00:00Z' })).toThrow(/future/);
  });
});
