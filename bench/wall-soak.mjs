// The wall under a compressed flood season: real commands through the API as fast as the
// server takes them (monitoring readings crossing alarm levels, duty-log entries, team
// position batches) while one /wall page watches; JS heap, DOM nodes and listeners at start
// (after load and a warm-up) and at the end, and the longest main-thread task.
// Usage: npx tsc -b && npx vite build --outDir /tmp/bench-dist --emptyOutDir
//        node bench/wall-soak.mjs [--events 200000] [--warmup 10000] [--rounds 1] [--settle 15] [--minutes 10] [--diagnose] [--profile]
import { parseArgs } from 'node:util';
import { faceContext, heapGrowth, heapSummary, launchBrowser, login, profileTop, sleep, startServer, trackInflight, waitMapIdle } from './wall-support.mjs';

const { values: opts } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    warmup: { type: 'string', default: '10000' },
    // The longest one flood may take.
    minutes: { type: 'string', default: '10' },
    settle: { type: 'string', default: '15' },
    // Floods of --events each, measured one after the other: a leak climbs round after round.
    rounds: { type: 'string', default: '1' },
    dist: { type: 'string', default: '/tmp/bench-dist' },
    port: { type: 'string', default: '3942' },
    // Heap snapshots at the soak's start and end, to name what grows.
    diagnose: { type: 'boolean', default: false },
    // A CPU profile of the first round's flood and steady state, to name what blocks. Not with
    // --diagnose for heap figures: the profiler makes V8 keep source positions (code heap grows).
    profile: { type: 'boolean', default: false },
  },
});
const EVENTS = Number(opts.events);
const WARMUP = Number(opts.warmup);
const DEADLINE_MS = Number(opts.minutes) * 60_000;
const SETTLE_MS = Number(opts.settle) * 1000;
const ROUNDS = Number(opts.rounds);
const mib = (bytes) => (bytes / 2 ** 20).toFixed(2);
const pct = (a, b) => (((b - a) / a) * 100).toFixed(1);
const STATIONS = 20;
const READINGS_PER_BATCH = 100; // 100 alarm-level changes per command
const FIXES_PER_BATCH = 20;
/** Values cycling each station none → yellow → orange → yellow → none: every reading is one change. */
const CYCLE = [15, 25, 15, 5];

const server = await startServer({ port: Number(opts.port), clientDist: opts.dist });
const { url } = server;
const browser = await launchBrowser();
try {
  const wallSession = await login(url, 'wall');
  const duty = (await login(url, 'duty')).token;
  const post = async (path, body) => {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${duty}` }, body: JSON.stringify(body) });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${text}`);
    return JSON.parse(text);
  };
  const head = async () => (await (await fetch(`${url}/api/health`)).json()).journal.head;
  const teams = (await (await fetch(`${url}/api/teams`, { headers: { authorization: `Bearer ${duty}` } })).json()).filter((t) => t.position);
  const [cLon, cLat] = [teams[0].position.lon, teams[0].position.lat];
  for (let s = 0; s < STATIONS; s++) {
    await post('/api/commands/alarm:define-station', {
      id: `soak-${s}`,
      name: `浸泡测试水位站${s + 1}`,
      kind: 'river-level',
      unit: 'm',
      location: [cLon + ((s % 5) - 2) * 0.02, cLat + (Math.floor(s / 5) - 2) * 0.02],
      thresholds: [{ colour: 'yellow', raise: 10, clear: 9 }, { colour: 'orange', raise: 20, clear: 19 }],
    });
  }

  // The flood: three kinds of real commands in five loops, each bounded by the phase's target and the deadline.
  const count = { readings: 0, dutyLog: 0, fixes: 0, requests: 0 };
  let journal0 = await head();
  // A phase ends once journal events (journal.head) plus accepted position fixes (not journaled) reach its target.
  let target = 0;
  let phaseHead = 0;
  let phaseFixes = 0;
  let produced = 0;
  let phaseStarted = Date.now();
  const done = () => produced >= target || Date.now() - phaseStarted > DEADLINE_MS;
  let tick = 0;
  async function readingsLoop() {
    while (!done()) {
      const t0 = Date.now() - READINGS_PER_BATCH;
      const readings = Array.from({ length: READINGS_PER_BATCH }, (_, i) => ({
        stationId: `soak-${i % STATIONS}`,
        value: CYCLE[(tick + Math.floor(i / STATIONS)) % CYCLE.length],
        at: new Date(t0 + i).toISOString(),
      }));
      tick += READINGS_PER_BATCH / STATIONS;
      await post('/api/monitoring/readings', { readings });
      count.readings += READINGS_PER_BATCH;
      count.requests++;
    }
  }
  async function dutyLogLoop() {
    for (let i = 0; !done(); i++) {
      await post('/api/duty-log', { content: `浸泡测试 值班记录 ${count.dutyLog + 1}: 水位巡查正常` });
      count.dutyLog++;
      count.requests++;
    }
  }
  async function positionsLoop() {
    for (let i = 0; !done(); i++) {
      const team = teams[i % teams.length];
      const t0 = Date.now() - FIXES_PER_BATCH * 1000;
      const fixes = Array.from({ length: FIXES_PER_BATCH }, (_, k) => ({
        lon: team.position.lon + Math.sin((i + k) / 50) * 0.01,
        lat: team.position.lat + Math.cos((i + k) / 50) * 0.01,
        at: new Date(t0 + k * 1000).toISOString(),
      }));
      const res = await fetch(`${url}/api/teams/${team.id}/position`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${duty}` }, body: JSON.stringify(fixes) });
      const body = await res.json();
      if (res.status !== 202) throw new Error(`position: ${res.status} ${JSON.stringify(body)}`);
      count.fixes += body.accepted;
      count.requests++;
    }
  }
  let onQuarter = null;
  const flood = async (events) => {
    target = events;
    produced = 0;
    phaseStarted = Date.now();
    phaseHead = await head();
    phaseFixes = count.fixes;
    const t = Date.now();
    const watch = (async () => {
      let quarter = 1;
      while (!done()) {
        produced = (await head()) - phaseHead + count.fixes - phaseFixes;
        if (onQuarter && produced >= (quarter * target) / 4 && quarter < 4) await onQuarter(quarter++, produced);
        await sleep(200);
      }
    })();
    await Promise.all([watch, readingsLoop(), readingsLoop(), dutyLogLoop(), dutyLogLoop(), positionsLoop()]);
    // Leave every station orange, so both samples see the same alarms on the wall.
    await post('/api/monitoring/readings', { readings: Array.from({ length: STATIONS }, (_, i) => ({ stationId: `soak-${i}`, value: 25, at: new Date().toISOString() })) });
    return (Date.now() - t) / 1000;
  };

  // The watching wall.
  const context = await faceContext(browser, 'wall', wallSession);
  await context.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration, attribution: e.attribution?.map((a) => `${a.name}:${a.containerType}:${a.containerSrc || a.containerName}`) });
    }).observe({ type: 'longtask', buffered: true });
    // Long animation frames name the scripts behind a long task (invoker, file, function), where 'longtask' cannot.
    window.__loafs = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__loafs.push({
          start: e.startTime,
          end: e.startTime + e.duration,
          scripts: e.scripts.map((x) => ({ ms: x.duration, what: `${x.invoker} → ${x.sourceFunctionName || '?'} ${x.sourceURL.split('/').pop()}:${x.sourceCharPosition}`, layout: x.forcedStyleAndLayoutDuration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const inflight = trackInflight(page);
  await page.goto(`${url}/wall`);
  await page.waitForFunction(() => window.__bench.live !== null && window.__bench.mapReady !== null, null, { timeout: 60_000, polling: 100 });
  await waitMapIdle(page, inflight);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // The page's long-task records, moved out before every heap sample: the benchmark's own
  // bookkeeping (an entry per long frame under the flood) must not count as the wall's heap.
  const recorded = { tasks: [], loafs: [] };
  const drain = async () => {
    const { tasks, loafs } = await page.evaluate(() => ({ tasks: window.__longtasks.splice(0), loafs: window.__loafs.splice(0) }));
    recorded.tasks.push(...tasks);
    recorded.loafs.push(...loafs);
  };
  const sample = async () => {
    await drain();
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    // Where the nodes are: elements under each panel of the wall (by its first class), to name a growing one.
    const state = await page.evaluate(() => {
      const panels = {};
      for (const el of document.querySelectorAll('.wall > *, .wall__map > *')) panels[el.classList[0] ?? el.tagName] = el.querySelectorAll('*').length;
      return { t: performance.now(), status: document.querySelector('[data-testid=wall-status]')?.getAttribute('data-state'), panels, elements: document.querySelectorAll('*').length };
    });
    return { heap: m.JSHeapUsedSize, nodes: m.Nodes, listeners: m.JSEventListeners, documents: m.Documents, ...state };
  };

  console.log(`# wall soak: ${ROUNDS} × ${EVENTS} events after a ${WARMUP}-event warm-up, one /wall page at 1920×1080, node ${process.version}`);
  // Fill the wall's bounded lists first (the ticker shows 40 duty-log entries), then the warm-up flood.
  for (let i = 0; i < 60; i++) await post('/api/duty-log', { content: `浸泡测试 预热记录 ${i + 1}` });
  const warmSeconds = await flood(WARMUP);
  await sleep(SETTLE_MS);
  console.log(`warm-up ${warmSeconds.toFixed(0)} s`);
  const first = await sample();
  const heap0 = opts.diagnose ? await heapSummary(cdp) : null;
  let start = first;
  const ends = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // A CPU profile of the first round only: the profiler itself grows the code heap.
    const end = await measureRound(round, start, opts.profile && round === 1);
    ends.push(end);
    start = end;
  }
  if (ROUNDS > 1) {
    console.log(`JS heap after each round's settle (after GC), MiB: start ${mib(first.heap)}; ${ends.map((e, k) => `round ${k + 1} ${mib(e.heap)}`).join('; ')}`);
    console.log(`whole soak, ${ROUNDS * EVENTS} events: JS heap ${mib(first.heap)} → ${mib(ends.at(-1).heap)} MiB (${pct(first.heap, ends.at(-1).heap)} %); DOM nodes ${first.nodes} → ${ends.at(-1).nodes}; listeners ${first.listeners} → ${ends.at(-1).listeners}`);
  }

  if (opts.diagnose) {
    const heap1 = await heapSummary(cdp);
    const byType = (h) => { const o = {}; for (const [k, v] of h) { const t = k.split(':')[0]; o[t] = (o[t] ?? 0) + v.bytes; } return o; };
    const [t0, t1] = [byType(heap0), byType(heap1)];
    console.log('heap snapshot self bytes by node type, soak start → end: ' + Object.keys(t1).map((k) => `${k} ${((t0[k] ?? 0) / 1024).toFixed(0)} → ${(t1[k] / 1024).toFixed(0)} KiB`).join('; '));
    console.log('heap snapshot, soak start → end, largest growth (self bytes, objects) by type:constructor:');
    for (const r of heapGrowth(heap0, heap1, 25)) console.log(`  ${String(r.bytes).padStart(9)} B ${String(r.count).padStart(7)}  ${r.key}`);
  }

  /** One flood of EVENTS, the wall catching up, a settle; prints the round's table and returns its end sample. */
  async function measureRound(round, start, profiling) {
    journal0 = await head();
    const counted0 = { ...count };
    if (profiling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    // The heap along the way (after GC): a plateau is warm-up, a steady rise is a leak.
    const trend = [];
    onQuarter = async (q, n) => {
      await drain();
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      trend.push(`${n} events: ${mib(metrics.find((x) => x.name === 'JSHeapUsedSize').value)} MiB`);
    };
    const floodSeconds = await flood(EVENTS);
    onQuarter = null;
    // The flood's last event: the wall has caught up once the ticker shows it.
    const { seq: lastSeq } = await post('/api/duty-log', { content: `浸泡测试 第 ${round} 轮结束` });
    const journalEvents = (await head()) - journal0;
    const floodEnd = await page.evaluate(() => performance.now());
    await page.waitForFunction((seq) => Number(document.querySelector('[data-testid=ticker-item]')?.getAttribute('data-seq')) >= seq, lastSeq, { timeout: 180_000, polling: 50 });
    const caughtUpAt = await page.evaluate(() => performance.now());
    const profile = profiling ? (await cdp.send('Profiler.stop')).profile : null;
    if (profiling) await cdp.send('Profiler.start');
    await sleep(SETTLE_MS);
    const steadyProfile = profiling ? (await cdp.send('Profiler.stop')).profile : null;
    const steadyEnd = await page.evaluate(() => performance.now());
    const caughtUp = await page.evaluate(() => document.querySelector('[data-testid=wall-status]')?.getAttribute('data-state'));
    const end = await sample();
    const fixes = count.fixes - counted0.fixes;
    console.log(`\n## round ${round}`);
    console.log(`flood ${floodSeconds.toFixed(0)} s: ${journalEvents} journal events (${count.readings - counted0.readings} readings posted, each crossing an alarm level unless overtaken; ${count.dutyLog - counted0.dutyLog} duty-log entries) + ${fixes} team position fixes = ${journalEvents + fixes} events, ${((journalEvents + fixes) / floodSeconds).toFixed(0)}/s over ${count.requests - counted0.requests} requests; wall link after: ${caughtUp}; the wall showed the last event ${((caughtUpAt - floodEnd) / 1000).toFixed(1)} s after it was written`);
    console.log('| metric | start | end | growth % | target |');
    console.log('|---|---|---|---|---|');
    const row = (name, k, fmt = (v) => v.toFixed(0)) => console.log(`| ${name} | ${fmt(start[k])} | ${fmt(end[k])} | ${pct(start[k], end[k])} | < 5 |`);
    row('JS heap used (MiB)', 'heap', mib);
    row('DOM nodes', 'nodes');
    row('JS event listeners', 'listeners');
    row('elements in the document', 'elements');
    const grown = Object.keys(end.panels).filter((k) => end.panels[k] !== start.panels[k]).map((k) => `${k} ${start.panels[k] ?? 0} → ${end.panels[k]}`);
    console.log(`JS heap along the flood (after GC): start ${mib(start.heap)} MiB; ${trend.join('; ')}; end ${mib(end.heap)} MiB`);
    console.log(`elements per wall panel that changed: ${grown.join('; ') || 'none'}`);
    const tasks = recorded.tasks;
    const during = tasks.filter((x) => x.start >= start.t && x.start < caughtUpAt);
    const after = tasks.filter((x) => x.start >= caughtUpAt && x.start < steadyEnd);
    const worst = (xs) => xs.reduce((a, x) => (x.duration > (a?.duration ?? 0) ? x : a), null);
    const loafs = recorded.loafs;
    /** The scripts of the long animation frame holding the task, longest first. */
    const scriptsOf = (x) => {
      const overlap = (f) => Math.min(f.end, x.start + x.duration) - Math.max(f.start, x.start);
      const frame = loafs.filter((f) => overlap(f) > 0).sort((f, g) => overlap(g) - overlap(f))[0];
      if (!frame) return `no long animation frame recorded (${loafs.length} recorded)`;
      const scripts = frame.scripts.sort((a, b) => b.ms - a.ms).slice(0, 3);
      return scripts.length ? scripts.map((y) => `${y.what} ${y.ms.toFixed(0)} ms, forced layout ${y.layout.toFixed(0)} ms`).join('; ') : 'no script in the frame (rendering, GC or the thread descheduled)';
    };
    const fmtTask = (x) => (x ? `${x.duration.toFixed(0)} ms [${scriptsOf(x)}]` : 'none over 50 ms');
    console.log(`longest main-thread task under the flood (until caught up): ${fmtTask(worst(during))}; long tasks (> 50 ms) then: ${during.length}, total ${during.reduce((a, x) => a + x.duration, 0).toFixed(0)} ms`);
    console.log(`longest main-thread task in steady state (the ${SETTLE_MS / 1000} s after catching up): ${fmtTask(worst(after))}; long tasks then, at s after catching up: ${after.map((x) => `${((x.start - caughtUpAt) / 1000).toFixed(1)} s (${x.duration.toFixed(0)} ms)`).join(', ') || 'none'}`);
    if (profiling) {
      for (const [label, p] of [['under the flood, until caught up', profile], ['in steady state', steadyProfile]]) {
        const top = profileTop(p);
        console.log(`CPU profile of the wall's main thread ${label}: ${top.totalMs.toFixed(0)} ms sampled; self time by script:`);
        for (const f of top.files) console.log(`  ${f.ms.toFixed(0).padStart(7)} ms  ${f.key}`);
        console.log('by function:');
        for (const f of top.functions) console.log(`  ${f.ms.toFixed(0).padStart(7)} ms  ${f.key}`);
      }
    }
    return end;
  }
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
