// The after-action replay on a season's journal: a window request (GET /api/journal/window) at
// 10%, 50% and the end of a journal of EVENTS events, answered from the newest
// replay checkpoint (the route), next to the same window folded from the journal's start (the
// route before checkpoints, served by this script from the same server: the baseline), in the
// same run; plus what one checkpoint costs (size, JSON time, fold time of the events between two).
// Usage: npx tsc -b && node bench/replay.mjs [--events 200000] [--runs 7]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';

const dist = (path) => import(new URL(`../server/dist/${path}`, import.meta.url));
const { buildApp } = await dist('app.js');
const { parseConfig } = await dist('config.js');
const { createSqliteStore } = await dist('store/sqlite.js');
const { seedDemo } = await dist('demo/seed.js');
const { foldWindowFromStart } = await dist('replay/window.js');
const { REPLAY_WINDOW_MAX_EVENTS, REPLAY_WINDOW_MAX_TRACK_POINTS } = await dist('replay/plugin.js');
const { REPLAY_CHECKPOINT_EVERY_EVENTS } = await dist('replay/checkpoints.js');
const { clientState, foldClientEvents } = await import(new URL('../shared/dist/index.js', import.meta.url));

const { values: opts } = parseArgs({ options: { events: { type: 'string', default: '200000' }, runs: { type: 'string', default: '7' } } });
const EVENTS = Number(opts.events);
const RUNS = Number(opts.runs);
/** Commands in flight at once while filling the journal (the journal commits up to 512 per transaction). */
const IN_FLIGHT = 512;
/** Events in each measured window. */
const WINDOW_EVENTS = 2000;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => x.toFixed(1);
async function timed(fn) {
  const t = performance.now();
  const out = await fn();
  return { ms: performance.now() - t, out };
}

const dataDir = mkdtempSync(join(tmpdir(), 'watchfloor-bench-replay-'));
const config = parseConfig({ DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'silent', CLIENT_DIST: join(dataDir, 'no-client') }, []);
const app = await buildApp(config, { store: createSqliteStore(dataDir), tickIntervalMs: false });

// The baseline: the route as it was, folding from seq 1 on every request, with the same tracks.
app.get('/bench/window-from-start', async (request) => {
  const from = Date.parse(request.query.from);
  const to = Date.parse(request.query.to);
  const w = await foldWindowFromStart(app.journal, from, to, REPLAY_WINDOW_MAX_EVENTS);
  const [fromIso, toIso] = [new Date(from).toISOString(), new Date(to).toISOString()];
  return { from: fromIso, to: toIso, state: w.state, events: w.events, truncated: w.truncated, tracks: app.positions.tracks.between(fromIso, toIso, REPLAY_WINDOW_MAX_TRACK_POINTS) };
});
await app.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${app.server.address().port}`;

// The journal: the demo county (geography, teams, shifts), then duty-log entries through the real
// write path (group commit, fsync, checkpoints as it advances). Deterministic content.
const system = { user: 'system', role: 'system' };
const submit = (cmd) => app.journal.submit({ ...cmd, actor: system, originIp: null, channel: 'system', idempotencyKey: null });
await seedDemo(submit, app.journal.current, app.clock.now());
const fillStart = performance.now();
for (let n = app.journal.head; n < EVENTS; ) {
  const batch = Math.min(IN_FLIGHT, EVENTS - n);
  await Promise.all(Array.from({ length: batch }, (_, i) => submit({ type: 'duty-log:record', payload: { content: `第${n + i}条值班记录：巡查水位正常，无异常情况` } })));
  n = app.journal.head;
}
const head = app.journal.head;
console.log(`journal: ${head} events in ${ms((performance.now() - fillStart) / 1000)} s (${dataDir})`);
await new Promise((r) => setTimeout(r, 500)); // the last checkpoint is written on a later turn

// What one checkpoint costs: the client's part of the read model, what a replay shows.
const state = clientState(app.journal.current);
const json = [];
for (let i = 0; i < RUNS; i++) json.push((await timed(() => JSON.stringify(state))).ms);
const size = Buffer.byteLength(JSON.stringify(state));
const lastEvents = await app.journal.readAfter(head - REPLAY_CHECKPOINT_EVERY_EVENTS, REPLAY_CHECKPOINT_EVERY_EVENTS);
const foldMs = [];
for (let i = 0; i < RUNS; i++) foldMs.push((await timed(() => foldClientEvents(JSON.parse(JSON.stringify(state)), lastEvents.map((e) => ({ ...e, seq: e.seq + head }))))).ms);
const readMs = [];
for (let i = 0; i < RUNS; i++) readMs.push((await timed(() => app.journal.readAfter(head - REPLAY_CHECKPOINT_EVERY_EVENTS, REPLAY_CHECKPOINT_EVERY_EVENTS))).ms);
console.log(`checkpoint every ${REPLAY_CHECKPOINT_EVERY_EVENTS} events: ${Math.floor(head / REPLAY_CHECKPOINT_EVERY_EVENTS)} kept for this journal, ${ms(size / 1024)} KiB each; JSON.stringify median ${ms(median(json))} ms`);
console.log(`between two checkpoints: reading ${REPLAY_CHECKPOINT_EVERY_EVENTS} events median ${ms(median(readMs))} ms, folding them ${ms(median(foldMs))} ms`);

const token = (await (await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'wall', password: 'demo' }) })).json()).token;
async function request(path, from, to) {
  const query = new URLSearchParams({ from, to });
  const { ms: took, out } = await timed(async () => {
    const res = await fetch(`${url}${path}?${query}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return res.text();
  });
  return { ms: took, body: out };
}

console.log(`\n| window (${WINDOW_EVENTS} events) starting at seq | from the start (baseline) median ms | from a checkpoint median ms | speed-up | same answer |`);
console.log('|---|---|---|---|---|');
for (const at of [0.1, 0.5, 1]) {
  const startSeq = Math.max(1, Math.floor(head * at) - WINDOW_EVENTS);
  const [first] = await app.journal.readAfter(startSeq - 1, 1);
  const [last] = await app.journal.readAfter(startSeq - 1 + WINDOW_EVENTS, 1);
  const from = first.at;
  const to = last ? last.at : new Date(Date.now() + 1000).toISOString();
  const base = [];
  const ckpt = [];
  let same = true;
  for (let i = 0; i < RUNS; i++) {
    // Alternate which goes first, so neither always meets a warm cache.
    const baseFirst = i % 2 === 0;
    const b = baseFirst ? await request('/bench/window-from-start', from, to) : null;
    const c = await request('/api/journal/window', from, to);
    const b2 = b ?? (await request('/bench/window-from-start', from, to));
    base.push(b2.ms);
    ckpt.push(c.ms);
    same &&= isDeepStrictEqual(JSON.parse(b2.body), JSON.parse(c.body));
  }
  console.log(`| ${startSeq} | ${ms(median(base))} | ${ms(median(ckpt))} | ${(median(base) / median(ckpt)).toFixed(1)}× | ${same ? 'yes' : 'NO'} |`);
}

await app.close();
rmSync(dataDir, { recursive: true, force: true });
