// The team-position path: TEAMS teams each posting a fix every INTERVAL s while CLIENTS sockets
// watch, on the real server (coalesced, 250 ms broadcast ticks, track file) next to a bare
// Socket.IO broadcast of every position as it arrives (bare-positions.mjs), in the same run.
// Usage: pnpm build && node bench/positions.mjs [--teams 300] [--interval 5] [--clients 200] [--seconds 30]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(new URL('../server/package.json', import.meta.url));
const { io: connect } = require('socket.io-client');

const { values: opts } = parseArgs({
  options: {
    teams: { type: 'string', default: '300' },
    interval: { type: 'string', default: '5' },
    clients: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
  },
});
const TEAMS = Number(opts.teams);
const INTERVAL_S = Number(opts.interval);
const CLIENTS = Number(opts.clients);
const SECONDS = Number(opts.seconds);
const root = new URL('..', import.meta.url).pathname;
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitHealthy(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {}
    await sleep(100);
  }
  throw new Error(`${url} did not start`);
}

/**
 * Connects the watchers, then each team posts one fix every INTERVAL_S (staggered evenly).
 * Latency: a fix's `at` (stamped at posting) to its arrival at a watcher, per watcher and fix;
 * fixes a coalescing server replaced by a newer one before sending are counted as superseded.
 */
async function measure(name, url, { token, authHeader }) {
  const latencies = [];
  let deliveries = 0;
  const sockets = await Promise.all(
    Array.from({ length: CLIENTS }, () => new Promise((resolve, reject) => {
      const s = connect(url, { auth: token ? { token, since: 1e12 } : {}, transports: ['websocket'], forceNew: true, reconnection: false });
      let ready = false;
      s.on('positions', (batch) => {
        if (!ready) return;
        const now = Date.now();
        for (const p of batch) {
          if (!String(p.teamId).startsWith('bench-')) continue;
          latencies.push(now - Date.parse(p.at));
          deliveries++;
        }
      });
      const go = () => { ready = true; resolve(s); };
      if (token) s.on('synced', go); else s.on('connect', go);
      s.on('connect_error', reject);
    })),
  );
  const started = Date.now();
  const total = Math.floor((SECONDS / INTERVAL_S) * TEAMS);
  let accepted = 0;
  let refused = 0;
  const posts = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * INTERVAL_S * 1000) / TEAMS;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    const team = `bench-${i % TEAMS}`;
    const sentMs = Date.now();
    // `at` carries the send instant (ms): both servers relay it, so latency is arrival − at.
    const body = { lon: 110 + (i % 100) / 1000, lat: 30.4, at: new Date(sentMs).toISOString() };
    posts.push(
      fetch(`${url}/api/teams/${team}/position`, { method: 'POST', headers: { 'content-type': 'application/json', ...authHeader }, body: JSON.stringify(body) })
        .then((r) => (r.status === 202 ? accepted++ : refused++)),
    );
  }
  await Promise.all(posts);
  const postSeconds = (Date.now() - started) / 1000;
  await sleep(1500);
  for (const s of sockets) s.close();
  latencies.sort((a, b) => a - b);
  return { name, posted: total, accepted, refused, expected: accepted * CLIENTS, acceptedPerSecond: accepted / postSeconds, deliveries, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), max: latencies[latencies.length - 1] };
}

async function runWatchfloor(port) {
  const dataDir = mkdtempSync(join(tmpdir(), 'wf-bench-pos-'));
  const child = spawn(process.execPath, ['server/dist/server.js'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'], cwd: root });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url);
    const login = async (username) => (await (await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) })).json()).token;
    const admin = await login('admin');
    const wall = await login('wall');
    for (let i = 0; i < TEAMS; i += 50) {
      await Promise.all(Array.from({ length: Math.min(50, TEAMS - i) }, (_, j) => fetch(`${url}/api/commands/team:register`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ id: `bench-${i + j}`, name: `压测队伍${i + j}`, kind: 'township', level: 'township', headcount: 20, leader: '测试', phone: '13800000000', base: { name: 'base', lonLat: [110.5, 30.4] } }),
      })));
    }
    return await measure('watchfloor (coalesced, 250 ms ticks)', url, { token: wall, authHeader: { authorization: `Bearer ${admin}` } });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function runBare(port) {
  const child = spawn(process.execPath, ['bench/bare-positions.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'], cwd: root });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url);
    return await measure('bare Socket.IO broadcast', url, { token: null, authHeader: {} });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

console.log(`# positions benchmark: ${TEAMS} teams × 1 fix / ${INTERVAL_S} s (${(TEAMS / INTERVAL_S).toFixed(0)} fixes/s) for ${SECONDS} s, ${CLIENTS} watching sockets, node ${process.version}`);
const rows = [await runBare(3911), await runWatchfloor(3912)];
const fmt = (n) => (n === undefined ? '-' : n.toFixed(1));
console.log('| run | fixes posted | accepted (202) | accepted/s | deliveries expected | delivered | post→screen p50 ms | p99 ms | max ms |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const x of rows) console.log(`| ${x.name} | ${x.posted} | ${x.accepted} | ${fmt(x.acceptedPerSecond)} | ${x.expected} | ${x.deliveries} | ${fmt(x.p50)} | ${fmt(x.p99)} | ${fmt(x.max)} |`);
