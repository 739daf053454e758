import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { LIMITS } from '@watchfloor/shared';
import { authPlugin } from './auth/plugin.js';
import { drillsPlugin } from './drills/plugin.js';
import { replayPlugin } from './replay/plugin.js';
import type { Scenario } from './drills/scenario.js';
import type { Config } from './config.js';
import { installErrorHandler, installNotFound } from './http-errors.js';
import { systemClock, type Clock } from './journal/clock.js';
import { journalPlugin } from './journal/plugin.js';
import { tickerPlugin } from './journal/ticker.js';
import { mapRoutes } from './map/routes.js';
import { realtimePlugin } from './realtime/plugin.js';
import { authRoutes } from './routes/auth.js';
import { commandRoutes } from './routes/commands.js';
import { dutyLogRoutes } from './routes/duty-log.js';
import { healthRoutes } from './routes/health.js';
import { hazardRoutes } from './hazards/routes.js';
import { incidentRoutes } from './routes/incidents.js';
import { dailyReportRoutes } from './routes/daily-reports.js';
import { positionsPlugin } from './teams/positions-plugin.js';
import { teamRoutes } from './teams/routes.js';
import { teamImportRoutes } from './teams/import-routes.js';
import { rosterRoutes } from './roster/routes.js';
import { warningRoutes } from './routes/warnings.js';
import { capFeedPlugin } from './warnings/cap-feed-plugin.js';
import type { JournalStore } from './store/types.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    clock: Clock;
  }
}

export interface AppDeps {
  store: JournalStore;
  /** Defaults to the system clock; tests pass a ManualClock. */
  clock?: Clock;
  /** Run the time-driven rules every second (default), or never (tests call app.tick()). */
  tickIntervalMs?: number | false;
  /** Drill scenarios; the shipped ones by default. */
  scenarios?: readonly Scenario[];
  /** Events between replay checkpoints; REPLAY_CHECKPOINT_EVERY_EVENTS by default (tests pass fewer). */
  replayCheckpointEveryEvents?: number;
}

const DEFAULT_CLIENT_DIST = fileURLToPath(new URL('../../client/dist', import.meta.url));

/**
 * Builds the application without listening, so tests build their own with a temporary store.
 * Order: framework settings, external plugins, our cross-cutting plugins, then routes.
 */
export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: LIMITS.JSON_BODY_BYTES,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    trustProxy: false,
  });
  app.decorate('config', config);
  app.decorate('clock', deps.clock ?? systemClock);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  // The browser itself enforces the isolated network: nothing may load from anywhere but here.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Vue binds style attributes (grid sizes, the burn-in shift); MapLibre sets inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        workerSrc: ["'self'", 'blob:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    // Plain-HTTP LAN deployments are the norm in a bureau: do not force HTTPS upgrades.
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Watchfloor API', description: 'Emergency command-centre API (应急指挥中心)', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(journalPlugin, { store: deps.store, clock: app.clock });
  await app.register(tickerPlugin, { intervalMs: deps.tickIntervalMs });
  await app.register(authPlugin, {
    users: deps.store.users,
    dataDir: config.dataDir,
    tokenSecret: config.tokenSecret,
    tokenTtlHours: config.tokenTtlHours,
    demo: config.demo,
    adminPassword: config.adminPassword,
  });
  await app.register(realtimePlugin);
  await app.register(positionsPlugin, { relay: deps.store.positions });

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(dutyLogRoutes);
  await app.register(commandRoutes);
  await app.register(teamRoutes);
  await app.register(teamImportRoutes);
  await app.register(rosterRoutes);
  await app.register(warningRoutes);
  await app.register(capFeedPlugin);
  await app.register(hazardRoutes);
  await app.register(incidentRoutes);
  await app.register(dailyReportRoutes);
  await app.register(drillsPlugin, { scenarios: deps.scenarios });
  await app.register(replayPlugin, { store: deps.store, checkpointEveryEvents: deps.replayCheckpointEveryEvents });
  await app.register(mapRoutes, {
    region: () => app.journal.current.region.county ? regionAsDefined(app) : null,
    basemap: config.basemap,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const clientDist = config.clientDist ?? DEFAULT_CLIENT_DIST;
  const serveClient = existsSync(clientDist);
  if (serveClient) await app.register(fastifyStatic, { root: clientDist, wildcard: false, index: 'index.html' });
  installNotFound(app, serveClient);
  return app;
}

function regionAsDefined(app: FastifyInstance) {
  const r = app.journal.current.region;
  return { county: r.county!, townships: Object.values(r.townships), villages: Object.values(r.villages) };
}
