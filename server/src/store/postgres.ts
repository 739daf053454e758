import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.js';
import { JOURNAL_CHANNEL, KyselyJournalStore } from './kysely-store.js';
import { postgresBroadcast } from './postgres-broadcast.js';

/** PostgreSQL notification channel carrying live team positions between servers. */
export const POSITIONS_CHANNEL = 'watchfloor_positions';

/**
 * The scale-out store: PostgreSQL through the same Kysely queries as SQLite. Durability is
 * PostgreSQL's own (synchronous_commit on, the server default). Several servers may share one
 * database: each follows the others' commits through LISTEN/NOTIFY, and relays the live team
 * positions reported to it (kept off the journal) on a channel of their own.
 */
export function createPostgresStore(connectionString: string): KyselyJournalStore {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle pooled connection the server drops (restart, failover) is replaced by the pool on the
  // next query; without a listener its 'error' would crash the process.
  pool.on('error', () => undefined);
  const follow = async (onAdvance: () => void) => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    client.on('notification', () => onAdvance());
    // A lost listener connection must not go unnoticed: ask the journal to look, and stop.
    client.on('error', () => onAdvance());
    await client.query(`LISTEN ${JOURNAL_CHANNEL}`);
    return async () => {
      await client.end().catch(() => undefined);
    };
  };
  const positions = postgresBroadcast(pool, connectionString, POSITIONS_CHANNEL);
  return new KyselyJournalStore(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres', { follow, positions });
}
