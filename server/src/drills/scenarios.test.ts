import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evacuationTotals, type JournalEvent } from '@watchfloor/shared';
import { seedDemo } from '../demo/seed.js';
import { login, postJson, startTestServer, tempDataDir, waitFor, type TestServer } from '../testing/test-server.js';

let server: TestServer;
const dir = tempDataDir();
let commander: string;
beforeAll(async () => {
  // The time-driven rules (daily-report chasers…) are off: every event here is the drill's.
  server = await startTestServer(dir.dir, {}, { tickIntervalMs: false });
  const app = server.app;
  const system = { user: 'system', role: 'system' as const };
  // The shipped scenarios play on the demo county, seeded as `DEMO=1` seeds it.
  await seedDemo((cmd) => app.journal.submit({ ...cmd, actor: system, originIp: null, channel: 'system', idempotencyKey: null }), app.journal.current, app.clock.now());
  commander = await login(server.url, 'commander');
}, 60_000);
afterAll(async () => {
  await server.close();
  dir.remove();
});

/** Starts a shipped drill over HTTP and waits for it to finish; returns its run and every event it wrote. */
async function play(scenario: string, speed: number): Promise<{ run: Record<string, unknown>; events: JournalEvent[] }> {
  const head = server.app.journal.head;
  const res = await postJson(server.url, '/api/drills', { scenario, speed }, commander);
  expect(res.status).toBe(202);
  await waitFor(() => server.app.journal.current.drills.finished.some((r) => r.id === res.body.id), 30_000);
  const run = server.app.journal.current.drills.finished.find((r) => r.id === res.body.id)!;
  return { run: run as unknown as Record<string, unknown>, events: await server.app.journal.readAfter(head, 100_000) };
}

describe('shipped drill scenarios', () => {
  it('landslide-night: 139 people moved and sheltered, six teams on scene, the final report sent, all as exercise', async () => {
    // 300 scenario minutes at 60,000×: about 0.3 s of waiting.
    const { run, events } = await play('landslide-night', 60_000);
    expect(run).toMatchObject({ outcome: 'completed' });
    expect(run.done).toBe(run.steps);
    expect(events.length).toBeGreaterThan(50);
    expect(events.filter((e) => e.exercise !== true).map((e) => `${e.type} ${e.actor.user}`)).toEqual([]);

    const s = server.app.journal.current;
    const totals = evacuationTotals(Object.values(s.evacuation.byId));
    expect(totals).toMatchObject({ movedHouseholds: 59, movedPeople: 139, central: 139 });
    expect(Object.values(s.shelters.byId).reduce((n, x) => n + x.occupancy, 0)).toBe(139);

    const order = Object.values(s.dispatch.byId).find((d) => d.target.kind === 'incident')!;
    expect(order.assignments).toHaveLength(6);
    expect(order.assignments.every((a) => a.state === 'on-scene')).toBe(true);

    const incident = Object.values(s.incidents.byId).find((i) => i.title.includes('山体裂缝'))!;
    expect(incident.situation).toMatchObject({ evacuated: 139, teamsCommitted: 6 });
    const chain = incident.reportIds.map((id) => s.incidents.reports[id]!);
    expect(chain.map((r) => [r.kind, r.status])).toEqual([
      ['initial', 'sent'],
      ['follow-up', 'sent'],
      ['final', 'sent'],
    ]);
    // On time: every report with a clock went up before it was due, none escalated.
    expect(chain.every((r) => r.escalatedAt === null && (r.dueAt === null || Date.parse(r.sentAt!) <= Date.parse(r.dueAt)))).toBe(true);
    expect(chain.every((r) => r.approvedBy === 'commander')).toBe(true);

    // 叫应: everyone the warning called on confirmed (the area is the two villages and their surroundings).
    const warning = Object.values(s.warnings.byId).find((w) => w.kind === 'geological-hazard')!;
    expect(warning.call!.people.map((p) => p.level).sort()).toEqual(['county', 'township', 'village', 'village']);
    expect(warning.call!.people.every((p) => p.confirmedAt !== null)).toBe(true);
    const types = new Set(events.map((e) => e.type));
    for (const t of ['duty-log:recorded', 'warning:issued', 'call:listed', 'call:confirmed', 'response:changed', 'dispatch:accepted']) expect(types).toContain(t);
    // The team with a field account answered for itself; every other team's answer was recorded by the desk.
    const answers = events.filter((e) => e.type === 'dispatch:accepted');
    expect(answers.every((e) => e.actor.role === 'team' || e.actor.role === 'duty')).toBe(true);
  }, 60_000);

  it('flood-day: alarms rise, patrols, a blue then orange warning with 叫应, a response, low-lying houses moved', async () => {
    const { run, events } = await play('flood-day', 60_000);
    expect(run).toMatchObject({ outcome: 'completed' });
    expect(run.done).toBe(run.steps);
    expect(events.filter((e) => e.exercise !== true)).toEqual([]);
    const colours = events.filter((e) => e.type === 'alarm:changed').map((e) => (e.data as { stationId: string; to: string | null }).to);
    expect(colours).toEqual(expect.arrayContaining(['blue', 'yellow', 'orange']));
    expect(events.filter((e) => e.type === 'patrol:recorded')).toHaveLength(3);
    const s = server.app.journal.current;
    const warning = Object.values(s.warnings.byId).find((w) => w.title.includes('龙潭乡'))!;
    expect(warning).toMatchObject({ colour: 'orange', kind: 'rainstorm' });
    expect(events.some((e) => e.type === 'warning:issued' && (e.data as { colour: string }).colour === 'blue')).toBe(true);
    expect(warning.call!.people.filter((p) => p.confirmedAt).length).toBeGreaterThanOrEqual(8);
    expect(s.responses.active['flood-drought']).toMatchObject({ level: 4 });
    const moved = Object.values(s.evacuation.byId).filter((p) => !p.hazardRef && p.relatives > 0);
    expect(moved).toHaveLength(6);
    expect(moved.every((p) => p.movedPeople === p.planPeople)).toBe(true);
  }, 60_000);
});
