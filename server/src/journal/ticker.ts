import fp from 'fastify-plugin';
import { DomainError, DUE_RULES, type DueRule } from '@watchfloor/shared';

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs the time-driven rules once now; returns how many commands it submitted. */
    tick(): Promise<number>;
  }
}

/** How often the time-driven rules run, in ms. Deadlines are minutes; a second is plenty. */
const TICK_MS = 1000;

/**
 * Makes time-driven rules (DUE_RULES in shared) happen by themselves: every second, asks each
 * rule what is due at the clock's now and submits it through the journal as the system.
 */
export const tickerPlugin = fp<{ rules?: readonly DueRule[]; intervalMs?: number | false }>(
  async (app, opts) => {
    const rules = opts.rules ?? DUE_RULES;
    let running = false;
    const tick = async (): Promise<number> => {
      if (running) return 0;
      running = true;
      try {
        const now = app.clock.now();
        const due = rules.flatMap((rule) => rule(app.journal.current, now));
        const results = await Promise.allSettled(
          due.map((c) =>
            app.journal.submit({ type: c.type, payload: c.payload, actor: { user: 'system', role: 'system' }, originIp: null, channel: 'system', idempotencyKey: null }),
          ),
        );
        for (const r of results) {
          // A rule racing a person (the report was just sent) is refused by the decider: fine.
          if (r.status === 'rejected' && !(r.reason instanceof DomainError)) app.log.error({ err: r.reason }, 'time-driven command failed');
        }
        return results.filter((r) => r.status === 'fulfilled').length;
      } finally {
        running = false;
      }
    };
    app.decorate('tick', tick);
    if (opts.intervalMs === false) return;
    const timer = setInterval(() => void tick(), opts.intervalMs ?? TICK_MS);
    timer.unref();
    app.addHook('preClose', async () => clearInterval(timer));
  },
  { name: 'watchfloor-ticker', dependencies: ['watchfloor-journal'] },
);
