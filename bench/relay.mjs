// Command → client latency and delivery rate of the real server, next to a bare durable relay
// measured in the same run. Usage: pnpm build && node bench/relay.mjs [--clients 200] [--rate 50] [--seconds 20]
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
    clients: { type: 'string', default: '200' },
    rate: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '1' },
  },
});
const CLIENTS = Number(opts.clients);
const RATE = Number(opts.rate);
const SECONDS = Number(opts.seconds);
const ROUNDS = Number(opts.rounds);
const root = new URL('..', import.meta.url).pathname;

function startProcess(args, env) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'], cwd: root });
  return child;
}

async function waitHealthy(url) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not start`);
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Connects the clients, posts RATE commands/s for SECONDS, and measures every delivery. */
async function measure(name, url, { token, post }) {
  const sentAt = new Map(); // marker → send instant (ms, high resolution)
  const latencies = [];
  let deliveries = 0;
  const sockets = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, () => new Promise((resolve, reject) => {
      const s = connect(url, { auth: token ? { token, since: 1e12 } : {}, transports: ['websocket'], forceNew: true, reconnection: false });
      s.on('event', (e) => {
        const t0 = sentAt.get(e.data?.content);
        if (t0 === undefined) return;
        latencies.push(performance.now() - t0);
        deliveries++;
      });
      // The real server sends `synced` after catch-up; the bare relay has no catch-up.
      if (token) s.on('synced', () => resolve()); else s.on('connect', () => resolve());
      s.on('connect_error', reject);
      sockets.push(s);
    })),
  );
  const total = RATE * SECONDS;
  const started = performance.now();
  const posts = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const marker = `bench ${name} ${i}`;
    sentAt.set(marker, performance.now());
    posts.push(post(marker));
  }
  const statuses = await Promise.all(posts);
  const expected = total * CLIENTS;
  const deadline = performance.now() + 10_000;
  while (deliveries < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const elapsed = (performance.now() - started) / 1000;
  for (const s of sockets) s.close();
  latencies.sort((a, b) => a - b);
  return {
    name,
    commands: total,
    accepted: statuses.filter((s) => s === 201).length,
    expected,
    delivered: deliveries,
    undelivered: expected - deliveries,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    max: latencies[latencies.length - 1],
    deliveriesPerSecond: deliveries / elapsed,
  };
}

async function runWatchfloor(port) {
  const dataDir = mkdtempSync(join(tmpdir(), 'wf-bench-'));
  const child = startProcess(['server/dist/server.js'], { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn' });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url);
    const login = async (username) => (await (await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) })).json()).token;
    const wall = await login('wall');
    const duty = await login('duty');
    // since far ahead of the head: each client gets a snapshot, then only the live events.
    return await measure('watchfloor', url, {
      token: wall,
      post: async (content) => (await fetch(`${url}/api/duty-log`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${duty}` }, body: JSON.stringify({ content }) })).status,
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function runBare(port) {
  const dataDir = mkdtempSync(join(tmpdir(), 'wf-bare-'));
  const child = startProcess(['bench/bare-relay.mjs'], { PORT: String(port), DATA_DIR: dataDir });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url);
    return await measure('bare relay', url, {
      token: null,
      post: async (content) => (await fetch(`${url}/api/duty-log`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ content }) })).status,
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const fmt = (n) => (n === undefined ? '-' : n.toFixed(1));
console.log(`# relay benchmark: ${CLIENTS} clients × ${RATE} commands/s for ${SECONDS} s, ${ROUNDS} round(s), node ${process.version}`);
const rows = [];
for (let r = 0; r < ROUNDS; r++) {
  // Alternate the order so neither side always runs on a warmer machine.
  const pair = r % 2 === 0 ? [await runBare(3901), await runWatchfloor(3902)] : [await runWatchfloor(3902), await runBare(3901)];
  rows.push(...pair);
}
console.log('| run | commands | accepted | deliveries expected | delivered | undelivered | p50 ms | p99 ms | max ms | deliveries/s |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const x of rows) {
  console.log(`| ${x.name} | ${x.commands} | ${x.accepted} | ${x.expected} | ${x.delivered} | ${x.undelivered} | ${fmt(x.p50)} | ${fmt(x.p99)} | ${fmt(x.max)} | ${fmt(x.deliveriesPerSecond)} |`);
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const wf = rows.filter((x) => x.name === 'watchfloor');
const bare = rows.filter((x) => x.name === 'bare relay');
const p99Ratio = med(wf.map((x) => x.p99)) / med(bare.map((x) => x.p99));
console.log(`\nmedian p99: watchfloor ${fmt(med(wf.map((x) => x.p99)))} ms, bare relay ${fmt(med(bare.map((x) => x.p99)))} ms, ratio ${p99Ratio.toFixed(2)} (target ≤ 1.30)`);
console.log(`undelivered: watchfloor ${wf.reduce((a, x) => a + x.undelivered, 0)}, bare relay ${bare.reduce((a, x) => a + x.undelivered, 0)}`);
