import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, JournalEvent, ServerToClientEvents } from '@watchfloor/shared';
import { buildApp, type AppDeps } from '../app.js';
import { parseConfig } from '../config.js';
import { createSqliteStore } from '../store/sqlite.js';

export { tempDataDir } from './temp-dir.js';

export interface TestServer {
  app: FastifyInstance;
  url: string;
  dataDir: string;
  /** Closes the app; the data directory stays, so a new server can reopen it. */
  close(): Promise<void>;
}

/** A real server on a loopback port with demo accounts, over a SQLite journal in `dataDir`. */
/** `deps` may inject a clock (ManualClock) and turn the ticker off to drive time by hand (app.tick()), or another store (PostgreSQL). */
export async function startTestServer(dataDir: string, env: Record<string, string> = {}, deps: Partial<AppDeps> = {}): Promise<TestServer> {
  const config = parseConfig({ DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'silent', CLIENT_DIST: join(dataDir, 'no-client'), ...env }, []);
  const app = await buildApp(config, { ...deps, store: deps.store ?? createSqliteStore(config.dataDir) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { app, url: `http://127.0.0.1:${address.port}`, dataDir, close: () => app.close() };
}

export async function login(url: string, username: string, password = 'demo'): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export async function postJson(url: string, path: string, body: unknown, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket.io client that records every event it receives, in order. */
export function watch(url: string, token: string, since?: number, journalId?: string) {
  const received: JournalEvent[] = [];
  const snapshots: number[] = [];
  const socket: TestSocket = connect(url, {
    auth: { token, ...(since !== undefined ? { since } : {}), ...(journalId ? { journalId } : {}) },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const synced = new Promise<number>((resolve, reject) => {
    socket.on('synced', (m) => resolve(m.seq));
    socket.on('connect_error', (e) => reject(e));
  });
  socket.on('event', (e) => received.push(e));
  socket.on('snapshot', (s) => snapshots.push(s.seq));
  return { socket, received, snapshots, synced: () => synced };
}

export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
