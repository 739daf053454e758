import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientState, DomainError, foldEvents, initialState, type JournalEvent } from '@watchfloor/shared';
import { errorBodySchema } from '../routes/command-helpers.js';

/** Most events one window carries: a replay of a busy night fits, a season does not. */
export const REPLAY_WINDOW_MAX_EVENTS = 50_000;
/** Journal read page size while folding up to the window's start. */
const PAGE = 2000;

const instant = z.iso.datetime({ offset: true });

/**
 * Replay (复盘): `GET /api/journal/window?from=&to=` gives the client part of the read model as it
 * stood at `from` and the events of [from, to), so a wall-like view can play the night again at
 * any speed. The state is folded from the start of the journal with the same reducers the live
 * server uses, so the replay shows exactly what the wall showed.
 */
export const replayPlugin = fp(
  async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/journal/window',
      {
        onRequest: app.requireRole('duty', 'commander', 'admin', 'wall'),
        schema: {
          summary: 'The read model at `from` and the journal events in [from, to): the after-action replay',
          tags: ['replay'],
          security: [{ bearer: [] }],
          querystring: z.strictObject({ from: instant, to: instant }),
          response: {
            200: z.object({ from: z.string(), to: z.string(), state: z.any(), events: z.array(z.any()), truncated: z.boolean() }),
            400: errorBodySchema,
            403: errorBodySchema,
          },
        },
      },
      async (request) => {
        const from = Date.parse(request.query.from);
        const to = Date.parse(request.query.to);
        if (to <= from) throw new DomainError('invalid', 'to must be after from', 'to');
        let state = initialState();
        const events: JournalEvent[] = [];
        let truncated = false;
        let after = 0;
        // Events are in commit order, and commit instants never go back: one pass, stop past `to`.
        let done = false;
        while (!done) {
          const page = await app.journal.readAfter(after, PAGE);
          if (page.length === 0) break;
          after = page[page.length - 1]!.seq;
          const before: JournalEvent[] = [];
          for (const e of page) {
            const at = Date.parse(e.at);
            if (at < from) before.push(e);
            else if (at >= to) done = true;
            else if (events.length === REPLAY_WINDOW_MAX_EVENTS) done = truncated = true;
            else events.push(e);
            if (done) break;
          }
          state = foldEvents(state, before);
        }
        return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), state: clientState(state), events, truncated };
      },
    );
  },
  { name: 'replay' },
);
