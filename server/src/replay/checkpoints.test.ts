import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialState, type JournalEvent } from '@watchfloor/shared';
import { ManualClock } from '../journal/clock.js';
import { readModelLayout } from '../journal/journal.js';
import { createSqliteStore } from '../store/sqlite.js';
import type { KyselyJournalStore } from '../store/kysely-store.js';
import { login, postJson, startTestServer, tempDataDir, waitFor, type TestServer } from '../testing/test-server.js';
import { REPLAY_WINDOW_MAX_EVENTS } from './plugin.js';
import { foldWindowFromStart } from './window.js';

/** Few events between checkpoints, so a small journal crosses many of them. */
const EVERY = 7;
const STALE_LAYOUT = '0:region,seq,shifts';
const dir = tempDataDir();
const clock = new ManualClock('2026-07-01T00:00:00.000Z');
let server: TestServer;
let store: KyselyJournalStore;
let duty: string;
let wall: string;

async function start(): Promise<void> {
  store = createSqliteStore(dir.dir);
  server = await startTestServer(dir.dir, {}, { store, clock, tickIntervalMs: false, replayCheckpointEveryEvents: EVERY });
  duty = await login(server.url, 'duty');
  wall = await login(server.url, 'wall');
}
beforeAll(start);
afterAll(async () => {
  await server.close();
  dir.remove();
});

/** The checkpoint rows as the file holds them (read beside the server; WAL allows it). */
function checkpointRows(): Array<{ seq: number; at: string; layout: string }> {
  const db = new SQLite(join(dir.dir, 'journal.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT seq, at, layout FROM replay_checkpoints ORDER BY seq').all() as Array<{ seq: number; at: string; layout: string }>;
  } finally {
    db.close();
  }
}
const current = () => checkpointRows().filter((c) => c.layout === readModelLayout());

async function routeWindow(fromMs: number, toMs: number) {
  const query = new URLSearchParams({ from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() });
  const res = await fetch(`${server.url}/api/journal/window?${query}`, { headers: { authorization: `Bearer ${wall}` } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { state: unknown; events: JournalEvent[]; truncated: boolean };
  return { state: body.state, events: body.events, truncated: body.truncated };
}

/** What the route answered before checkpoints: the window folded from the journal's start. */
async function fullFold(fromMs: number, toMs: number) {
  const w = await foldWindowFromStart(server.app.journal, fromMs, toMs, REPLAY_WINDOW_MAX_EVENTS);
  return JSON.parse(JSON.stringify({ state: w.state, events: w.events, truncated: w.truncated })) as unknown;
}

/** Every window between the given instants (and half a second either side of each) matches the full fold. */
async function expectEveryWindowMatches(instants: number[]): Promise<number> {
  const bounds = [...new Set(instants.flatMap((t) => [t - 500, t, t + 500]))].sort((a, b) => a - b);
  let compared = 0;
  for (let i = 0; i < bounds.length; i += 2) {
    for (let j = i + 1; j < bounds.length; j += 3) {
      expect(await routeWindow(bounds[i]!, bounds[j]!)).toEqual(await fullFold(bounds[i]!, bounds[j]!));
      compared += 1;
    }
  }
  return compared;
}

/** Instants at which events were committed: one per round, several commands (and batches) each. */
const instants: number[] = [];

describe('replay checkpoints', () => {
  it('keeps the folded state every N events, at a committed seq with its commit instant', async () => {
    for (let round = 1; round <= 14; round++) {
      clock.advance(60_000);
      instants.push(clock.now().getTime());
      // Several commands at one instant: checkpoints fall inside runs of equal commit instants.
      const posts = Array.from({ length: 1 + (round % 5) }, (_, k) => postJson(server.url, '/api/duty-log', { content: `第${round}轮第${k}条` }, duty));
      for (const res of await Promise.all(posts)) expect(res.status).toBe(201);
    }
    const head = server.app.journal.head;
    // Written after the commit, on a later turn: wait for the one near the head.
    await waitFor(() => (current().at(-1)?.seq ?? 0) > head - 2 * EVERY);
    const kept = current();
    expect(kept.length).toBeGreaterThanOrEqual(3);
    const events = await server.app.journal.readAfter(0, head);
    for (const [i, c] of kept.entries()) {
      expect(c.at).toBe(events[c.seq - 1]!.at);
      if (i > 0) expect(c.seq - kept[i - 1]!.seq).toBeGreaterThanOrEqual(EVERY);
    }
  });

  it('answers every window exactly as folding the whole journal does, an old layout present and ignored', async () => {
    // A checkpoint of other reducers, newer than every real one and older than every window: used,
    // it would start every window at seq 1,000,000 with an empty read model.
    await store.saveCheckpoint({ seq: 1_000_000, at: '2000-01-01T00:00:00.000Z', layout: STALE_LAYOUT, state: JSON.stringify({ ...initialState(), seq: 1_000_000 }) });
    const compared = await expectEveryWindowMatches(instants);
    expect(compared).toBeGreaterThan(100);
  }, 60_000);

  it('starts from the checkpoint: a marked one shows through', async () => {
    // Guards against a route that folds from the start regardless: its answer would not carry the mark.
    const [, second] = current();
    const marked = { ...initialState(), seq: second!.seq, shifts: { ...initialState().shifts, marker: 'from-checkpoint' } };
    const before = (await routeWindow(Date.parse(second!.at) + 1, Date.parse(second!.at) + 2)).state as { shifts: unknown };
    expect(before.shifts).not.toHaveProperty('marker');
    await server.close();
    const db = new SQLite(join(dir.dir, 'journal.sqlite'));
    db.prepare('UPDATE replay_checkpoints SET state = ? WHERE seq = ?').run(JSON.stringify(marked), second!.seq);
    db.close();
    await start();
    // The one after it is newer, so only windows between the two start from the marked one.
    const after = (await routeWindow(Date.parse(second!.at) + 1, Date.parse(second!.at) + 2)).state as { shifts: { marker?: string } };
    expect(after.shifts.marker).toBe('from-checkpoint');
    await server.close();
    const fix = new SQLite(join(dir.dir, 'journal.sqlite'));
    fix.prepare('DELETE FROM replay_checkpoints WHERE seq = ?').run(second!.seq);
    fix.close();
    await start();
  });

  it('drops checkpoints of another layout at start-up, and a window far from any checkpoint leaves them behind', async () => {
    expect(checkpointRows().some((c) => c.layout === STALE_LAYOUT)).toBe(false);
    await server.close();
    const db = new SQLite(join(dir.dir, 'journal.sqlite'));
    db.prepare('DELETE FROM replay_checkpoints').run();
    db.close();
    await start();
    expect(checkpointRows()).toEqual([]);
    const last = instants[instants.length - 1]!;
    expect(await routeWindow(last, last + 1000)).toEqual(await fullFold(last, last + 1000));
    await waitFor(() => current().length > 0);
    // And the answers stay the same from them.
    await expectEveryWindowMatches(instants.slice(-6));
  }, 60_000);
});
