import { describe, expect, it } from 'vitest';
import { applyEvent, hazardRecordSchema, importRefusals, initialState, type JournalEvent } from '@watchfloor/shared';
import { buildDemoHazards } from './hazards.js';
import { buildDemoRegion } from './region.js';

describe('demo hazard registry', () => {
  const region = buildDemoRegion();
  const now = new Date('2024-07-15T02:00:00Z');
  const rows = buildDemoHazards(region, 1, now);

  it('is the same for the same seed and instant', () => {
    expect(buildDemoHazards(region, 1, now)).toEqual(rows);
  });

  it('is a ledger the import accepts whole: mapped points in villages, items at every loop stage', () => {
    const state = applyEvent(initialState(), { seq: 1, type: 'region:defined', at: now.toISOString(), actor: { user: 'system', role: 'system' }, data: region } as JournalEvent);
    const records = rows.map((r) => hazardRecordSchema.parse(r));
    expect(importRefusals(state.hazardLedger, state.region, records)).toEqual([]);
    const natural = records.filter((r) => r.id?.startsWith('DZ-'));
    expect(natural.length).toBeGreaterThan(200);
    expect(records.length).toBeGreaterThan(2000);
    const states = new Set(records.map((r) => r.state));
    expect([...states].sort()).toEqual(['closed', 'found', 'ledgered', 'rectified', 'rectifying']);
    expect(records.some((r) => r.supervision)).toBe(true);
    for (const r of natural) expect(region.villages.find((v) => v.code === r.villageCode)?.townshipCode).toBe(r.townshipCode);
  });
});
