import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, teamPositionSchema } from '@watchfloor/shared';
import { errorBodySchema } from '../routes/command-helpers.js';
import type { JournalStore } from '../store/types.js';
import { REPLAY_CHECKPOINT_EVERY_EVENTS, ReplayCheckpoints } from './checkpoints.js';
import { readWindow } from './window.js';

/** Most events one window carries: a replay of a busy night fits, a season does not. */
export const REPLAY_WINDOW_MAX_EVENTS = 50_000;
/** Most team track points one window carries: 300 teams out, one fix per 5 s, for 25 minutes. */
export const REPLAY_WINDOW_MAX_TRACK_POINTS = 100_000;

const instant = z.iso.datetime({ offset: true });

/**
 * Replay (复盘): `GET /api/journal/window?from=&to=` gives the client part of the read model as it
 * stood at `from`, the events of [from, to), and the fixes of teams out on a dispatch taken in
 * [from, to), so a wall-like view can play the night again, teams moving, at any speed. The state
 * is folded with the same reducers the live server uses, from the newest replay checkpoint before
 * `from` (kept in the journal store as the journal advances), so the replay shows exactly what
 * the wall showed, however long the journal.
 */
export const replayPlugin = fp<{ store: JournalStore; checkpointEveryEvents?: number | undefined }>(
  async (app: FastifyInstance, opts) => {
    const checkpoints = new ReplayCheckpoints(opts.store, opts.checkpointEveryEvents ?? REPLAY_CHECKPOINT_EVERY_EVENTS, (error) =>
      app.log.warn({ err: error }, 'writing a replay checkpoint failed'),
    );
    await checkpoints.open();
    // Listeners run after the commit, in seq order, with the read model already advanced.
    const unsubscribe = app.journal.subscribe((events) => {
      const last = events[events.length - 1];
      const state = app.journal.current;
      if (last && last.seq === state.seq) checkpoints.advanced(state, last.at);
    });
    app.addHook('preClose', async () => {
      unsubscribe();
      await checkpoints.settle();
    });
    const journal = { readAfter: (after: number, limit: number) => app.journal.readAfter(after, limit), firstSeqAtOrAfter: (at: string) => opts.store.firstSeqAtOrAfter(at) };

    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/journal/window',
      {
        onRequest: app.requireRole('duty', 'commander', 'admin', 'wall'),
        schema: {
          summary: 'The read model at `from`, the journal events and the team track points in [from, to): the after-action replay',
          tags: ['replay'],
          security: [{ bearer: [] }],
          querystring: z.strictObject({ from: instant, to: instant }),
          response: {
            200: z.object({
              from: z.string(),
              to: z.string(),
              state: z.any(),
              events: z.array(z.any()),
              truncated: z.boolean(),
              tracks: z.object({
                points: z.array(teamPositionSchema).describe('Fixes of teams out on a dispatch, by fix time'),
                truncated: z.boolean(),
              }),
            }),
            400: errorBodySchema,
            403: errorBodySchema,
          },
        },
      },
      async (request) => {
        const from = Date.parse(request.query.from);
        const to = Date.parse(request.query.to);
        if (to <= from) throw new DomainError('invalid', 'to must be after from', 'to');
        const window = await readWindow(journal, checkpoints, from, to, REPLAY_WINDOW_MAX_EVENTS);
        const [fromIso, toIso] = [new Date(from).toISOString(), new Date(to).toISOString()];
        const tracks = app.positions.tracks.between(fromIso, toIso, REPLAY_WINDOW_MAX_TRACK_POINTS);
        return { from: fromIso, to: toIso, state: window.state, events: window.events, truncated: window.truncated, tracks };
      },
    );
  },
  { name: 'replay', dependencies: ['watchfloor-journal', 'watchfloor-positions'] },
);
