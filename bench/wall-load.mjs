// Cold load of /wall to a live map with all layers, in headless Chromium; and the JavaScript
// each face ships (gzip), next to what MapLibre + ECharts + Vue alone weigh, measured in the
// same run. Usage:
//   npx tsc -b && npx vite build --outDir /tmp/bench-dist --emptyOutDir
//   node bench/wall-load.mjs [--runs 7] [--dist /tmp/bench-dist]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { faceContext, launchBrowser, login, median, startServer, trackInflight, waitMapIdle } from './wall-support.mjs';

const { values: opts } = parseArgs({ options: { runs: { type: 'string', default: '7' }, dist: { type: 'string', default: '/tmp/bench-dist' }, port: { type: 'string', default: '3941' } } });
const RUNS = Number(opts.runs);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);

/** The libraries' own production bundles, gzipped the same way as the app's scripts. */
function baseline() {
  const clientRequire = createRequire(new URL('../client/package.json', import.meta.url));
  const pkgDir = (name) => dirname(clientRequire.resolve(`${name}/package.json`));
  const file = (name, rel) => ({ label: `${name}/${rel}`, bytes: gz(readFileSync(join(pkgDir(name), rel))) });
  return [
    file('maplibre-gl', 'dist/maplibre-gl.mjs'),
    file('maplibre-gl', 'dist/maplibre-gl-worker.mjs'),
    file('echarts', 'dist/echarts.min.js'),
    file('vue', 'dist/vue.runtime.esm-browser.prod.js'),
  ];
}

/** One cold navigation of /wall in a fresh context: ms from navigation start to each milestone. */
async function coldWall(browser, url, session) {
  const context = await faceContext(browser, 'wall', session);
  try {
    const page = await context.newPage();
    const inflight = trackInflight(page);
    await page.goto(`${url}/wall`);
    await page.waitForFunction(() => window.__bench.live !== null && window.__bench.mapReady !== null, null, { timeout: 60_000, polling: 50 });
    const idle = await waitMapIdle(page, inflight);
    const b = await page.evaluate(() => ({ ...window.__bench, nav: performance.getEntriesByType('navigation')[0]?.toJSON() }));
    return { live: b.live, mapReady: b.mapReady, idle, domContentLoaded: b.nav.domContentLoadedEventEnd, draws: b.draws };
  } finally {
    await context.close();
  }
}

/** The JavaScript a face actually loads (page and workers), each response body gzipped. */
async function shipped(browser, url, face, session) {
  const context = await faceContext(browser, face, session);
  try {
    const page = await context.newPage();
    const scripts = new Map();
    context.on('response', async (res) => {
      const type = res.headers()['content-type'] ?? '';
      if (!/javascript/.test(type) && !/\.m?js(\?|$)/.test(res.url())) return;
      try {
        scripts.set(res.url(), await res.body());
      } catch {}
    });
    await page.goto(`${url}/${face}`);
    await page.waitForFunction((f) => document.querySelector(`[data-testid=${f}-status][data-state=live]`), face, { timeout: 60_000, polling: 100 });
    await page.waitForLoadState('networkidle');
    if (face === 'wall') await waitMapIdle(page, trackInflight(page));
    await page.waitForTimeout(1000); // late lazy chunks
    const files = [...scripts].map(([u, body]) => ({ name: new URL(u).pathname.replace(/^\/assets\//, ''), raw: body.length, gzip: gz(body) }));
    return { face, files, raw: files.reduce((a, f) => a + f.raw, 0), gzip: files.reduce((a, f) => a + f.gzip, 0) };
  } finally {
    await context.close();
  }
}

const server = await startServer({ port: Number(opts.port), clientDist: opts.dist });
const browser = await launchBrowser();
try {
  const sessions = { wall: await login(server.url, 'wall'), console: await login(server.url, 'duty'), field: await login(server.url, 'team') };
  console.log(`# wall cold load: ${RUNS} runs, 1920×1080, headless Chromium (SwiftShader), node ${process.version}, client ${opts.dist}`);
  await coldWall(browser, server.url, sessions.wall); // warm the server side (style, tiles read from disk) once, not measured
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await coldWall(browser, server.url, sessions.wall));
  console.log('| run | DOMContentLoaded ms | link LIVE ms | map ready ms | map idle ms | WebGL draws |');
  console.log('|---|---|---|---|---|---|');
  runs.forEach((r, i) => console.log(`| ${i + 1} | ${r.domContentLoaded.toFixed(0)} | ${r.live.toFixed(0)} | ${r.mapReady.toFixed(0)} | ${r.idle.toFixed(0)} | ${r.draws} |`));
  const m = (k) => median(runs.map((r) => r[k])).toFixed(0);
  console.log(`| **median** | ${m('domContentLoaded')} | ${m('live')} | ${m('mapReady')} | ${m('idle')} | ${m('draws')} |`);

  console.log('\n# JavaScript shipped per face (response bodies the page loaded, gzip -9)');
  console.log('| face | scripts | raw KiB | gzip KiB |');
  console.log('|---|---|---|---|');
  const faces = [];
  for (const face of ['wall', 'console', 'field']) faces.push(await shipped(browser, server.url, face, sessions[face]));
  for (const f of faces) console.log(`| /${f.face} | ${f.files.length} | ${kb(f.raw)} | ${kb(f.gzip)} |`);
  const base = baseline();
  console.log('\n| baseline bundle (node_modules) | gzip KiB |');
  console.log('|---|---|');
  for (const b of base) console.log(`| ${b.label} | ${kb(b.bytes)} |`);
  const baseTotal = base.reduce((a, b) => a + b.bytes, 0);
  console.log(`| **MapLibre + ECharts (full) + Vue** | ${kb(baseTotal)} |`);
  const wall = faces[0];
  console.log(`\n/wall ships ${kb(wall.gzip)} KiB gzip = ${(wall.gzip / baseTotal).toFixed(2)} × the three libraries alone (${kb(baseTotal)} KiB)`);
  console.log('\n/wall scripts, largest first (gzip KiB):');
  for (const f of [...wall.files].sort((a, b) => b.gzip - a.gzip)) console.log(`  ${kb(f.gzip).padStart(7)}  ${f.name}`);
} finally {
  await browser.close();
  await server.stop();
}
