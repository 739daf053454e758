import { afterEach, describe, expect, it } from 'vitest';
import { evacuationTotals, shelterMismatches } from '@watchfloor/shared';
import { Journal } from '../journal/journal.js';
import { createSqliteStore } from '../store/sqlite.js';
import { tempDataDir } from '../testing/temp-dir.js';
import { buildDemoRegion } from './region.js';
import { buildDemoRescue, SCENARIO_SHELTER_ID } from './rescue.js';
import { seedDemo, type DemoCommand } from './seed.js';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => {
  while (dirs.length) dirs.pop()!.remove();
});

describe('demo rescue data', () => {
  it('is deterministic for a seed', () => {
    expect(JSON.stringify(buildDemoRescue(buildDemoRegion(1), 1))).toBe(JSON.stringify(buildDemoRescue(buildDemoRegion(1), 1)));
  });

  it('goes through the command path: teams at bases in the county, the 青石镇 plan of 59 households / 139 people', async () => {
    const d = tempDataDir();
    dirs.push(d);
    const journal = new Journal(createSqliteStore(d.dir));
    await journal.open();
    const submit = (cmd: DemoCommand) => journal.submit({ ...cmd, actor: { user: 'system', role: 'system' }, originIp: null, channel: 'system', idempotencyKey: null });
    await seedDemo(submit, journal.current, new Date());
    const s = journal.current;
    const teams = Object.values(s.teams.byId);
    expect(teams.filter((t) => t.level === 'county')).toHaveLength(8);
    expect(teams.filter((t) => t.level === 'township')).toHaveLength(15);
    expect(teams.every((t) => t.status === 'standby')).toBe(true);
    expect(teams.filter((t) => t.accounts.includes('team')).map((t) => t.name)).toEqual(['县综合应急救援大队']);
    const scenario = Object.values(s.evacuation.byId).filter((p) => p.shelterId === SCENARIO_SHELTER_ID);
    expect(evacuationTotals(scenario)).toMatchObject({ planHouseholds: 59, planPeople: 139, movedPeople: 0 });
    expect(s.shelters.byId[SCENARIO_SHELTER_ID]?.open).toBe(true);
    expect(shelterMismatches(s.evacuation, s.shelters)).toEqual([]);
    expect(Object.keys(s.supplies.warehouses)).toHaveLength(3);
    // Seeding again adds nothing.
    const head = journal.head;
    await seedDemo(submit, journal.current, new Date());
    expect(journal.head).toBe(head);
    await journal.close();
  });
});
