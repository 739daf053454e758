import { buildApp } from './app.js';
import { parseConfig } from './config.js';
import { seedDemo } from './demo/seed.js';
import { createStore } from './store/create.js';

/** How often demo mode tops up its seeded roster, in ms. */
const DEMO_TOP_UP_MS = 3_600_000;

/** The only module that listens: start, seed the demo if asked, and shut down gracefully. */
async function main(): Promise<void> {
  const config = parseConfig();
  const app = await buildApp(config, { store: createStore(config) });
  if (config.demo) {
    const system = { user: 'system', role: 'system' as const };
    const seed = () =>
      seedDemo(
        (cmd) => app.journal.submit({ ...cmd, actor: system, originIp: null, channel: 'system', idempotencyKey: null }),
        app.journal.current,
        app.clock.now(),
      );
    const { seeded } = await seed();
    // The demo has no GPS devices: each team reports once from its base, through the same hub
    // a device's POST feeds, so the wall shows every team. Nothing moves unless someone reports.
    for (const t of Object.values(app.journal.current.teams.byId)) {
      if (!app.positions.hub.get(t.id)) app.positions.hub.accept(t.id, [{ lon: t.base.lonLat[0], lat: t.base.lonLat[1] }], app.clock.now().toISOString(), null);
    }
    app.log.info({ seeded }, 'demo data source ready');
    // A demo left running for days keeps a roster ahead of it; seeding adds only what is missing.
    const topUp = setInterval(() => void seed().catch((error: unknown) => app.log.warn({ err: error }, 'demo top-up failed')), DEMO_TOP_UP_MS);
    topUp.unref();
    app.addHook('onClose', async () => clearInterval(topUp));
  }
  await app.listen({ port: config.port, host: config.host });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
