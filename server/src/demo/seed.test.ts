import { afterEach, describe, expect, it } from 'vitest';
import { onDutyAt } from '@watchfloor/shared';
import { Journal } from '../journal/journal.js';
import { createSqliteStore } from '../store/sqlite.js';
import { tempDataDir } from '../testing/temp-dir.js';
import { seedDemo, type DemoCommand } from './seed.js';
import { buildDemoShifts } from './shifts.js';

const DAY_MS = 24 * 3600 * 1000;
const system = { user: 'system', role: 'system' as const };

const dirs: Array<{ remove(): void }> = [];
afterEach(() => {
  while (dirs.length) dirs.pop()!.remove();
});

async function openJournal(dir: string) {
  const journal = new Journal(createSqliteStore(dir));
  await journal.open();
  const submit = (cmd: DemoCommand) =>
    journal.submit({ ...cmd, actor: system, originIp: null, channel: 'system', idempotencyKey: null });
  return { journal, submit };
}

describe('seedDemo through the real journal', () => {
  // The journal prunes shifts by its own commit clock, so the demo runs on the real one here.
  const now = new Date();

  it('defines the county and the roster on first start, then adds nothing', async () => {
    const d = tempDataDir();
    dirs.push(d);
    const { journal, submit } = await openJournal(d.dir);

    const first = await seedDemo(submit, journal.current, now);
    expect(first).toEqual({ seeded: true, shiftsScheduled: 27 });
    const state = journal.current;
    expect(state.region.county?.name).toBe('示范县');
    expect(Object.keys(state.region.townships)).toHaveLength(15);
    expect(state.shifts.shifts).toHaveLength(27);
    const events = await journal.readAfter(0, 100);
    // The rescue side (teams, shelters, supplies, evacuation plan) follows the roster.
    expect(events.slice(0, 28).map((e) => e.type)).toEqual(['region:defined', ...Array<string>(27).fill('shift:scheduled')]);
    expect(events.every((e) => e.actor.role === 'system')).toBe(true);
    const { current, next } = onDutyAt(state.shifts, now);
    expect(current?.officers).toHaveLength(2);
    expect(next).not.toBeNull();

    const head = journal.head;
    expect(await seedDemo(submit, journal.current, now)).toEqual({ seeded: false, shiftsScheduled: 0 });
    expect(journal.head).toBe(head);
    await journal.close();

    // A restart reads the same journal back and still has nothing to add.
    const again = await openJournal(d.dir);
    expect(await seedDemo(again.submit, again.journal.current, now)).toEqual({ seeded: false, shiftsScheduled: 0 });
    expect(again.journal.head).toBe(head);
    await again.journal.close();
  });

  it('tops up the roster of a demo left running for days, with future shifts only', async () => {
    const d = tempDataDir();
    dirs.push(d);
    const { journal, submit } = await openJournal(d.dir);
    await seedDemo(submit, journal.current, now);

    const later = new Date(now.getTime() + 3 * DAY_MS);
    const before = new Set(journal.current.shifts.shifts.map((s) => Date.parse(s.start)));
    const result = await seedDemo(submit, journal.current, later);
    expect(result).toEqual({ seeded: false, shiftsScheduled: 9 });
    const added = journal.current.shifts.shifts.filter((s) => !before.has(Date.parse(s.start)));
    expect(added).toHaveLength(9);
    for (const s of added) expect(Date.parse(s.end)).toBeGreaterThan(later.getTime());
    // The roster again reaches the end of the seventh day ahead, without a gap.
    const all = journal.current.shifts.shifts;
    expect(all.at(-1)?.end).toBe(new Date(buildDemoShifts(later).at(-1)!.end).toISOString());
    for (let i = 1; i < all.length; i++) expect(all[i]!.start).toBe(all[i - 1]!.end);
    await journal.close();
  });
});

describe('seedDemo decisions', () => {
  const now = new Date('2025-07-15T06:30:00Z');

  it('does not fill past holes once the region exists, but does fill the current shift', async () => {
    const roster = buildDemoShifts(now);
    // On record: everything except two past shifts and the one in force now.
    const inForce = roster.find((s) => Date.parse(s.start) <= now.getTime() && now.getTime() < Date.parse(s.end))!;
    const onRecord = roster.filter((s, i) => i !== 0 && i !== 1 && s !== inForce);
    const submitted: DemoCommand[] = [];
    const result = await seedDemo(
      async (cmd) => {
        submitted.push(cmd);
        return { seq: submitted.length };
      },
      // Start times as the journal stores them (UTC); matching is by instant, not by text.
      { region: { county: { code: '429901' } }, shifts: { shifts: onRecord.map((s) => ({ start: new Date(s.start).toISOString() })) } },
      now,
    );
    expect(result).toEqual({ seeded: false, shiftsScheduled: 1 });
    expect(submitted).toEqual([{ type: 'shift:schedule', payload: inForce }]);
  });

  it('passes a refusal of the journal on to the caller', async () => {
    const refuse = async () => {
      throw new Error('refused');
    };
    await expect(seedDemo(refuse, { region: { county: null }, shifts: { shifts: [] } }, now)).rejects.toThrow('refused');
  });
});
