import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Database } from './schema.js';
import { KyselyJournalStore } from './kysely-store.js';

/** Distinct SQL texts kept prepared; inserts vary with their row count, so bound the cache. */
const STATEMENT_CACHE_SIZE = 256;

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
  return new KyselyJournalStore(new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }), 'sqlite');
}

/**
 * Kysely's SQLite driver prepares every query afresh; on the write path that is seven prepares
 * per commit, the largest cost after the fsync. A statement is reusable once it has run, and
 * SQLite re-prepares it by itself after a schema change. The one exception is a statement still
 * being iterated (Kysely's `stream()`): that one is prepared afresh rather than shared.
 */
export function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (stmt && !stmt.busy) {
        // Move to the newest end so the cache evicts the least recently used text.
        cache.delete(sql);
        cache.set(sql, stmt);
        return stmt as unknown as SqliteStatement;
      }
      stmt = database.prepare(sql);
      if (!cache.has(sql)) {
        cache.set(sql, stmt);
        if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      return stmt as unknown as SqliteStatement;
    },
  };
}
