// Shared by the wall benchmarks: the built server in a temp data dir, API login, headless
// Chromium (SwiftShader WebGL, as in e2e/support/browser.ts), and a page that records when the
// wall goes live, when the map is ready and when WebGL last drew.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export const root = new URL('..', import.meta.url).pathname;
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Starts `node server/dist/server.js` with the demo county; returns its url and a stop(). */
export async function startServer({ port, clientDist, env = {} }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'wf-wallbench-'));
  const child = spawn(process.execPath, ['server/dist/server.js'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn', CLIENT_DIST: clientDist, ...env },
  });
  const url = `http://127.0.0.1:${port}`;
  let up = false;
  for (let i = 0; i < 300 && !up; i++) {
    try {
      up = (await fetch(`${url}/api/health`)).ok;
    } catch {}
    if (!up) await sleep(100);
  }
  if (!up) {
    child.kill('SIGTERM');
    throw new Error(`${url} did not start`);
  }
  return {
    url,
    child,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The LoginResponse the client stores per face (client/src/auth/session-store.ts). */
export async function login(url, username) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return res.json();
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * A fresh context (empty HTTP cache, empty storage) holding `session` for `face` — what
 * the login form would have stored — that refuses anything off this machine. In every page,
 * `window.__bench` records (performance.now(), ms since navigation start): `live` when the
 * face's link badge first says live, `mapReady` when the map first reports ready, and
 * `lastDraw` at every WebGL draw call (MapLibre draws only when something changed, so the
 * map is idle once draws stop with no tile request pending).
 */
export async function faceContext(browser, face, session, viewport = { width: 1920, height: 1080 }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    return ['127.0.0.1', 'localhost'].includes(u.hostname) || u.protocol === 'data:' || u.protocol === 'blob:' ? route.continue() : route.abort();
  });
  await context.addInitScript(({ key, value, face: f }) => {
    try {
      localStorage.setItem(key, value);
    } catch {}
    const b = (window.__bench = { live: null, mapReady: null, lastDraw: null, draws: 0 });
    for (const proto of [window.WebGL2RenderingContext?.prototype, window.WebGLRenderingContext?.prototype]) {
      if (!proto) continue;
      for (const name of ['drawElements', 'drawArrays']) {
        const original = proto[name];
        proto[name] = function (...args) {
          b.lastDraw = performance.now();
          b.draws++;
          return original.apply(this, args);
        };
      }
    }
    const check = () => {
      const now = performance.now();
      if (b.live === null && document.querySelector(`[data-testid=${f}-status][data-state=live]`)) b.live = now;
      if (b.mapReady === null && document.querySelector('.map-view[data-health=ready]')) b.mapReady = now;
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-health'] });
  }, { key: `watchfloor.session.${face}`, value: JSON.stringify(session), face });
  return context;
}

/** The page's requests still in flight, Socket.IO's long polls aside (they are always open). */
export function trackInflight(page) {
  const inflight = new Set();
  page.on('request', (r) => {
    if (!r.url().includes('/socket.io/')) inflight.add(r);
  });
  page.on('requestfinished', (r) => inflight.delete(r));
  page.on('requestfailed', (r) => inflight.delete(r));
  return inflight;
}

/**
 * Waits for the map to go idle: ready, nothing in flight, no WebGL draw for `quietMs`.
 * Returns the instant of the last draw (ms since navigation start), i.e. when it became idle.
 */
export async function waitMapIdle(page, inflight, { quietMs = 700, timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const s = await page.evaluate(() => ({ ready: window.__bench.mapReady, last: window.__bench.lastDraw, now: performance.now() }));
    if (s.ready !== null && s.last !== null && inflight.size === 0 && s.now - s.last >= quietMs) return Math.max(s.last, s.ready);
    await sleep(50);
  }
  throw new Error('the map did not go idle');
}

/**
 * A heap snapshot (after GC) summarised as self bytes and counts per `type:constructor`,
 * to name what grew between two of them.
 */
export async function heapSummary(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out = new Map();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + iType]];
    const name = type === 'string' || type === 'concatenated string' || type === 'sliced string' ? '' : snap.strings[snap.nodes[i + iName]];
    const key = `${type}:${name.slice(0, 60)}`;
    const e = out.get(key) ?? { bytes: 0, count: 0 };
    e.bytes += snap.nodes[i + iSize];
    e.count++;
    out.set(key, e);
  }
  return out;
}

/** The entries of two heap summaries that grew most, in bytes. */
export function heapGrowth(before, after, top = 12) {
  const rows = [];
  for (const [key, a] of after) {
    const b = before.get(key) ?? { bytes: 0, count: 0 };
    if (a.bytes !== b.bytes) rows.push({ key, bytes: a.bytes - b.bytes, count: a.count - b.count });
  }
  for (const [key, b] of before) if (!after.has(key)) rows.push({ key, bytes: -b.bytes, count: -b.count });
  return rows.sort((x, y) => y.bytes - x.bytes).slice(0, top);
}

/** Self time of a CPU profile by function and script (chunk file name), largest first. */
export function profileTop(profile, top = 15) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const [id, us] of dt) {
    const f = byId.get(id).callFrame;
    const file = f.url ? f.url.split('/').pop() : '';
    const key = `${f.functionName || '(anonymous)'} ${file}${file ? `:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + us);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFile = new Map();
  for (const [key, us] of self) {
    const file = key.split(' ')[1]?.split(':')[0] || key.split(' ')[0];
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  return {
    totalMs: total / 1000,
    functions: [...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => ({ key: k, ms: us / 1000 })),
    files: [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, us]) => ({ key: k, ms: us / 1000 })),
  };
}
