import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal, type IncomingCommand } from '../journal/journal.js';
import pg from 'pg';
import { createPostgresStore, POSITIONS_CHANNEL } from './postgres.js';
import { postgresReachable, scratchDatabase } from '../testing/postgres.js';
import { waitFor } from '../testing/test-server.js';



const available = await postgresReachable();
const db = scratchDatabase('wf_test');
const url = db.url;

const cmd = (content: string, user = 'duty', key: string | null = null): IncomingCommand => ({
  type: 'duty-log:record',
  payload: { content },
  actor: { user, role: 'duty' },
  originIp: '127.0.0.1',
  channel: 'rest',
  idempotencyKey: key,
});

describe.runIf(available)('PostgreSQL journal store', () => {
  beforeAll(() => db.create());
  afterAll(() => db.drop());

  it('behaves like the embedded store: gap-free, idempotent, rebuilt on reopen', async () => {
    const journal = new Journal(createPostgresStore(url));
    await journal.open();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => journal.submit(cmd(`pg ${i}`))));
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const a = await journal.submit(cmd('once', 'duty', 'pg-key-0001'));
    const b = await journal.submit(cmd('once', 'duty', 'pg-key-0001'));
    expect(b).toEqual(a);
    const state = journal.current;
    await journal.close();
    const reopened = new Journal(createPostgresStore(url));
    await reopened.open();
    expect(reopened.current).toEqual(state);
    await reopened.close();
  });

  it('keeps one gap-free sequence with two writers, and each sees what the other wrote', async () => {
    const one = new Journal(createPostgresStore(url));
    const two = new Journal(createPostgresStore(url));
    await one.open();
    await two.open();
    const start = one.head;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? one : two).submit(cmd(`writer ${i % 2} call ${i}`))),
    );
    // Each writer folds the other's events in before deciding its next batch.
    await one.submit(cmd('sync one'));
    await two.submit(cmd('sync two'));
    const events = await one.readAfter(start, 1000);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 42 }, (_, i) => start + i + 1));
    expect(two.head).toBe(start + 42);
    // And each follows the other: both converge on the same read model.
    for (let i = 0; i < 100 && one.head !== two.head; i++) await new Promise((r) => setTimeout(r, 50));
    expect(one.current).toEqual(two.current);
    await one.close();
    await two.close();
  });

  it('relays position messages to subscribers, and listens again when the listener connection is cut', async () => {
    const store = createPostgresStore(url);
    const heard: string[] = [];
    const stop = await store.positions!.subscribe((m) => heard.push(m));
    await store.positions!.publish('before');
    await waitFor(() => heard.includes('before'));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const cut = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [`${POSITIONS_CHANNEL}_listener`]);
    await admin.end();
    expect(cut.rowCount).toBe(1);
    // Nothing is replayed: keep publishing until the new listener hears one.
    for (let i = 0; i < 50 && !heard.includes('after'); i++) {
      await store.positions!.publish('after');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(heard).toContain('after');
    await stop();
    await store.close();
  });
});
