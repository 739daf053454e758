import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordDutyLog, recordDutyLogSchema } from '@watchfloor/shared';
import { errorBodySchema, idempotencyHeaders, submitFromRequest } from './command-helpers.js';

export async function dutyLogRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/duty-log',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Record a call or message in the duty log (值班日志)',
        description: 'Acknowledged only after the event is durably in the journal. Honours Idempotency-Key.',
        tags: ['duty'],
        security: [{ bearer: [] }],
        headers: idempotencyHeaders,
        body: recordDutyLogSchema,
        response: { 201: z.object({ id: z.string(), seq: z.number() }), 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request, reply) => {
      const result = await submitFromRequest(request, recordDutyLog.type, request.body);
      return reply.code(201).send({ id: String(result.id), seq: result.seq });
    },
  );
  r.get(
    '/api/duty-log',
    {
      onRequest: app.authenticate,
      schema: { summary: 'The most recent duty-log entries, newest first', tags: ['duty'], security: [{ bearer: [] }] },
    },
    async () => app.journal.current.dutyLog,
  );
}
