import { DomainError } from '../../errors.js';

/**
 * A rescue team's status (队伍状态). The cycle of a dispatch is
 * standby → dispatched → en-route → on-scene → returning → standby; `unavailable` is a team
 * stood down (training, repair, rest) and can only be entered from and left to standby.
 */
export const TEAM_STATUSES = ['standby', 'dispatched', 'en-route', 'on-scene', 'returning', 'unavailable'] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];

/** What moves a team from one status to the next. */
export const TEAM_ACTIONS = ['assign', 'reassign', 'accept', 'decline', 'arrive', 'leave-scene', 'recall', 'back', 'stand-down', 'stand-up'] as const;
export type TeamAction = (typeof TEAM_ACTIONS)[number];

/** The transition table: from status, by action, to status. Anything absent is refused. */
const TRANSITIONS: Record<TeamStatus, Partial<Record<TeamAction, TeamStatus>>> = {
  standby: { assign: 'dispatched', 'stand-down': 'unavailable' },
  // Accepting an order means setting out (出动): the field page has one button for both.
  // `reassign` takes a team already out to a new order: only ever on an explicit reassignment.
  dispatched: { accept: 'en-route', decline: 'standby', recall: 'standby', reassign: 'dispatched' },
  'en-route': { arrive: 'on-scene', recall: 'returning', reassign: 'dispatched' },
  'on-scene': { 'leave-scene': 'returning', recall: 'returning', reassign: 'dispatched' },
  returning: { back: 'standby', reassign: 'dispatched' },
  unavailable: { 'stand-up': 'standby' },
};

/** Statuses in which a team is out on a dispatch: it reports its position and cannot take another order. */
export const OUT_STATUSES: readonly TeamStatus[] = ['dispatched', 'en-route', 'on-scene', 'returning'];

export const isOut = (status: TeamStatus): boolean => OUT_STATUSES.includes(status);

/** The status after `action`, or a `conflict` DomainError naming both. Pure. */
export function nextTeamStatus(current: TeamStatus, action: TeamAction): TeamStatus {
  const next = TRANSITIONS[current][action];
  if (!next) throw new DomainError('conflict', `a team that is ${current} cannot ${action}`, 'status');
  return next;
}

/** Whether `action` is allowed from `current` (for enabling buttons). */
export function canTeam(current: TeamStatus, action: TeamAction): boolean {
  return TRANSITIONS[current][action] !== undefined;
}
