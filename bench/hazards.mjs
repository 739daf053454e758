// The hazard ledger at city scale: import of 60,000 rows through the real server, then p50/p99
// of filtered page queries over HTTP, next to the same pages from a plain SQL table
// (better-sqlite3, indexed) measured in the same run as the baseline.
// Usage: npx tsc -b && node bench/hazards.mjs [--rows 60000] [--queries 400]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(new URL('../server/package.json', import.meta.url));
const Database = require('better-sqlite3');
const { values: opts } = parseArgs({ options: { rows: { type: 'string', default: '60000' }, queries: { type: 'string', default: '400' } } });
const ROWS = Number(opts.rows);
const QUERIES = Number(opts.queries);
const root = new URL('..', import.meta.url).pathname;
const { buildDemoRegion } = await import(new URL('../server/dist/demo/region.js', import.meta.url));

// A deterministic generator (no Math.random: the same file every run).
let seed = 42;
const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
const pick = (a) => a[Math.floor(rnd() * a.length)];

const region = buildDemoRegion();
const KINDS = [['煤矿', 'coal-mine'], ['非煤矿山', 'non-coal-mine'], ['危险化学品', 'hazardous-chemicals'], ['燃气', 'gas'], ['建筑施工', 'construction'], ['特种设备', 'special-equipment'], ['烟花爆竹', 'fireworks'], ['尾矿库', 'tailings-dam']];
const NOW = Date.now();
const DAY = 86_400_000;
const t = (ms) => new Date(ms).toISOString();

/** The campaign's shape (55,835 found, 49,920 rectified): ~89% closed, the rest in the loop. */
function makeRows() {
  const head = '编号,名称,类别,风险等级,乡镇代码,村代码,经度,纬度,包保责任人,威胁户数,威胁人数,状态,发现时间,整改措施,整改期限,整改责任人,整改完成时间,整改完成报告人,验收人,销号时间';
  const lines = [head];
  const rows = [];
  for (let i = 0; i < ROWS; i++) {
    const v = pick(region.villages);
    const [kindZh, kind] = pick(KINDS);
    const found = NOW - Math.floor(rnd() * 180) * DAY;
    const x = rnd();
    const state = x < 0.89 ? 'closed' : x < 0.97 ? 'rectifying' : x < 0.99 ? 'rectified' : 'ledgered';
    const stateZh = { closed: '已销号', rectifying: '整改中', rectified: '待验收', ledgered: '已入台账' }[state];
    const deadline = found + (5 + Math.floor(rnd() * 60)) * DAY;
    const done = Math.min(NOW - DAY, found + 3 * DAY);
    const plan = state === 'ledgered' ? ',,,' : `停产整改并复查,${t(deadline)},王${i % 97}`;
    const completed = state === 'closed' || state === 'rectified' ? `${t(done)},reporter` : ',';
    const closed = state === 'closed' ? `duty,${t(done + 3600_000)}` : ',';
    lines.push(`YH-${i},${v.name}${kindZh}隐患${i},${kindZh},一般,${v.townshipCode},${v.code},${v.center[0]},${v.center[1]},张三 1380000${String(i % 10000).padStart(4, '0')},0,0,${stateZh},${t(found)},${plan},${completed},${closed}`);
    rows.push({ id: `YH-${i}`, kind, state, township: v.townshipCode, deadline: state === 'ledgered' ? null : deadline, created: i });
  }
  return { csv: lines.join('\n'), rows };
}

async function waitHealthy(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}
const q = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const ms = (x) => x.toFixed(2);

/** The queries both sides answer: the filters a desk uses, on random pages. */
function makeQueries() {
  const out = [];
  for (let i = 0; i < QUERIES; i++) {
    const f = {};
    const shape = i % 5;
    if (shape === 0) f.state = 'rectifying';
    if (shape === 1) Object.assign(f, { township: pick(region.townships).code });
    if (shape === 2) Object.assign(f, { township: pick(region.townships).code, kind: pick(KINDS)[1] });
    if (shape === 3) f.overdue = 'true';
    if (shape === 4) Object.assign(f, { state: 'closed', kind: pick(KINDS)[1] });
    out.push({ f, page: 1 + Math.floor(rnd() * 5), pageSize: 50 });
  }
  return out;
}

const { csv, rows } = makeRows();
const dir = mkdtempSync(join(tmpdir(), 'watchfloor-bench-hazards-'));
const port = 3900 + Math.floor(process.pid % 90);
const url = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, ['server/dist/server.js'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, DEMO: '0', ADMIN_PASSWORD: 'bench-password', LOG_LEVEL: 'warn', CLIENT_DIST: join(dir, 'none') },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  await waitHealthy(url);
  const { token } = await (await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bench-password' }) })).json();
  const auth = { authorization: `Bearer ${token}` };
  await fetch(`${url}/api/commands/region:define`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(region) });

  const t0 = performance.now();
  const res = await fetch(`${url}/api/hazards/import?format=csv&crs=wgs84`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: csv });
  const importMs = performance.now() - t0;
  const imported = await res.json();
  if (res.status !== 201 || imported.imported !== ROWS) throw new Error(`import failed: ${res.status} ${JSON.stringify(imported).slice(0, 300)}`);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

  const queries = makeQueries();
  const http = [];
  const totals = [];
  for (const { f, page, pageSize } of queries) {
    const qs = new URLSearchParams({ ...f, page: String(page), pageSize: String(pageSize) });
    const s = performance.now();
    const body = await (await fetch(`${url}/api/hazards?${qs}`, { headers: auth })).json();
    http.push(performance.now() - s);
    totals.push(body.total);
  }

  // Baseline: the same rows in a plain indexed SQL table, the same pages, in process.
  const db = new Database(join(dir, 'baseline.db'));
  db.exec('create table h (id text primary key, kind text, state text, township text, deadline integer, created integer, body text)');
  db.exec('create index h_state on h(state, created); create index h_town on h(township, kind, created); create index h_kind on h(kind, created)');
  const ins = db.prepare('insert into h values (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => rows.forEach((r) => ins.run(r.id, r.kind, r.state, r.township, r.deadline, r.created, JSON.stringify(r))))();
  const sqlMs = [];
  let agree = 0;
  queries.forEach(({ f, page, pageSize }, i) => {
    const where = ['1=1'];
    const args = [];
    const filter = (clause, arg) => {
      where.push(clause);
      args.push(arg);
    };
    if (f.state) filter('state = ?', f.state);
    if (f.township) filter('township = ?', f.township);
    if (f.kind) filter('kind = ?', f.kind);
    if (f.overdue) filter("state in ('ledgered','rectifying') and deadline < ?", Date.now());
    const s = performance.now();
    const total = db.prepare(`select count(*) n from h where ${where.join(' and ')}`).get(...args).n;
    db.prepare(`select body from h where ${where.join(' and ')} order by created desc limit ? offset ?`).all(...args, pageSize, (page - 1) * pageSize).map((r) => JSON.parse(r.body));
    sqlMs.push(performance.now() - s);
    if (total === totals[i]) agree++;
  });
  db.close();

  http.sort((a, b) => a - b);
  sqlMs.sort((a, b) => a - b);
  console.log(`hazard ledger: ${ROWS} rows (${(csv.length / 1e6).toFixed(1)} MB CSV), ${QUERIES} filtered page queries (50 per page), node ${process.version}`);
  console.log('| measure | server (HTTP) | plain SQL baseline (in process) |');
  console.log('| --- | --- | --- |');
  console.log(`| import ${ROWS} rows (parse, check, journal in ${Math.ceil(ROWS / 500)} events) | ${(importMs / 1000).toFixed(2)} s | — |`);
  console.log(`| page query p50 | ${ms(q(http, 0.5))} ms | ${ms(q(sqlMs, 0.5))} ms |`);
  console.log(`| page query p99 | ${ms(q(http, 0.99))} ms | ${ms(q(sqlMs, 0.99))} ms |`);
  console.log(`| page query max | ${ms(http[http.length - 1])} ms | ${ms(sqlMs[sqlMs.length - 1])} ms |`);
  console.log(`| totals agreeing with SQL | ${agree}/${QUERIES} | |`);
  console.log(`| server RSS after import | ${rss.toFixed(0)} MB | |`);
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
