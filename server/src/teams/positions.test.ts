import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamPosition } from '@watchfloor/shared';
import { TrackStore } from './track-store.js';
import { login, postJson, startTestServer, tempDataDir, waitFor, watch, type TestServer } from '../testing/test-server.js';

let server: TestServer;
let dir: { remove(): void; dir: string };
let commander: string;
let leader: string;

const team = (id: string, accounts: string[] = []) => ({
  id, name: `队伍${id}`, kind: 'flood', level: 'county', headcount: 20, leader: '张三', phone: '13800000000', base: { name: '驻地', lonLat: [110.5, 30.4] }, accounts,
});

beforeAll(async () => {
  dir = tempDataDir();
  server = await startTestServer(dir.dir);
  commander = await login(server.url, 'commander');
  leader = await login(server.url, 'team');
  expect((await postJson(server.url, '/api/commands/team:register', team('t1', ['team']), commander)).status).toBe(201);
  expect((await postJson(server.url, '/api/commands/team:register', team('t2'), commander)).status).toBe(201);
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

const getTeams = async () => (await (await fetch(`${server.url}/api/teams`, { headers: { authorization: `Bearer ${commander}` } })).json()) as Array<{ id: string; status: string; position: TeamPosition | null }>;

describe('team positions', () => {
  it('accepts a fix with 202, coalesces to the latest `at`, and journals nothing', async () => {
    const head = server.app.journal.head;
    const at = new Date(Date.now() - 1000).toISOString();
    const res = await postJson(server.url, '/api/teams/t1/position', { lon: 110.51, lat: 30.41, at, speed: 8.5, heading: 90 }, leader);
    expect(res).toEqual({ status: 202, body: { accepted: 1 } });
    // An older fix arriving late does not move the marker back.
    const older = new Date(Date.now() - 60_000).toISOString();
    expect((await postJson(server.url, '/api/teams/t1/position', [{ lon: 1, lat: 1, at: older }], leader)).status).toBe(202);
    const t1 = (await getTeams()).find((t) => t.id === 't1');
    expect(t1).toEqual({ id: 't1', name: '队伍t1', kind: 'flood', status: 'standby', position: { lon: 110.51, lat: 30.41, at } });
    expect((await getTeams()).find((t) => t.id === 't2')?.position).toBeNull();
    expect(server.app.journal.head).toBe(head);
  });

  it.each([
    [{ lon: 181, lat: 30 }, 'lon'],
    [{ lon: 110, lat: 91 }, 'lat'],
    [{ lon: 'x', lat: 30 }, 'lon'],
    [[{ lon: 110, lat: 30 }, { lon: 110, lat: -100 }], '1.lat'],
    [{ lon: 110, lat: 30, at: new Date(Date.now() + 3_600_000).toISOString() }, 'at'],
  ])('refuses %j with 400 naming the field', async (body, field) => {
    const res = await postJson(server.url, '/api/teams/t1/position', body, leader);
    expect(res.status).toBe(400);
    expect(String(res.body.field)).toContain(field);
  });

  it('lets a team account report only for its own team, and 404s an unknown team', async () => {
    expect((await postJson(server.url, '/api/teams/t2/position', { lon: 110, lat: 30 }, leader)).status).toBe(403);
    expect((await postJson(server.url, '/api/teams/nope/position', { lon: 110, lat: 30 }, commander)).status).toBe(404);
    const wall = await login(server.url, 'wall');
    expect((await postJson(server.url, '/api/teams/t1/position', { lon: 110, lat: 30 }, wall)).status).toBe(403);
  });

  it('sends every current position on connect, then coalesced batches live', async () => {
    const wall = await login(server.url, 'wall');
    const w = watch(server.url, wall);
    const batches: TeamPosition[][] = [];
    w.socket.on('positions', (b) => batches.push(b));
    await w.synced();
    await waitFor(() => batches.length > 0);
    expect(batches[0]!.map((p) => p.teamId)).toContain('t1');
    batches.length = 0;
    // Five fixes from one team inside one tick arrive as one position: the latest.
    const base = Date.now() - 5000;
    for (let i = 0; i < 5; i++) await postJson(server.url, '/api/teams/t2/position', { lon: 110 + i / 100, lat: 30, at: new Date(base + i * 100).toISOString() }, commander);
    await waitFor(() => batches.flat().some((p) => p.teamId === 't2' && p.lon === 110.04));
    expect(batches.flat().filter((p) => p.teamId === 't2').length).toBeLessThan(5);
    w.socket.close();
  });

  it('keeps the track of a team out on a dispatch, for replay', async () => {
    const created = await postJson(server.url, '/api/commands/dispatch:create', { task: '转移群众', target: { kind: 'point', label: '青石村', lonLat: [110.6, 30.5] }, teamIds: ['t1'] }, commander);
    const dispatchId = String(created.body.id);
    expect((await postJson(server.url, '/api/commands/dispatch:respond', { dispatchId, teamId: 't1', accept: true }, leader)).status).toBe(201);
    const t0 = Date.now() - 3000;
    await postJson(server.url, '/api/teams/t1/position', [110.52, 110.53, 110.54].map((lon, i) => ({ lon, lat: 30.42, at: new Date(t0 + i * 1000).toISOString() })), leader);
    await new Promise((r) => setTimeout(r, 400));
    const track = (await (await fetch(`${server.url}/api/dispatch/${dispatchId}/track`, { headers: { authorization: `Bearer ${commander}` } })).json()) as Array<{ teamId: string; points: unknown[] }>;
    expect(track).toEqual([{ teamId: 't1', points: [expect.objectContaining({ lon: 110.52 }), expect.objectContaining({ lon: 110.53 }), expect.objectContaining({ lon: 110.54 })] }]);
    expect((await getTeams()).find((t) => t.id === 't1')?.status).toBe('en-route');
    // The track outlives the server: it is a file beside the journal.
    const store = new TrackStore(dir.dir);
    expect(store.track(dispatchId)[0]?.points).toHaveLength(3);
    store.close();
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    for (const path of ['/api/teams', '/api/teams/{id}/position', '/api/dispatch/{id}/track', '/api/dispatch/recommendations']) expect(Object.keys(doc.paths)).toContain(path);
  });

  it('recommends the nearest standby teams with distance and ETA', async () => {
    const res = await fetch(`${server.url}/api/dispatch/recommendations?lon=110.5&lat=30.4&kinds=flood`, { headers: { authorization: `Bearer ${commander}` } });
    const recs = (await res.json()) as Array<{ teamId: string; distanceKm: number; etaMinutes: number }>;
    expect(recs.map((r) => r.teamId)).toEqual(['t2']); // t1 is out
    expect(recs[0]!.etaMinutes).toBeGreaterThanOrEqual(5);
    expect((await fetch(`${server.url}/api/dispatch/recommendations?lon=200&lat=30`, { headers: { authorization: `Bearer ${commander}` } })).status).toBe(400);
  });
});
