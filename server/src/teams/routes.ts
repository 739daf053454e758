import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, positionBodySchema, recommendTeams, TEAM_KINDS, TEAM_STATUSES, type LonLat } from '@watchfloor/shared';
import { errorBodySchema } from '../routes/command-helpers.js';

/** A fix further in the future than this is a device clock gone wrong, in ms. */
const MAX_FUTURE_SKEW_MS = 5 * 60_000;
const teamParams = z.object({ id: z.string().min(1).max(60) });

/** Rescue teams over REST: the list with live positions, position reports, dispatch tracks and recommendations. */
export async function teamRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/teams/:id/position',
    {
      onRequest: app.requireRole('team', 'commander', 'duty', 'admin'),
      schema: {
        summary: "Report a team's position: one fix or a batch (devices, GPS gateways, the field page)",
        description: 'Coalesced, not journaled: the latest fix per team is broadcast as the `positions` socket message every 250 ms; fixes of a team out on a dispatch are kept as its track. A `team` account may report only for its own team.',
        tags: ['teams'],
        security: [{ bearer: [] }],
        params: teamParams,
        body: positionBodySchema,
        response: { 202: z.object({ accepted: z.number() }), 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const team = app.journal.current.teams.byId[request.params.id];
      if (!team) throw new DomainError('not_found', `no team ${request.params.id}`, 'id');
      const principal = request.principal!;
      if (principal.role === 'team' && !team.accounts.includes(principal.user)) {
        throw new DomainError('forbidden', `${principal.user} does not act for team ${team.name}`, 'id');
      }
      const reports = request.body;
      const now = app.clock.now();
      const future = reports.findIndex((p) => p.at !== undefined && Date.parse(p.at) > now.getTime() + MAX_FUTURE_SKEW_MS);
      if (future >= 0) throw new DomainError('invalid', 'position time is in the future', `${future}.at`);
      const dispatchId = team.status !== 'standby' && team.status !== 'unavailable' ? team.dispatchId : null;
      const accepted = app.positions.hub.accept(team.id, reports, now.toISOString(), dispatchId);
      return reply.code(202).send({ accepted });
    },
  );

  r.get(
    '/api/teams',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Every rescue team with its status and latest position',
        tags: ['teams'],
        security: [{ bearer: [] }],
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              kind: z.enum(TEAM_KINDS),
              status: z.enum(TEAM_STATUSES),
              position: z.object({ lon: z.number(), lat: z.number(), at: z.string() }).nullable(),
            }),
          ),
        },
      },
    },
    async () =>
      Object.values(app.journal.current.teams.byId).map((t) => {
        const p = app.positions.hub.get(t.id);
        return { id: t.id, name: t.name, kind: t.kind, status: t.status, position: p ? { lon: p.lon, lat: p.lat, at: p.at } : null };
      }),
  );

  r.get(
    '/api/dispatch/:id/track',
    {
      onRequest: app.authenticate,
      schema: { summary: "A dispatch order's recorded tracks, per team, for replay", tags: ['teams'], security: [{ bearer: [] }], params: teamParams },
    },
    async (request) => app.positions.tracks.track(request.params.id),
  );

  r.get(
    '/api/dispatch/recommendations',
    {
      onRequest: app.requireRole('commander', 'duty', 'admin'),
      schema: {
        summary: 'The nearest suitable standby teams for a destination, with distance and ETA',
        tags: ['teams'],
        security: [{ bearer: [] }],
        querystring: z.object({
          lon: z.coerce.number().min(-180).max(180),
          lat: z.coerce.number().min(-90).max(90),
          kinds: z.string().max(200).optional().transform((s) => (s ? s.split(',') : [])).pipe(z.array(z.enum(TEAM_KINDS))),
          limit: z.coerce.number().int().min(1).max(50).default(5),
        }),
      },
    },
    async (request) => {
      const { lon, lat, kinds, limit } = request.query;
      const live = new Map<string, LonLat>(app.positions.hub.all().map((p) => [p.teamId, [p.lon, p.lat]]));
      return recommendTeams(Object.values(app.journal.current.teams.byId), [lon, lat], kinds, live, limit);
    },
  );
}
