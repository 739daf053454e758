import { z } from 'zod';
import { defineCommand } from '../../command.js';
import { DomainError } from '../../errors.js';
import { refusal, type RowRefusal } from '../../import-rejections.js';
import type { WatchState } from '../../state.js';
import { registerTeamSchema, type TeamRecord } from './model.js';

/** A county's roster of teams is a few hundred; a file longer than this is a mistake. */
export const TEAM_IMPORT_MAX_ROWS = 2000;

export const importTeamsSchema = z.strictObject({
  teams: z.array(registerTeamSchema).min(1).max(TEAM_IMPORT_MAX_ROWS),
});

export interface TeamImportRefusal extends RowRefusal {
  index: number;
}

/**
 * What is wrong with a set of teams taken together: a name or id twice in the file, or a
 * township the region does not know. Pure; the route maps indexes to spreadsheet rows.
 */
export function teamImportRefusals(state: Pick<WatchState, 'region'>, teams: ReadonlyArray<z.infer<typeof registerTeamSchema>>): TeamImportRefusal[] {
  const out: TeamImportRefusal[] = [];
  const names = new Map<string, number>();
  const ids = new Map<string, number>();
  teams.forEach((t, index) => {
    const sameName = names.get(t.name);
    const sameId = t.id === undefined ? undefined : ids.get(t.id);
    if (sameName !== undefined) out.push({ index, ...refusal('name-twice', { name: t.name }, `the team ${t.name} is in the file twice`) });
    else if (sameId !== undefined) out.push({ index, ...refusal('id-twice', { id: t.id! }, `the id ${t.id} is already in the file`) });
    else if (t.townshipCode && !state.region.townships[t.townshipCode]) out.push({ index, ...refusal('unknown-township', { township: t.townshipCode }, `no township ${t.townshipCode} in the region`) });
    names.set(t.name, index);
    if (t.id !== undefined) ids.set(t.id, index);
  });
  return out;
}

/**
 * `team:register` for a whole file, all or nothing: the same `team:registered` events, one per
 * team. A team without an id that has the name of a team on record updates that team, so
 * importing the same file twice adds nobody.
 */
export const importTeams = defineCommand({
  type: 'team:import',
  summary: 'Register many rescue teams at once (救援队伍导入): all of them or none',
  payload: importTeamsSchema,
  roles: ['commander', 'admin'],
  decide(state, p, ctx) {
    const first = teamImportRefusals(state, p.teams)[0];
    if (first) throw new DomainError('invalid', `team ${first.index + 1}: ${first.reason}`, `teams.${first.index}`);
    const byName = new Map(Object.values(state.teams.byId).map((t) => [t.name, t.id]));
    const events = p.teams.map((t) => {
      const team: TeamRecord = { ...t, id: t.id ?? byName.get(t.name) ?? ctx.newId('team') };
      return { type: 'team:registered', data: { team } };
    });
    return { events, result: { imported: events.length } };
  },
});
