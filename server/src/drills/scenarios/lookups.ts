/**
 * What scenarios look up in the read model when a step is built: the township and villages of
 * the story, their evacuation plans, the nearest standby teams, the report being written next.
 * Scenarios never hard-code region codes or ids the seed chose: they find them here, so a drill
 * runs on any county whose data has the same shape.
 */
import { categoryOf, forEachHazard, recommendTeams, type EvacuationPlan, type LonLat, type Role, type Township, type WatchState } from '@watchfloor/shared';

export function townshipNamed(state: WatchState, name: string): Township {
  const tw = Object.values(state.region.townships).find((t) => t.name === name);
  if (!tw) throw new Error(`no township ${name} in the region`);
  return tw;
}

/** The township's evacuation plans that name a shelter (the prepared plan), by village code. */
export function shelterPlansOf(state: WatchState, townshipName: string): EvacuationPlan[] {
  const tw = townshipNamed(state, townshipName);
  const plans = Object.values(state.evacuation.byId)
    .filter((p) => p.shelterId && state.region.villages[p.villageCode]?.townshipCode === tw.code)
    .sort((a, b) => a.villageCode.localeCompare(b.villageCode));
  if (plans.length === 0) throw new Error(`no evacuation plan with a shelter in ${townshipName}`);
  return plans;
}

/** The `i`-th planned village of the township (0 or 1 in the landslide story). */
export function plannedVillage(state: WatchState, townshipName: string, i: number): { plan: EvacuationPlan; name: string; center: LonLat } {
  const plan = shelterPlansOf(state, townshipName)[i];
  if (!plan) throw new Error(`${townshipName} has no planned village #${i + 1}`);
  const v = state.region.villages[plan.villageCode]!;
  return { plan, name: v.name, center: v.center };
}

/** The point between the planned villages: where the crack is, and where teams go. */
export function scenePoint(state: WatchState, townshipName: string): LonLat {
  const centers = shelterPlansOf(state, townshipName).map((p) => state.region.villages[p.villageCode]!.center);
  const mean = (k: 0 | 1) => Math.round((centers.reduce((s, c) => s + c[k], 0) / centers.length) * 1e6) / 1e6;
  return [mean(0), mean(1)];
}

/** The `n` nearest standby teams to `target`, any kind (what the dispatch panel recommends). */
export const nearestStandby = (state: WatchState, target: LonLat, n: number): string[] =>
  recommendTeams(Object.values(state.teams.byId), target, [], new Map(), n).map((r) => r.teamId);

/** The team sent `i`-th on a dispatch order. */
export function teamOnOrder(state: WatchState, dispatchId: string, i: number): string {
  const a = state.dispatch.byId[dispatchId]?.assignments[i];
  if (!a) throw new Error(`dispatch ${dispatchId} has no team #${i + 1}`);
  return a.teamId;
}

/**
 * Who answers for a team in the field: its leader's account when it has one (the field page),
 * otherwise the duty officer recording the leader's answer given by phone, as the desk does.
 */
export function teamVoice(state: WatchState, teamId: string): { user: string; role: Role } {
  const account = state.teams.byId[teamId]?.accounts[0];
  return account ? { user: account, role: 'team' } : { user: 'duty', role: 'duty' };
}

/** The report of an incident's chain being written now (the last one), by kind when given. */
export function currentReport(state: WatchState, incidentId: string): string {
  const i = state.incidents.byId[incidentId];
  const id = i?.reportIds.at(-1);
  if (!id) throw new Error(`incident ${incidentId} has no report`);
  return id;
}

/** `k` of `n` batches of `total`, rounded so the last batch lands exactly on the total. */
export const batchOf = (total: number, k: number, n: number): number => Math.round((total * k) / n);

/** The township's evacuation plans for whole villages (no hazard point named), by village code. */
export function villagePlansOf(state: WatchState, townshipName: string): EvacuationPlan[] {
  const tw = townshipNamed(state, townshipName);
  return Object.values(state.evacuation.byId)
    .filter((p) => !p.hazardRef && state.region.villages[p.villageCode]?.townshipCode === tw.code)
    .sort((a, b) => a.villageCode.localeCompare(b.villageCode));
}

/** A closed rectangle around `points` with `marginKm` to spare, as a warning area polygon. */
export function boxAround(points: readonly LonLat[], marginKm: number): LonLat[] {
  const lat = points.reduce((s, p) => s + p[1], 0) / points.length;
  const dLat = marginKm / 111;
  const dLon = marginKm / (111 * Math.cos((lat * Math.PI) / 180));
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  const [w, e] = [Math.min(...points.map((p) => p[0])) - dLon, Math.max(...points.map((p) => p[0])) + dLon].map(r) as [number, number];
  const [s, n] = [Math.min(...points.map((p) => p[1])) - dLat, Math.max(...points.map((p) => p[1])) + dLat].map(r) as [number, number];
  return [[w, s], [e, s], [e, n], [w, n], [w, s]];
}

/** The township's natural hazard points (山洪, 滑坡…) on the ledger, by id: what patrols walk. */
export function naturalHazardsOf(state: WatchState, townshipName: string): string[] {
  const tw = townshipNamed(state, townshipName);
  const ids: string[] = [];
  forEachHazard(state.hazardLedger, (h) => {
    if (h.townshipCode === tw.code && categoryOf(h.kind) === 'natural') ids.push(h.id);
  });
  return ids.sort();
}
