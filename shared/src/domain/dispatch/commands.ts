import { defineCommand, type CommandDef } from '../../command.js';
import { DomainError } from '../../errors.js';
import type { DecideContext, DraftEvent } from '../../journal.js';
import type { WatchState } from '../../state.js';
import type { TeamChange } from '../teams/slice.js';
import { isOut, nextTeamStatus, type TeamAction } from '../teams/status.js';
import {
  assignTeamSchema,
  closeDispatchSchema,
  createDispatchSchema,
  FINAL_ASSIGNMENT_STATES,
  recallTeamSchema,
  reportDispatchStepSchema,
  respondDispatchSchema,
  type AssignmentState,
  type DispatchOrder,
} from './model.js';
import type { AssignmentMoved } from './slice.js';

const COMMAND_ROLES = ['commander', 'admin'] as const;
/** Team leaders answer for their own team; the desk may record an answer given by phone. */
const FIELD_ROLES = ['team', 'commander', 'duty', 'admin'] as const;

function openOrder(state: WatchState, dispatchId: string): DispatchOrder {
  const order = state.dispatch.byId[dispatchId];
  if (!order) throw new DomainError('not_found', `no dispatch order ${dispatchId}`, 'dispatchId');
  if (order.closedAt) throw new DomainError('conflict', `dispatch order ${dispatchId} is closed`, 'dispatchId');
  return order;
}

function teamFor(state: WatchState, teamId: string, ctx: DecideContext) {
  const team = state.teams.byId[teamId];
  if (!team) throw new DomainError('not_found', `no team ${teamId}`, 'teamId');
  if (ctx.actor.role === 'team' && !team.accounts.includes(ctx.actor.user)) {
    throw new DomainError('forbidden', `${ctx.actor.user} does not act for team ${team.name}`, 'teamId');
  }
  return team;
}

/** Events that put `teamId` on `order`, taking it off its current order when reassigning. */
function assignEvents(state: WatchState, order: DispatchOrder, teamId: string, reassign: boolean, ctx: DecideContext): DraftEvent[] {
  const team = teamFor(state, teamId, ctx);
  if (team.dispatchId === order.id && isOut(team.status)) throw new DomainError('conflict', `${team.name} is already on this order`, 'teamId');
  const events: DraftEvent[] = [];
  if (isOut(team.status)) {
    // No double dispatch: a team out on another order moves only on an explicit reassignment.
    if (!reassign) throw new DomainError('conflict', `${team.name} is ${team.status} on another order; reassign it explicitly`, 'teamId');
    const status = nextTeamStatus(team.status, 'reassign');
    const data: AssignmentMoved & { teamChange: TeamChange } = {
      dispatchId: team.dispatchId!,
      teamId,
      state: 'reassigned',
      reason: `reassigned to ${order.id}`,
      teamChange: { teamId, status, dispatchId: order.id },
    };
    events.push({ type: 'dispatch:reassigned', data });
  } else {
    nextTeamStatus(team.status, 'assign');
  }
  const data: AssignmentMoved & { teamChange: TeamChange } = { dispatchId: order.id, teamId, state: 'pending', teamChange: { teamId, status: 'dispatched', dispatchId: order.id } };
  events.push({ type: 'dispatch:assigned', data });
  return events;
}

export const createDispatch = defineCommand({
  type: 'dispatch:create',
  summary: 'Create a dispatch order (调度令) and send teams on it',
  payload: createDispatchSchema,
  roles: COMMAND_ROLES,
  decide(state, p, ctx) {
    const id = ctx.newId('dsp');
    const { teamIds, reassign, ...rest } = p;
    const order: DispatchOrder = { ...rest, id, createdAt: ctx.now, createdBy: ctx.actor.user, assignments: [] };
    if (new Set(teamIds).size !== teamIds.length) throw new DomainError('invalid', 'a team is listed twice', 'teamIds');
    const events: DraftEvent[] = [{ type: 'dispatch:created', data: { dispatch: { ...rest, id } } }];
    teamIds.forEach((teamId) => events.push(...assignEvents(state, order, teamId, reassign, ctx)));
    return { events, result: { id } };
  },
});

export const assignTeam = defineCommand({
  type: 'dispatch:assign',
  summary: 'Send one more team on a dispatch order (or reassign one from another order)',
  payload: assignTeamSchema,
  roles: COMMAND_ROLES,
  decide(state, p, ctx) {
    return { events: assignEvents(state, openOrder(state, p.dispatchId), p.teamId, p.reassign, ctx) };
  },
});

/** The one assignment a team has on an order, when it is current (not final). */
function currentAssignment(order: DispatchOrder, teamId: string) {
  const a = order.assignments.find((x) => x.teamId === teamId && !FINAL_ASSIGNMENT_STATES.includes(x.state));
  if (!a) throw new DomainError('conflict', `team ${teamId} has no current assignment on ${order.id}`, 'teamId');
  return a;
}

function move(state: WatchState, p: { dispatchId: string; teamId: string }, action: TeamAction, next: AssignmentState, type: string, ctx: DecideContext, reason?: string) {
  const order = openOrder(state, p.dispatchId);
  const team = teamFor(state, p.teamId, ctx);
  currentAssignment(order, p.teamId);
  if (team.dispatchId !== order.id) throw new DomainError('conflict', `${team.name} is not on this order`, 'teamId');
  const status = nextTeamStatus(team.status, action);
  const data: AssignmentMoved & { teamChange: TeamChange } = {
    dispatchId: order.id,
    teamId: team.id,
    state: next,
    ...(reason ? { reason } : {}),
    teamChange: { teamId: team.id, status, dispatchId: status === 'standby' ? null : order.id },
  };
  return { events: [{ type, data }] };
}

export const respondDispatch = defineCommand({
  type: 'dispatch:respond',
  summary: 'A team leader accepts (and sets out) or declines a dispatch order, with a reason',
  payload: respondDispatchSchema,
  roles: FIELD_ROLES,
  decide(state, p, ctx) {
    return p.accept
      ? move(state, p, 'accept', 'en-route', 'dispatch:accepted', ctx)
      : move(state, p, 'decline', 'declined', 'dispatch:declined', ctx, p.reason);
  },
});

const STEP_ACTIONS = { 'on-scene': ['arrive', 'on-scene'], returning: ['leave-scene', 'returning'], back: ['back', 'done'] } as const;

export const reportDispatchStep = defineCommand({
  type: 'dispatch:report',
  summary: 'A team reports arriving on scene, leaving the scene, or being back at base',
  payload: reportDispatchStepSchema,
  roles: FIELD_ROLES,
  decide(state, p, ctx) {
    const [action, next] = STEP_ACTIONS[p.step];
    return move(state, p, action, next, 'dispatch:progressed', ctx);
  },
});

export const recallTeam = defineCommand({
  type: 'dispatch:recall',
  summary: 'Recall a team from an order: home if it had not set out, returning otherwise',
  payload: recallTeamSchema,
  roles: COMMAND_ROLES,
  decide(state, p, ctx) {
    const team = state.teams.byId[p.teamId];
    const next: AssignmentState = team?.status === 'dispatched' ? 'done' : 'returning';
    return move(state, p, 'recall', next, 'dispatch:progressed', ctx, 'recalled');
  },
});

export const closeDispatch = defineCommand({
  type: 'dispatch:close',
  summary: 'Close a dispatch order once no team is still out on it',
  payload: closeDispatchSchema,
  roles: COMMAND_ROLES,
  decide(state, p) {
    const order = openOrder(state, p.dispatchId);
    const out = order.assignments.filter((a) => !FINAL_ASSIGNMENT_STATES.includes(a.state));
    if (out.length > 0) throw new DomainError('conflict', `${out.length} team(s) still out on this order`, 'dispatchId');
    return { events: [{ type: 'dispatch:closed', data: { dispatchId: order.id } }] };
  },
});

export const dispatchCommands: CommandDef[] = [createDispatch, assignTeam, respondDispatch, reportDispatchStep, recallTeam, closeDispatch];
