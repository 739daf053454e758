import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, postJson, startTestServer, tempDataDir, waitFor, type TestServer } from '../testing/test-server.js';
import { defineScenario } from './scenario.js';

/** A small scenario of the same shape as the shipped ones: steps at scenario minutes, refs between them. */
const calls = defineScenario({
  name: 'test-calls',
  title: '测试演练',
  summary: 'three calls over an hour',
  steps: [
    { at: 0, actor: { user: 'duty', role: 'duty' }, type: 'duty-log:record', payload: () => ({ content: '演练：第一通电话' }), as: 'first' },
    { at: 30, actor: { user: 'duty', role: 'duty' }, type: 'duty-log:record', payload: (c) => ({ content: `演练：跟进 ${c.ref('first')}`, receivedAt: c.time(30) }) },
    { at: 60, actor: { user: 'duty', role: 'duty' }, type: 'duty-log:record', payload: () => ({ content: '演练：结束' }) },
  ],
});
const broken = defineScenario({
  name: 'test-broken',
  title: '坏脚本',
  summary: 'its second step is refused',
  steps: [
    { at: 0, actor: { user: 'duty', role: 'duty' }, type: 'duty-log:record', payload: () => ({ content: 'ok' }) },
    { at: 1, actor: { user: 'duty', role: 'duty' }, type: 'duty-log:record', payload: () => ({ content: '' }) },
  ],
});

let server: TestServer;
const dir = tempDataDir();
let commander: string;
beforeAll(async () => {
  server = await startTestServer(dir.dir, {}, { scenarios: [calls, broken] });
  commander = await login(server.url, 'commander');
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

describe('drills', () => {
  it('plays a scenario through the journal at speed, every event marked as exercise', async () => {
    const head = server.app.journal.head;
    // 60 scenario minutes at speed 3600: one real second.
    const res = await postJson(server.url, '/api/drills', { scenario: 'test-calls', speed: 3600 }, commander);
    expect(res.status).toBe(202);
    await waitFor(() => server.app.journal.current.drills.finished.some((r) => r.id === res.body.id), 10_000);
    const events = await server.app.journal.readAfter(head, 100);
    expect(events.every((e) => e.exercise === true)).toBe(true);
    const logged = events.filter((e) => e.type === 'duty-log:recorded').map((e) => (e.data as { content: string }).content);
    expect(logged).toHaveLength(3);
    expect(logged[1]).toMatch(/^演练：跟进 log_/);
    expect(events.filter((e) => e.type === 'duty-log:recorded').map((e) => e.actor)).toEqual(Array(3).fill({ user: 'duty', role: 'duty' }));
    const run = server.app.journal.current.drills.finished[0]!;
    expect(run).toMatchObject({ scenario: 'test-calls', outcome: 'completed', done: 3, steps: 3, startedBy: 'commander' });
    // Compressed time: the second step happened about half a second in, not 30 minutes.
    const at = events.filter((e) => e.type === 'duty-log:recorded').map((e) => Date.parse(e.at));
    expect(at[2]! - at[0]!).toBeGreaterThanOrEqual(900);
    expect(at[2]! - at[0]!).toBeLessThan(5000);
  });

  it('shows a running drill in the read model while it runs, and can be stopped', async () => {
    const res = await postJson(server.url, '/api/drills', { scenario: 'test-calls', speed: 1 }, commander);
    await waitFor(() => server.app.journal.current.drills.running.length === 1);
    const again = await postJson(server.url, '/api/drills', { scenario: 'test-calls', speed: 1 }, commander);
    expect(again.status).toBe(409);
    expect((await postJson(server.url, `/api/drills/${String(res.body.id)}/stop`, {}, commander)).status).toBe(202);
    await waitFor(() => server.app.journal.current.drills.running.length === 0);
    expect(server.app.journal.current.drills.finished[0]).toMatchObject({ id: res.body.id, outcome: 'stopped', done: 1 });
  });

  it('ends a drill whose step is refused as failed, and writes nothing for that step', async () => {
    const res = await postJson(server.url, '/api/drills', { scenario: 'test-broken', speed: 6000 }, commander);
    await waitFor(() => server.app.journal.current.drills.finished.some((r) => r.id === res.body.id), 10_000);
    expect(server.app.journal.current.drills.finished[0]).toMatchObject({ outcome: 'failed', done: 1 });
  });

  it('is for commanders and admins only; refuses unknown scenarios and bad speeds', async () => {
    const duty = await login(server.url, 'duty');
    expect((await postJson(server.url, '/api/drills', { scenario: 'test-calls', speed: 60 }, duty)).status).toBe(403);
    expect((await postJson(server.url, '/api/drills', { scenario: 'no-such-drill', speed: 60 }, commander)).status).toBe(404);
    const bad = await postJson(server.url, '/api/drills', { scenario: 'test-calls', speed: 0 }, commander);
    expect(bad).toMatchObject({ status: 400, body: { field: 'speed' } });
    const list = (await (await fetch(`${server.url}/api/drills`, { headers: { authorization: `Bearer ${duty}` } })).json()) as { scenarios: Array<{ name: string }> };
    expect(list.scenarios.map((s) => s.name)).toEqual(['test-calls', 'test-broken']);
  });
});
