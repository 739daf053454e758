import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.js';
import { KyselyJournalStore } from './kysely-store.js';

/**
 * The scale-out store: PostgreSQL through the same Kysely queries as SQLite.
 * Durability is PostgreSQL's own (synchronous_commit on, the server default).
 */
export function createPostgresStore(connectionString: string): KyselyJournalStore {
  const pool = new pg.Pool({ connectionString, max: 10 });
  return new KyselyJournalStore(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
}
