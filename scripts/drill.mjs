// pnpm drill <scenario> [--speed 60] [--url http://localhost:3000] [--user commander] [--password demo]
// Starts a drill on a running server through its API (POST /api/drills) and follows it to the end.
// Credentials default to the demo commander; set WATCHFLOOR_USER / WATCHFLOOR_PASSWORD otherwise.
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    speed: { type: 'string', default: '60' },
    url: { type: 'string', default: process.env.WATCHFLOOR_URL ?? `http://localhost:${process.env.PORT ?? 3000}` },
    user: { type: 'string', default: process.env.WATCHFLOOR_USER ?? 'commander' },
    password: { type: 'string', default: process.env.WATCHFLOOR_PASSWORD ?? 'demo' },
  },
});
const scenario = positionals[0];
const fail = (message) => {
  console.error(`drill: ${message}`);
  process.exit(1);
};
if (!scenario) fail('name a scenario, e.g. pnpm drill landslide-night --speed 60');

const api = async (path, init = {}) => {
  const res = await fetch(`${values.url}${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) fail(`${init.method ?? 'GET'} ${path}: ${res.status} ${body.message ?? ''}`);
  return body;
};

const { token } = await api('/api/auth/login', { method: 'POST', body: JSON.stringify({ username: values.user, password: values.password }) });
const auth = { authorization: `Bearer ${token}` };
const { id } = await api('/api/drills', { method: 'POST', headers: auth, body: JSON.stringify({ scenario, speed: Number(values.speed) }) });
console.log(`drill ${scenario} started (${id}) at speed ${values.speed}`);
let last = -1;
for (;;) {
  await new Promise((r) => setTimeout(r, 1000));
  const state = await api('/api/drills', { headers: auth });
  const run = state.running.find((r) => r.id === id);
  const finished = state.finished.find((r) => r.id === id);
  if (run && run.done !== last) console.log(`  ${run.done}/${run.steps} steps`);
  if (run) last = run.done;
  if (finished) {
    console.log(`drill ${scenario} ${finished.outcome}: ${finished.done}/${finished.steps} steps`);
    process.exit(finished.outcome === 'completed' ? 0 : 1);
  }
}
