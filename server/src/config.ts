import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** Demo mode: seeds the fictional county and turns on the demo users (password "demo"). */
  DEMO: bool.default(false),
  /** `sqlite` (embedded default) or `postgres` (scale-out; needs DATABASE_URL). */
  STORE: z.enum(['sqlite', 'postgres']).default('sqlite'),
  DATABASE_URL: z.string().optional(),
  /** Secret that signs tokens; by default generated once and kept in DATA_DIR. */
  TOKEN_SECRET: z.string().min(32).optional(),
  /** Hours a non-wall token lives. */
  TOKEN_TTL_HOURS: z.coerce.number().min(1).max(24 * 7).default(12),
  /** Sets the admin password on start (the way in when demo mode is off). */
  ADMIN_PASSWORD: z.string().min(8).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Optional internal raster tiles for the basemap: an XYZ URL template or a PMTiles URL. */
  BASEMAP_XYZ_URL: z.string().optional(),
  BASEMAP_PMTILES_URL: z.string().optional(),
  /** Where the built client lives; served at / when present. */
  CLIENT_DIST: z.string().optional(),
  /** An Atom or RSS feed of CAP alerts on the bureau's network, polled when set (http or https). */
  CAP_FEED_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Seconds between polls of CAP_FEED_URL. */
  CAP_FEED_INTERVAL_S: z.coerce.number().int().min(10).max(86_400).default(60),
  /** Seconds one fetch (the feed, or one CAP document) may take before it is given up. */
  CAP_FEED_TIMEOUT_S: z.coerce.number().min(0.1).max(120).default(10),
});

export type Config = ReturnType<typeof parseConfig>;

/**
 * Reads and validates the configuration once, at start-up. Nothing else reads process.env.
 * `--demo` on the command line is the same as DEMO=1.
 */
export function parseConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const c = parsed.data;
  if (c.STORE === 'postgres' && !c.DATABASE_URL) throw new Error('invalid configuration: STORE=postgres needs DATABASE_URL');
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.DATA_DIR),
    demo: c.DEMO || argv.includes('--demo'),
    store: c.STORE,
    databaseUrl: c.DATABASE_URL,
    tokenSecret: c.TOKEN_SECRET,
    tokenTtlHours: c.TOKEN_TTL_HOURS,
    adminPassword: c.ADMIN_PASSWORD,
    logLevel: c.LOG_LEVEL,
    basemap: { xyzUrl: c.BASEMAP_XYZ_URL, pmtilesUrl: c.BASEMAP_PMTILES_URL },
    clientDist: c.CLIENT_DIST ? resolve(c.CLIENT_DIST) : undefined,
    capFeed: { url: c.CAP_FEED_URL, intervalS: c.CAP_FEED_INTERVAL_S, timeoutS: c.CAP_FEED_TIMEOUT_S },
  };
}
