import type { HazardItem, HazardPin, HazardRecord, HazardState, RiskLevel } from './model.js';
import { CST_OFFSET_MS, cstDay } from '../../cst.js';
import { refusal, type RowRefusal } from '../../import-rejections.js';

/**
 * The closed loop's rules (隐患闭环), as pure functions of the item, the actor and the instant.
 * Deciders, the import check, the overdue rule and the screens all ask these.
 */

/** Each loop action and the states it may start from. */
export const LOOP_ACTIONS = {
  ledger: ['found'],
  assignRectification: ['found', 'ledgered', 'rectifying'],
  completeRectification: ['rectifying'],
  rejectAcceptance: ['rectified'],
  close: ['rectified'],
  supervise: ['found', 'ledgered', 'rectifying', 'rectified'],
} as const satisfies Record<string, readonly HazardState[]>;
export type LoopAction = keyof typeof LOOP_ACTIONS;

/** Why `action` may not be taken on an item in `state`, or null when it may. */
export function transitionRefusal(state: HazardState, action: LoopAction): string | null {
  const from: readonly HazardState[] = LOOP_ACTIONS[action];
  return from.includes(state) ? null : `cannot ${action} a hazard that is ${state}`;
}

/** Only serious hazards are listed for supervision (挂牌督办): risk major (重大) or high (较大). */
export const SUPERVISABLE_RISKS: readonly RiskLevel[] = ['major', 'high'];

/**
 * Acceptance (验收销号) is by someone other than the rectifier: neither the named rectifier nor
 * whoever reported the rectification done may close the item.
 */
export function closeRefusal(item: Pick<HazardItem, 'rectification'>, closer: string): string | null {
  const r = item.rectification;
  if (!r) return 'no rectification on record to accept';
  const who = closer.trim();
  if (who === r.rectifier || who === r.completedBy) return `${who} rectified this hazard and may not accept it`;
  return null;
}

/** A deadline must lie in the future when it is set. */
export function deadlineRefusal(deadline: string, now: string): string | null {
  return Date.parse(deadline) > Date.parse(now) ? null : 'the deadline must be after now';
}

export type OverdueReason = 'supervision' | 'rectification';

/**
 * Why an item is overdue at `now`, or null. Closed items never are. A listed-supervision deadline
 * counts until the item is closed; the rectification deadline until the work is reported done.
 */
export function overdueReason(item: Pick<HazardItem, 'state' | 'rectification' | 'supervision'>, now: number): OverdueReason | null {
  if (item.state === 'closed') return null;
  if (item.supervision && Date.parse(item.supervision.deadline) < now) return 'supervision';
  if (item.state !== 'rectified' && item.rectification && Date.parse(item.rectification.deadline) < now) return 'rectification';
  return null;
}

/**
 * Whether a ledger row (import, migration) is a consistent loop state, or why not: a state past
 * `ledgered` needs its rectification, `closed` needs who accepted it (not the rectifier), and
 * mapped natural-hazard points need a location.
 */
export function recordRefusal(r: HazardRecord, category: 'natural' | 'enterprise'): RowRefusal | null {
  if (category === 'natural' && !r.location) return refusal('natural-needs-location', {}, 'a natural-hazard point needs a location');
  const needsPlan = r.state === 'rectifying' || r.state === 'rectified' || r.state === 'closed';
  if (needsPlan && !r.rectification) return refusal('state-needs-rectification', { state: r.state }, `a ${r.state} hazard needs its rectification (measures, deadline, rectifier)`);
  if (r.supervision && !SUPERVISABLE_RISKS.includes(r.riskLevel)) return refusal('supervision-needs-major-risk', {}, 'only major or high risks are listed for supervision');
  if (r.state === 'closed') {
    if (!r.closedBy || !r.closedAt) return refusal('closed-needs-acceptance', {}, 'a closed hazard needs who accepted it and when');
    const closing = closeRefusal(r, r.closedBy);
    if (closing) return refusal(r.rectification ? 'rectifier-cannot-accept' : 'no-rectification', { who: r.closedBy.trim() }, closing);
  } else if (r.closedBy || r.closedAt) {
    return refusal('accepted-but-not-closed', { state: r.state }, `a ${r.state} hazard cannot have been accepted`);
  }
  return null;
}

const DAY_MS = 86_400_000;

/** Flood season (汛期): June to September, China Standard Time. */
export function inFloodSeason(now: number): boolean {
  const month = new Date(now + CST_OFFSET_MS).getUTCMonth() + 1;
  return month >= 6 && month <= 9;
}

/**
 * How often a natural-hazard point must be patrolled, in days: in flood season daily for major
 * and high risks, every 3 days for medium, weekly for low; out of season monthly.
 */
export function patrolIntervalDays(risk: RiskLevel, now: number): number {
  if (!inFloodSeason(now)) return 30;
  return risk === 'major' || risk === 'high' ? 1 : risk === 'medium' ? 3 : 7;
}

/**
 * Whether a point is past its patrol interval at `now` (never patrolled counts from when it was
 * found). Only open natural-hazard points are patrolled.
 */
export function patrolOverdue(pin: Pick<HazardPin, 'category' | 'state' | 'riskLevel' | 'lastPatrolAt' | 'foundAt'>, now: number): boolean {
  if (pin.category !== 'natural' || pin.state === 'closed') return false;
  const since = pin.lastPatrolAt ?? pin.foundAt;
  return now - Date.parse(since) > patrolIntervalDays(pin.riskLevel, now) * DAY_MS;
}

/** The CST calendar day of an instant, `YYYY-MM-DD`: the trend's buckets. */
export const hazardDay = (iso: string): string => cstDay(Date.parse(iso));
