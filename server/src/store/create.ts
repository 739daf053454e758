import type { Config } from '../config.js';
import { createPostgresStore } from './postgres.js';
import { createSqliteStore } from './sqlite.js';
import type { JournalStore } from './types.js';

export function createStore(config: Config): JournalStore {
  return config.store === 'postgres' ? createPostgresStore(config.databaseUrl!) : createSqliteStore(config.dataDir);
}
