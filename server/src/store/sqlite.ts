import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { KyselyJournalStore } from './kysely-store.js';

/**
 * The embedded default: one SQLite file in WAL mode with synchronous=FULL, so every
 * commit fsyncs the WAL before the transaction returns (and so before any acknowledgement).
 */
export function createSqliteStore(dataDir: string): KyselyJournalStore {
  mkdirSync(dataDir, { recursive: true });
  const database = new SQLite(join(dataDir, 'journal.sqlite'));
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return new KyselyJournalStore(new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), 'sqlite');
}
