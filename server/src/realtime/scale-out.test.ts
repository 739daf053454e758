import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { parseConfig } from '../config.js';
import { createPostgresStore } from '../store/postgres.js';
import { tempDataDir } from '../testing/temp-dir.js';
import { login, postJson, waitFor, watch } from '../testing/test-server.js';
import { postgresReachable, scratchDatabase } from '../testing/postgres.js';

const available = await postgresReachable();
const db = scratchDatabase('wf_scale');
const url = db.url;
const dir = tempDataDir();

async function instance() {
  // Both instances share the token secret, as a real deployment behind a load balancer must.
  const config = parseConfig({ DATA_DIR: dir.dir, DEMO: '1', LOG_LEVEL: 'silent', STORE: 'postgres', DATABASE_URL: url, TOKEN_SECRET: 'x'.repeat(40), CLIENT_DIST: '/nonexistent' }, []);
  const app = await buildApp(config, { store: createPostgresStore(url), tickIntervalMs: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const a = app.server.address();
  return { app, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` };
}

describe.runIf(available)('scale-out: two servers on one PostgreSQL journal', () => {
  beforeAll(() => db.create());
  afterAll(async () => {
    await db.drop();
    dir.remove();
  });

  it('a client on one server sees, in order and once, every command committed on the other', async () => {
    const a = await instance();
    const b = await instance();
    try {
      const wall = await login(b.url, 'wall');
      const w = watch(b.url, wall, b.app.journal.head);
      const from = await w.synced();
      const duty = await login(a.url, 'duty'); // a token from A works on B: one secret
      const acks: number[] = [];
      for (let i = 0; i < 10; i++) acks.push(Number((await postJson(a.url, '/api/duty-log', { content: `on A ${i}` }, duty)).body.seq));
      await postJson(b.url, '/api/duty-log', { content: 'on B' }, duty);
      await waitFor(() => w.received.length === 11, 8000);
      expect(w.received.map((e) => e.seq)).toEqual(Array.from({ length: 11 }, (_, i) => from + i + 1));
      expect(w.received.slice(0, 10).map((e) => e.seq)).toEqual(acks);
      await waitFor(() => a.app.journal.head === b.app.journal.head);
      expect(a.app.journal.current.dutyLog).toEqual(b.app.journal.current.dutyLog);
      w.socket.close();
    } finally {
      await a.app.close();
      await b.app.close();
    }
  });
});
