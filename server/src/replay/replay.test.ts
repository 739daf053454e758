import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientState, JournalEvent } from '@watchfloor/shared';
import { login, postJson, startTestServer, tempDataDir, type TestServer } from '../testing/test-server.js';

let server: TestServer;
const dir = tempDataDir();
const tokens: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer(dir.dir, {}, { tickIntervalMs: false });
  for (const u of ['duty', 'wall', 'reporter']) tokens[u] = await login(server.url, u);
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const record = (content: string) => postJson(server.url, '/api/duty-log', { content }, tokens.duty);
async function getWindow(query: string, token = tokens.wall!) {
  const res = await fetch(`${server.url}/api/journal/window?${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as { state: ClientState; events: JournalEvent[]; truncated: boolean; field?: string } };
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
