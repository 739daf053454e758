import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, startDrillSchema } from '@watchfloor/shared';
import { errorBodySchema } from '../routes/command-helpers.js';
import { DrillRunner } from './runner.js';
import type { Scenario } from './scenario.js';
import { SCENARIOS } from './scenarios/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    drills: DrillRunner;
  }
}

/** Drills (演练): `POST /api/drills {scenario, speed}` → 202, played through the journal. */
export const drillsPlugin = fp<{ scenarios?: readonly Scenario[] }>(
  async (app: FastifyInstance, opts) => {
    const scenarios = new Map((opts.scenarios ?? SCENARIOS).map((s) => [s.name, s]));
    const runner = new DrillRunner(app.journal, app.clock, scenarios, app.log);
    app.decorate('drills', runner);
    app.addHook('preClose', async () => runner.stopAll());

    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/drills',
      {
        onRequest: app.requireRole('commander', 'admin'),
        schema: {
          summary: 'Start a drill (演练): the scenario plays through the same commands people issue, every event marked as exercise',
          tags: ['drills'],
          security: [{ bearer: [] }],
          body: startDrillSchema,
          response: { 202: z.object({ id: z.string() }), 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        const { id } = await runner.start(request.body.scenario, request.body.speed, { user: p.user, role: p.role }, request.ip);
        return reply.code(202).send({ id });
      },
    );
    r.get(
      '/api/drills',
      { onRequest: app.authenticate, schema: { summary: 'Drill scenarios, and the drills running and recently finished', tags: ['drills'], security: [{ bearer: [] }] } },
      async () => ({
        scenarios: [...scenarios.values()].map((s) => ({ name: s.name, title: s.title, summary: s.summary, steps: s.steps.length, minutes: s.steps[s.steps.length - 1]?.at ?? 0 })),
        ...app.journal.current.drills,
      }),
    );
    r.post(
      '/api/drills/:id/stop',
      {
        onRequest: app.requireRole('commander', 'admin'),
        schema: { summary: 'Stop a running drill after its current step', tags: ['drills'], security: [{ bearer: [] }], params: z.object({ id: z.string().max(100) }) },
      },
      async (request, reply) => {
        if (!runner.stop(request.params.id)) throw new DomainError('not_found', `no running drill ${request.params.id}`, 'id');
        return reply.code(202).send({ id: request.params.id });
      },
    );
  },
  { name: 'watchfloor-drills', dependencies: ['watchfloor-journal', 'watchfloor-auth'] },
);
