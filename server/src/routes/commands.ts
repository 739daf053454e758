import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COMMANDS } from '@watchfloor/shared';
import { errorBodySchema, idempotencyHeaders, submitFromRequest } from './command-helpers.js';

/**
 * The generic command endpoint: any command of the registry by its type. Domain routes
 * (e.g. POST /api/duty-log) are thin, documented shortcuts over the same path.
 */
export async function commandRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/commands/:type',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Issue any command by type',
        description: `Known types: ${[...COMMANDS.keys()].join(', ')}. The body is the command payload. Honours Idempotency-Key.`,
        tags: ['journal'],
        security: [{ bearer: [] }],
        params: z.object({ type: z.string().max(100) }),
        headers: idempotencyHeaders,
        body: z.unknown(),
        response: { 201: z.looseObject({ seq: z.number() }), 400: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await submitFromRequest(request, request.params.type, request.body)),
  );
  r.get(
    '/api/journal/events',
    {
      onRequest: app.requireRole('duty', 'commander', 'admin'),
      schema: {
        summary: 'Journal events after a seq, in order (for export and audit)',
        tags: ['journal'],
        security: [{ bearer: [] }],
        querystring: z.object({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(5000).default(500) }),
      },
    },
    async (request) => app.journal.readAfter(request.query.after, request.query.limit),
  );
  r.get(
    '/api/journal/commands',
    {
      onRequest: app.requireRole('commander', 'admin'),
      schema: {
        summary: 'Accepted commands: who, when, from where, and what they answered (newest first)',
        tags: ['journal'],
        security: [{ bearer: [] }],
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100), beforeSeq: z.coerce.number().int().min(1).optional() }),
      },
    },
    async (request) => app.journal.listCommands(request.query.limit, request.query.beforeSeq),
  );
}
