import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dailyStatus } from '@watchfloor/shared';

/** Daily reports (日报告) over REST: today's status. Submissions are `daily-report:submit` commands. */
export async function dailyReportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/daily-reports/today',
    {
      onRequest: app.authenticate,
      schema: { summary: "Today's daily reports (CST day): every township and department, reported or not, late, chased", tags: ['duty'], security: [{ bearer: [] }] },
    },
    async () => {
      const state = app.journal.current;
      return dailyStatus(state.dailyReports, state.region, app.clock.now());
    },
  );
}
