import { z } from 'zod';
import { defineCommand, type CommandDef } from '../../command.js';
import { DomainError } from '../../errors.js';
import type { JournalEvent } from '../../journal.js';
import { defineSlice } from '../../slice.js';
import type { SheltersState } from '../shelters/index.js';

/**
 * The evacuation ledger (转移安置台账): per village, and per hazard point within it, the
 * households and people to move (the plan), moved, sheltered centrally (集中安置) or with
 * relatives (分散安置), and returned home (返迁).
 */
export const planEvacuationSchema = z.strictObject({
  villageCode: z.string().regex(/^\d{12}$/, 'a 12-digit village code'),
  /** The hazard point this part of the plan is for, when it is one (id in the hazard registry). */
  hazardRef: z.string().min(1).max(60).optional(),
  hazardLabel: z.string().trim().max(80).optional(),
  households: z.number().int().min(0).max(100_000),
  people: z.number().int().min(0).max(500_000),
  /** Where this village's centrally sheltered people go. */
  shelterId: z.string().min(1).max(60).optional(),
});
export type PlanEvacuation = z.input<typeof planEvacuationSchema>;

const count = z.number().int().min(0).max(500_000);
/** Payload of `evacuation:report`: the counts as they stand now (absolute, so a retry or a correction is harmless). */
export const reportEvacuationSchema = z.strictObject({
  planId: z.string().min(1).max(100),
  movedHouseholds: count,
  movedPeople: count,
  central: count,
  relatives: count,
  returned: count,
  /** Required when the moved counts go above the plan (e.g. visitors, people found on the way). */
  reason: z.string().trim().max(200).optional(),
});
export type ReportEvacuation = z.infer<typeof reportEvacuationSchema>;
export type EvacuationCounts = Omit<ReportEvacuation, 'planId' | 'reason'>;

export interface EvacuationPlan extends Omit<z.infer<typeof planEvacuationSchema>, 'households' | 'people'>, EvacuationCounts {
  id: string;
  planHouseholds: number;
  planPeople: number;
  overPlanReason?: string;
  updatedAt: string;
  updatedBy: string;
}

export const evacuationPlanId = (villageCode: string, hazardRef?: string): string => (hazardRef ? `evac-${villageCode}-${hazardRef}` : `evac-${villageCode}`);

/**
 * Checks one set of counts against its plan; throws a DomainError naming the field at fault.
 * Sheltered (central + relatives) and returned are among the moved; households never exceed
 * people; moving more than the plan needs a reason. Pure.
 */
export function checkEvacuationCounts(plan: { planHouseholds: number; planPeople: number }, c: EvacuationCounts, reason?: string): void {
  if (c.movedHouseholds > c.movedPeople) throw new DomainError('invalid', 'more households than people moved', 'movedHouseholds');
  if (c.central + c.relatives > c.movedPeople) throw new DomainError('invalid', 'more people sheltered than moved', 'central');
  if (c.returned > c.movedPeople) throw new DomainError('invalid', 'more people returned than moved', 'returned');
  const over = c.movedPeople > plan.planPeople || c.movedHouseholds > plan.planHouseholds;
  if (over && !reason) throw new DomainError('invalid', `moved counts above the plan (${plan.planHouseholds} households, ${plan.planPeople} people) need a reason`, 'reason');
}

export interface EvacuationState {
  byId: Record<string, EvacuationPlan>;
}
export const initialEvacuation = (): EvacuationState => ({ byId: {} });

const ZERO: EvacuationCounts = { movedHouseholds: 0, movedPeople: 0, central: 0, relatives: 0, returned: 0 };

export function reduceEvacuation(state: EvacuationState, event: JournalEvent): EvacuationState {
  if (event.type === 'evacuation:planned') {
    const { households, people, ...p } = event.data as z.infer<typeof planEvacuationSchema> & { id: string };
    const old = state.byId[p.id];
    const plan: EvacuationPlan = { ...ZERO, ...old, ...p, planHouseholds: households, planPeople: people, updatedAt: event.at, updatedBy: event.actor.user };
    return { byId: { ...state.byId, [p.id]: plan } };
  }
  if (event.type === 'evacuation:reported') {
    const { planId, reason, ...counts } = event.data as ReportEvacuation;
    const old = state.byId[planId];
    if (!old) return state;
    const plan: EvacuationPlan = { ...old, ...counts, updatedAt: event.at, updatedBy: event.actor.user };
    if (reason) plan.overPlanReason = reason;
    return { byId: { ...state.byId, [planId]: plan } };
  }
  return state;
}

export const evacuationSlice = defineSlice({ initial: initialEvacuation, reduce: reduceEvacuation });

export interface EvacuationTotals extends EvacuationCounts {
  planHouseholds: number;
  planPeople: number;
}

export function evacuationTotals(plans: Iterable<EvacuationPlan>): EvacuationTotals {
  const t: EvacuationTotals = { planHouseholds: 0, planPeople: 0, ...ZERO };
  for (const p of plans) for (const k of Object.keys(t) as Array<keyof EvacuationTotals>) t[k] += p[k];
  return t;
}

/** A shelter whose check-ins disagree with the villages' "sheltered centrally" counts. */
export interface ShelterMismatch {
  shelterId: string | null;
  /** People the evacuation ledger says are sheltered centrally there. */
  ledger: number;
  /** People checked in there now. */
  checkedIn: number;
}

/**
 * Shelters where the ledger's central count and the check-ins differ, plus (shelterId null) the
 * central count of plans that name no shelter at all. Pure; both screens flag these.
 */
export function shelterMismatches(evacuation: EvacuationState, shelters: SheltersState): ShelterMismatch[] {
  const ledger = new Map<string | null, number>();
  for (const p of Object.values(evacuation.byId)) {
    if (p.central === 0 && !p.shelterId) continue;
    const key = p.shelterId ?? null;
    ledger.set(key, (ledger.get(key) ?? 0) + p.central);
  }
  const out: ShelterMismatch[] = [];
  const ids = new Set<string | null>([...ledger.keys(), ...Object.keys(shelters.byId)]);
  for (const id of ids) {
    const l = ledger.get(id) ?? 0;
    const c = id === null ? 0 : (shelters.byId[id]?.occupancy ?? 0);
    if (l !== c) out.push({ shelterId: id, ledger: l, checkedIn: c });
  }
  return out;
}

export const planEvacuation = defineCommand({
  type: 'evacuation:plan',
  summary: 'Set the evacuation plan of a village or hazard point (households and people to move)',
  payload: planEvacuationSchema,
  roles: ['commander', 'duty', 'admin'],
  decide(state, p) {
    if (!state.region.villages[p.villageCode]) throw new DomainError('not_found', `no village ${p.villageCode}`, 'villageCode');
    if (p.shelterId && !state.shelters.byId[p.shelterId]) throw new DomainError('not_found', `no shelter ${p.shelterId}`, 'shelterId');
    if (p.people < p.households) throw new DomainError('invalid', 'more households than people', 'households');
    const id = evacuationPlanId(p.villageCode, p.hazardRef);
    return { events: [{ type: 'evacuation:planned', data: { ...p, id } }], result: { id } };
  },
});

export const reportEvacuation = defineCommand({
  type: 'evacuation:report',
  summary: 'Village officers report evacuation counts: moved, sheltered centrally / with relatives, returned',
  payload: reportEvacuationSchema,
  roles: ['reporter', 'commander', 'duty', 'admin'],
  decide(state, p) {
    const plan = state.evacuation.byId[p.planId];
    if (!plan) throw new DomainError('not_found', `no evacuation plan ${p.planId}`, 'planId');
    const { planId: _id, reason, ...counts } = p;
    checkEvacuationCounts(plan, counts, reason);
    return { events: [{ type: 'evacuation:reported', data: p }] };
  },
});

export const evacuationCommands: CommandDef[] = [planEvacuation, reportEvacuation];
