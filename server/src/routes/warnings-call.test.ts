import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warning } from '@watchfloor/shared';
import { seedDemo } from '../demo/seed.js';
import { ManualClock } from '../journal/clock.js';
import { login, postJson, startTestServer, tempDataDir, type TestServer } from '../testing/test-server.js';

const START = '2024-07-09T12:00:00.000Z';
let server: TestServer;
let dir: { remove(): void; dir: string };
let clock: ManualClock;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  dir = tempDataDir();
  clock = new ManualClock(START);
  server = await startTestServer(dir.dir, {}, { clock, tickIntervalMs: false });
  const app = server.app;
  await seedDemo(
    (c) => app.journal.submit({ type: c.type, payload: c.payload, actor: { user: 'system', role: 'system' }, originIp: null, channel: 'system', idempotencyKey: null }),
    app.journal.current,
    clock.now(),
  );
  for (const u of ['duty', 'commander', 'reporter', 'wall', 'team']) tokens[u] = await login(server.url, u);
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

const cmd = (type: string, body: unknown, user = 'duty') => postJson(server.url, `/api/commands/${type}`, body, tokens[user]);
const warning = (id: unknown): Warning => server.app.journal.current.warnings.byId[String(id)]!;

/** A square (in degrees) around the first township's villages: it holds villages of the demo county. */
function townshipArea() {
  const region = server.app.journal.current.region;
  const first = Object.values(region.townships).sort((a, b) => a.code.localeCompare(b.code))[0]!;
  const villages = Object.values(region.villages).filter((v) => v.townshipCode === first.code);
  const lons = villages.map((v) => v.center[0]);
  const lats = villages.map((v) => v.center[1]);
  const [w, e, s, n] = [Math.min(...lons) - 0.001, Math.max(...lons) + 0.001, Math.min(...lats) - 0.001, Math.max(...lats) + 0.001];
  return { township: first, villages, area: { polygons: [[[[w, s], [e, s], [e, n], [w, n], [w, s]]]], circles: [] } };
}

const issue = (colour: string, area: unknown, expires = '2024-07-10T12:00:00Z') =>
  cmd('warning:issue', { kind: 'rainstorm', colour, title: `暴雨${colour}预警`, areaDesc: '示范县', area, expires });

describe('warning lifecycle', () => {
  it('expires by itself when its time passes (injected clock)', async () => {
    const res = await issue('yellow', townshipArea().area, '2024-07-09T13:00:00Z');
    expect(warning(res.body.id).status).toBe('issued');
    clock.set('2024-07-09T12:59:59Z');
    await server.app.tick();
    expect(warning(res.body.id).status).toBe('issued');
    clock.set('2024-07-09T13:00:00Z');
    expect(await server.app.tick()).toBeGreaterThan(0);
    expect(warning(res.body.id)).toMatchObject({ status: 'expired', endReason: 'expired' });
    // Nobody may expire one by hand, and an ended warning cannot change.
    expect((await cmd('warning:expire', { id: res.body.id }, 'commander')).status).toBe(403);
    expect((await cmd('warning:update', { id: res.body.id, colour: 'red' })).status).toBe(409);
    clock.set(START);
  });

  it('refuses a colour the kind never uses', async () => {
    const res = await cmd('warning:issue', { kind: 'heavy-fog', colour: 'blue', title: '大雾', areaDesc: 'x', area: { polygons: [], circles: [] }, expires: '2024-07-10T12:00:00Z' });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('colour');
  });

  it('only the desk issues warnings; the wall and field accounts cannot', async () => {
    for (const u of ['wall', 'team', 'reporter']) expect((await cmd('warning:issue', {}, u)).status, u).toBe(403);
  });
});

describe('call-and-confirm (叫应)', () => {
  it('an orange warning calls county, township and village people, who confirm; overdue ones escalate to the leader on duty', async () => {
    const { township, villages, area } = townshipArea();
    const blue = await issue('blue', area);
    expect(warning(blue.body.id).call).toBeNull();
    const res = await issue('orange', area);
    const call = warning(res.body.id).call!;
    expect(call.deadline).toBe('2024-07-09T12:05:00.000Z');
    expect(call.people.filter((p) => p.level === 'county')).toHaveLength(1);
    expect(call.people.find((p) => p.level === 'township' && p.regionCode === township.code)).toBeTruthy();
    for (const v of villages) expect(call.people.some((p) => p.id === `village-${v.code}`)).toBe(true);
    // Deterministic: the same region gives the same people.
    const again = await issue('red', area);
    expect(warning(again.body.id).call!.people.map((p) => p.name)).toEqual(call.people.map((p) => p.name));

    const townshipPerson = call.people.find((p) => p.level === 'township')!;
    const villagePerson = call.people.find((p) => p.level === 'village')!;
    // The field account confirms for the person it stands for, not for others.
    expect((await cmd('call:confirm', { warningId: res.body.id, personId: villagePerson.id, channel: 'field-app' }, 'reporter')).status).toBe(403);
    expect((await cmd('call:confirm', { warningId: res.body.id, personId: townshipPerson.id, channel: 'field-app' }, 'reporter')).status).toBe(201);
    expect((await cmd('call:confirm', { warningId: res.body.id, personId: villagePerson.id, channel: 'phone' })).status).toBe(201);
    expect((await cmd('call:confirm', { warningId: res.body.id, personId: villagePerson.id, channel: 'carrier-pigeon' })).status).toBe(400);
    const confirmed = warning(res.body.id).call!.people.filter((p) => p.confirmedAt);
    expect(confirmed.map((p) => [p.id, p.channel])).toEqual(expect.arrayContaining([[townshipPerson.id, 'field-app'], [villagePerson.id, 'phone']]));

    clock.set('2024-07-09T12:04:59Z');
    await server.app.tick();
    expect(warning(res.body.id).call!.escalatedTo).toBeNull();
    clock.set('2024-07-09T12:05:00Z');
    await server.app.tick();
    const after = warning(res.body.id).call!;
    const leader = server.app.journal.current.shifts.shifts.find((s) => Date.parse(s.start) <= clock.now().getTime() && clock.now().getTime() < Date.parse(s.end))!.leader;
    expect(after.escalatedTo).toBe(leader);
    expect(after.people.filter((p) => p.escalatedAt).length).toBe(call.people.length - 2);
    expect(after.people.find((p) => p.id === villagePerson.id)!.escalatedAt).toBeNull();
    // Escalated once: the next tick has nothing more to do for it.
    const head = server.app.journal.head;
    await server.app.tick();
    expect(server.app.journal.current.warnings.byId[String(res.body.id)]!.call!.escalatedTo).toBe(leader);
    expect(server.app.journal.head - head).toBeLessThanOrEqual(1); // only the other red warning may escalate
    clock.set(START);
  });

  it('the impact of an area counts its villages, households and people', async () => {
    const { villages, area } = townshipArea();
    const res = await issue('yellow', area);
    const impact = (await (await fetch(`${server.url}/api/alerts/${String(res.body.id)}/impact`, { headers: { authorization: `Bearer ${tokens.duty}` } })).json()) as Record<string, unknown>;
    expect((impact.villages as unknown[]).length).toBeGreaterThanOrEqual(villages.length);
    expect(impact.population).toBeGreaterThanOrEqual(villages.reduce((n, v) => n + v.population, 0));
  });

  it('a console user acknowledges a severe warning to silence the wall', async () => {
    const res = await issue('red', townshipArea().area);
    expect(server.app.journal.current.warnings.byId[String(res.body.id)]!.acknowledgedAt).toBeNull();
    expect((await cmd('warning:acknowledge', { id: res.body.id }, 'wall')).status).toBe(403);
    expect((await cmd('warning:acknowledge', { id: res.body.id })).status).toBe(201);
    expect(warning(res.body.id).acknowledgedBy).toBe('duty');
  });
});

describe('response levels (应急响应)', () => {
  it('a commander starts, raises, lowers and ends; others may not', async () => {
    expect((await cmd('response:start', { command: 'flood-drought', level: 4, reason: '强降雨' }, 'duty')).status).toBe(403);
    expect((await cmd('response:start', { command: 'flood-drought', level: 4, reason: '强降雨' }, 'commander')).status).toBe(201);
    expect((await cmd('response:start', { command: 'flood-drought', level: 3, reason: 'x' }, 'commander')).status).toBe(409);
    expect((await cmd('response:raise', { command: 'flood-drought', level: 4, reason: 'x' }, 'commander')).status).toBe(400);
    expect((await cmd('response:raise', { command: 'flood-drought', level: 2, reason: '水位超保' }, 'commander')).status).toBe(201);
    expect((await cmd('response:lower', { command: 'flood-drought', level: 3, reason: '回落' }, 'commander')).status).toBe(201);
    const r = server.app.journal.current.responses;
    expect(r.active['flood-drought']).toMatchObject({ level: 3, approvedBy: 'commander' });
    expect((await cmd('response:end', { command: 'flood-drought', reason: '结束' }, 'commander')).status).toBe(201);
    expect(server.app.journal.current.responses.active['flood-drought']).toBeUndefined();
    expect(server.app.journal.current.responses.history.map((h) => h.action)).toEqual(['end', 'lower', 'raise', 'start']);
  });
});

describe('monitoring alarms', () => {
  it('raises and clears with hysteresis, journaling only changes', async () => {
    const station = { id: 'lt-res', name: '龙潭水库', kind: 'reservoir-level', unit: 'm', location: [110, 30], thresholds: [{ colour: 'orange', raise: 100, clear: 99.5 }] };
    expect((await cmd('alarm:define-station', { ...station, thresholds: [{ colour: 'orange', raise: 100, clear: 101 }] })).status).toBe(400);
    expect((await cmd('alarm:define-station', station)).status).toBe(201);
    const post = (values: number[], user = 'duty') =>
      postJson(server.url, '/api/monitoring/readings', { readings: values.map((value, i) => ({ stationId: 'lt-res', value, at: new Date(Date.parse(START) + i * 60_000).toISOString() })) }, tokens[user]);
    const head = server.app.journal.head;
    expect((await post([99, 99.2])).status).toBe(202);
    expect(server.app.journal.head).toBe(head);
    const flap = await post([99.9, 100.1, 99.8, 100.2, 99.7, 100.05]);
    expect(flap.status).toBe(201);
    expect(server.app.journal.head - head).toBe(1);
    expect(server.app.journal.current.monitoring.active['lt-res']).toMatchObject({ colour: 'orange' });
    expect((await post([100.3, 99.9, 100.4])).status).toBe(202);
    expect((await post([99.4])).status).toBe(201);
    expect(server.app.journal.current.monitoring.active['lt-res']).toBeUndefined();
    expect((await postJson(server.url, '/api/monitoring/readings', { readings: [{ stationId: 'nowhere', value: 1, at: START }] }, tokens.duty)).body.field).toBe('readings.0.stationId');
    expect((await post([101], 'team')).status).toBe(403);
  });
});
