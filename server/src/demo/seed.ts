/**
 * The demo loader: puts the fictional county 示范县 and its duty roster on record through the
 * same command path as real data (`region:define`, `shift:schedule`), so the journal, the
 * projections and every client treat demo data exactly like the real thing.
 *
 * Idempotent and deterministic: the region and roster are pure functions of the seed and the
 * shift start times, and the loader only submits what the state does not already hold. On the
 * first start it defines the region and the whole roster (yesterday to seven days ahead); after
 * that it only adds shifts that have not ended yet and are missing (matched by start instant),
 * so a demo left running for days keeps a roster each time this runs.
 */
import { buildDemoHazards } from './hazards.js';
import { buildDemoRegion } from './region.js';
import { buildDemoRescue } from './rescue.js';
import { buildDemoShifts } from './shifts.js';
import { DEMO_SEED } from './world.js';

export interface DemoCommand {
  type: string;
  payload: unknown;
}

/** What the loader reads of the state: whether a county is defined, and the shifts on record. */
export interface DemoSeedState {
  region: { county: unknown | null };
  shifts: { shifts: Array<{ start: string }> };
  /** Absent in older callers: the rescue side is then seeded when the region is. */
  teams?: { byId: Record<string, unknown> };
  /** Absent in older callers: the hazard registry is then seeded when the region is. */
  hazardLedger?: { size: number };
}

/**
 * Seeds the demo. `submit` is the journal's submit bound to a system actor; it should resolve
 * once the command is journaled and reject with the domain's error otherwise (which propagates).
 * Returns `seeded: true` when it defined the region (a first start), and how many shifts it added.
 */
export async function seedDemo(
  submit: (cmd: DemoCommand) => Promise<unknown>,
  state: DemoSeedState,
  now: Date,
  seed = DEMO_SEED,
): Promise<{ seeded: boolean; shiftsScheduled: number }> {
  const seeded = state.region.county === null;
  if (seeded) await submit({ type: 'region:define', payload: buildDemoRegion(seed) });

  const onRecord = new Set(state.shifts.shifts.map((s) => Date.parse(s.start)));
  const missing = buildDemoShifts(now).filter(
    // Past shifts only on the first start: later, a gap in the past is history, not a hole to fill.
    (s) => !onRecord.has(Date.parse(s.start)) && (seeded || Date.parse(s.end) > now.getTime()),
  );
  // Submitted together: the journal commits them in one group, in this order.
  await Promise.all(missing.map((payload) => submit({ type: 'shift:schedule', payload })));

  // Teams, shelters, warehouses, then the evacuation plan that names the shelters (two groups).
  if (seeded || (state.teams && Object.keys(state.teams.byId).length === 0)) {
    const rescue = buildDemoRescue(buildDemoRegion(seed), seed);
    await Promise.all(rescue.standing.map((cmd) => submit(cmd)));
    await Promise.all(rescue.plans.map((cmd) => submit(cmd)));
  }
  // The hazard registry, as one ledger import (journaled in chunks), on an empty ledger only.
  if (seeded || state.hazardLedger?.size === 0) {
    await submit({ type: 'hazard:import', payload: { rows: buildDemoHazards(buildDemoRegion(seed), seed, now) } });
  }
  return { seeded, shiftsScheduled: missing.length };
}
