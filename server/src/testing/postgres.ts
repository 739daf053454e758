import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * PostgreSQL for the scale-out tests: reachable wherever a server runs (CI has one). The embedded
 * default needs none, so a machine without it skips those files, visibly.
 */
export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database of its own for one test file: its URL, and how to drop it afterwards. */
export function scratchDatabase(prefix: string): { url: string; create(): Promise<void>; drop(): Promise<void> } {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  return {
    url: ADMIN_URL.replace(/\/[^/]*$/, `/${name}`),
    create: () => admin(`CREATE DATABASE ${name}`),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
