import type { JournalEvent } from '../../journal.js';
import { defineSlice } from '../../slice.js';
import type { Team, TeamRecord } from './model.js';
import type { TeamStatus } from './status.js';

/**
 * A team's status change, carried by every event that moves a team (dispatch events included),
 * so this reducer needs no knowledge of dispatch rules: the decider already applied them.
 */
export interface TeamChange {
  teamId: string;
  status: TeamStatus;
  dispatchId: string | null;
  note?: string;
}

export interface TeamsState {
  byId: Record<string, Team>;
}

export const initialTeams = (): TeamsState => ({ byId: {} });

export function reduceTeams(state: TeamsState, event: JournalEvent): TeamsState {
  if (event.type === 'team:registered') {
    const record = (event.data as { team: TeamRecord }).team;
    const old = state.byId[record.id];
    const team: Team = old
      ? { ...old, ...record }
      : { ...record, status: 'standby', statusAt: event.at, dispatchId: null };
    return { byId: { ...state.byId, [team.id]: team } };
  }
  const change = (event.data as { teamChange?: TeamChange } | null)?.teamChange;
  if (!change) return state;
  const old = state.byId[change.teamId];
  if (!old) return state;
  const team: Team = { ...old, status: change.status, statusAt: event.at, dispatchId: change.dispatchId };
  if (change.note) team.note = change.note;
  else delete team.note;
  return { byId: { ...state.byId, [team.id]: team } };
}

export const teamsSlice = defineSlice({ initial: initialTeams, reduce: reduceTeams });

/** Teams counted by status, for the wall's panel. */
export function countTeamsByStatus(state: TeamsState): Record<TeamStatus, number> {
  const out: Record<TeamStatus, number> = { standby: 0, dispatched: 0, 'en-route': 0, 'on-scene': 0, returning: 0, unavailable: 0 };
  for (const t of Object.values(state.byId)) out[t.status] += 1;
  return out;
}

/** The team a `team` account acts for, if any. */
export function teamOfAccount(state: TeamsState, user: string): Team | null {
  return Object.values(state.byId).find((t) => t.accounts.includes(user)) ?? null;
}
