import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const startedAt = Date.now();

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        summary: 'Liveness and journal position',
        tags: ['system'],
        response: {
          200: z.object({
            status: z.literal('ok'),
            journal: z.object({ id: z.string(), head: z.number() }),
            store: z.string(),
            demo: z.boolean(),
            uptimeSeconds: z.number(),
          }),
        },
      },
    },
    async () => ({
      status: 'ok' as const,
      journal: { id: app.journal.journalId, head: app.journal.head },
      store: app.journal.dialect,
      demo: app.config.demo,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    }),
  );
}
