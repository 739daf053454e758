import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.js';
import type { SheltersState } from '../shelters/index.js';
import { checkEvacuationCounts, shelterMismatches, type EvacuationCounts, type EvacuationPlan, type EvacuationState } from './index.js';

const plan = { planHouseholds: 59, planPeople: 139 };
const c = (movedHouseholds: number, movedPeople: number, central = 0, relatives = 0, returned = 0): EvacuationCounts => ({ movedHouseholds, movedPeople, central, relatives, returned });

describe('evacuation counts', () => {
  it.each<[string, EvacuationCounts, string | undefined]>([
    ['none moved yet', c(0, 0), undefined],
    ['all moved and sheltered', c(59, 139, 100, 39), undefined],
    ['some returned', c(59, 139, 100, 39, 20), undefined],
    ['above the plan with a reason', c(60, 142, 142), '3 visitors found on the way'],
  ])('accepts %s', (_n, counts, reason) => expect(() => checkEvacuationCounts(plan, counts, reason)).not.toThrow());

  it.each<[string, EvacuationCounts, string]>([
    ['people above the plan without a reason', c(59, 140), 'reason'],
    ['households above the plan without a reason', c(60, 139), 'reason'],
    ['more sheltered than moved', c(10, 20, 15, 6), 'central'],
    ['more returned than moved', c(10, 20, 0, 0, 21), 'returned'],
    ['more households than people', c(10, 5), 'movedHouseholds'],
  ])('refuses %s', (_n, counts, field) => {
    try {
      checkEvacuationCounts(plan, counts);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).field).toBe(field);
    }
  });
});

describe('shelterMismatches', () => {
  const p = (id: string, central: number, shelterId?: string): EvacuationPlan => ({
    id, villageCode: '429901101201', planHouseholds: 10, planPeople: 30, ...c(10, 30, central), updatedAt: '', updatedBy: '', ...(shelterId ? { shelterId } : {}),
  });
  const shelter = (id: string, occupancy: number) => ({ id, name: id, lonLat: [0, 0] as [number, number], capacity: 500, contact: 'x', phone: '1', open: true, occupancy, checkedIn: occupancy, checkedOut: 0, updatedAt: '' });
  const evac = (...plans: EvacuationPlan[]): EvacuationState => ({ byId: Object.fromEntries(plans.map((x) => [x.id, x])) });
  const shelters = (...s: ReturnType<typeof shelter>[]): SheltersState => ({ byId: Object.fromEntries(s.map((x) => [x.id, x])) });

  it('is empty when the ledger and the check-ins agree', () => {
    expect(shelterMismatches(evac(p('a', 20, 's1'), p('b', 10, 's1')), shelters(shelter('s1', 30)))).toEqual([]);
  });
  it('flags a shelter whose check-ins differ from the ledger', () => {
    expect(shelterMismatches(evac(p('a', 20, 's1')), shelters(shelter('s1', 25)))).toEqual([{ shelterId: 's1', ledger: 20, checkedIn: 25 }]);
  });
  it('flags people sheltered centrally with no shelter named', () => {
    expect(shelterMismatches(evac(p('a', 5)), shelters())).toEqual([{ shelterId: null, ledger: 5, checkedIn: 0 }]);
  });
});
