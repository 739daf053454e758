import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientState, JournalEvent, TeamPosition } from '@watchfloor/shared';
import { login, postJson, startTestServer, tempDataDir, waitFor, type TestServer } from '../testing/test-server.js';

let server: TestServer;
const dir = tempDataDir();
const tokens: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer(dir.dir, {}, { tickIntervalMs: false });
  for (const u of ['duty', 'wall', 'reporter', 'commander', 'team']) tokens[u] = await login(server.url, u);
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const record = (content: string) => postJson(server.url, '/api/duty-log', { content }, tokens.duty);
async function getWindow(query: string, token = tokens.wall!) {
  const res = await fetch(`${server.url}/api/journal/window?${query}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    body: (await res.json()) as { state: ClientState; events: JournalEvent[]; truncated: boolean; tracks: { points: TeamPosition[]; truncated: boolean }; field?: string },
  };
}

describe('GET /api/journal/window', () => {
  it('gives the read model at `from` and only the events of [from, to)', async () => {
    expect((await record('窗口前')).status).toBe(201);
    await pause(30);
    const from = new Date().toISOString();
    await pause(30);
    await record('窗口内一');
    await record('窗口内二');
    await pause(30);
    const to = new Date().toISOString();
    await pause(30);
    await record('窗口后');

    const { status, body } = await getWindow(`from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(status).toBe(200);
    // The state at `from` holds what happened before, and nothing after.
    expect(body.state.dutyLog.recent.map((e) => e.content)).toEqual(['窗口前']);
    const logged = body.events.filter((e) => e.type === 'duty-log:recorded').map((e) => (e.data as { content: string }).content);
    expect(logged).toEqual(['窗口内一', '窗口内二']);
    expect(body.events.every((e) => e.at >= from && e.at < to)).toBe(true);
    expect(body.events[0]!.seq).toBe(body.state.seq + 1);
    expect(body.truncated).toBe(false);
  });

  it("gives the fixes of teams out on a dispatch taken in [from, to), in time order, so the replay's teams move", async () => {
    const team = { id: 'r1', name: '复盘队', kind: 'flood', level: 'county', headcount: 12, leader: '李四', phone: '13800000001', base: { name: '驻地', lonLat: [110.5, 30.4] }, accounts: ['team'] };
    expect((await postJson(server.url, '/api/commands/team:register', team, tokens.commander)).status).toBe(201);
    const order = await postJson(server.url, '/api/commands/dispatch:create', { task: '转移群众', target: { kind: 'point', label: '青石村', lonLat: [110.6, 30.5] }, teamIds: ['r1'] }, tokens.commander);
    expect((await postJson(server.url, '/api/commands/dispatch:respond', { dispatchId: String(order.body.id), teamId: 'r1', accept: true }, tokens.team)).status).toBe(201);

    const t0 = Date.now() - 60_000;
    const at = (s: number) => new Date(t0 + s * 1000).toISOString();
    // Sent out of order, as a device resends after a dead spot; one before and one after the window.
    const fixes = [5, 1, 20, 10, 30].map((s) => ({ lon: 110.5 + s / 1000, lat: 30.4, at: at(s), speed: 3 }));
    expect((await postJson(server.url, '/api/teams/r1/position', fixes, tokens.team)).status).toBe(202);
    await waitFor(() => server.app.positions.tracks.between(at(0), at(31), 10).points.length === 5);

    const { status, body } = await getWindow(`from=${encodeURIComponent(at(5))}&to=${encodeURIComponent(at(30))}`);
    expect(status).toBe(200);
    expect(body.tracks).toEqual({
      points: [5, 10, 20].map((s) => ({ teamId: 'r1', lon: 110.5 + s / 1000, lat: 30.4, at: at(s), speed: 3 })),
      truncated: false,
    });
  });

  it('is for duty, commanders, admins and the wall; refuses a bad window with the field at fault', async () => {
    const now = new Date().toISOString();
    expect((await getWindow(`from=${now}&to=${now}`, tokens.reporter)).status).toBe(403);
    const backwards = await getWindow(`from=${encodeURIComponent(now)}&to=${encodeURIComponent(new Date(Date.parse(now) - 1000).toISOString())}`);
    expect(backwards).toMatchObject({ status: 400, body: { field: 'to' } });
    const bad = await getWindow('from=yesterday&to=2026-01-01T00:00:00Z');
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('from');
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(doc.paths).toHaveProperty('/api/journal/window');
  });
});
