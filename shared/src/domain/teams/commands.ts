import { z } from 'zod';
import { defineCommand, type CommandDef } from '../../command.js';
import { DomainError } from '../../errors.js';
import { registerTeamSchema, type TeamRecord } from './model.js';
import type { TeamChange } from './slice.js';
import { importTeams } from './import.js';
import { nextTeamStatus } from './status.js';

export const registerTeam = defineCommand({
  type: 'team:register',
  summary: 'Register a rescue team or update its standing data (救援队伍登记)',
  payload: registerTeamSchema,
  roles: ['commander', 'admin'],
  decide(_state, p, ctx) {
    const team: TeamRecord = { ...p, id: p.id ?? ctx.newId('team') };
    return { events: [{ type: 'team:registered', data: { team } }], result: { id: team.id } };
  },
});

export const setTeamAvailabilitySchema = z.strictObject({
  teamId: z.string().min(1).max(60),
  available: z.boolean(),
  note: z.string().trim().max(200).optional(),
});

export const setTeamAvailability = defineCommand({
  type: 'team:set-availability',
  summary: 'Stand a team down (unavailable) or back up to standby',
  payload: setTeamAvailabilitySchema,
  roles: ['commander', 'admin'],
  decide(state, p) {
    const team = state.teams.byId[p.teamId];
    if (!team) throw new DomainError('not_found', `no team ${p.teamId}`, 'teamId');
    const status = nextTeamStatus(team.status, p.available ? 'stand-up' : 'stand-down');
    const teamChange: TeamChange = { teamId: team.id, status, dispatchId: null, ...(p.note && !p.available ? { note: p.note } : {}) };
    return { events: [{ type: 'team:availability-set', data: { teamChange } }] };
  },
});

export const teamCommands: CommandDef[] = [registerTeam, setTeamAvailability, importTeams];
