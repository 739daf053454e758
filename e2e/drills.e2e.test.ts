import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';

/** Where to save screenshots for a person to look at, when set. */
const SHOTS = process.env.E2E_SHOTS;
const suite = browserSuite();
const { openFace } = suite;

async function token(username: string): Promise<string> {
  const res = await fetch(`${suite.server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  return ((await res.json()) as { token: string }).token;
}
const cstInput = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);

interface IncidentLine {
  title: string;
  reports: Array<{ kind: string; status: string }>;
}

describe('drills and replay, in a real browser', () => {
  /** When the landslide drill started (the replay's window opens at that minute, in CST). */
  let drillStartedAt = 0;

  it('landslide-night at high speed: the wall shows 演练 while it runs, and ends at 139 moved with the final report sent', async () => {
    const wall = await openFace('/wall', 'wall');
    await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
    await expect.poll(() => wall.getByTestId('wall-evacuated').getAttribute('data-n')).toBe('0');

    // 300 scenario minutes at 1200×: 15 s, long enough to see the banner.
    const commander = await token('commander');
    const res = await fetch(`${suite.server.url}/api/drills`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${commander}` },
      body: JSON.stringify({ scenario: 'landslide-night', speed: 1200 }),
    });
    expect(res.status).toBe(202);

    const banner = wall.getByTestId('drill-banner');
    await banner.waitFor({ timeout: 5000 });
    expect(await banner.textContent()).toContain('演练');
    // The counter climbs while the drill runs.
    await expect.poll(async () => Number(await wall.getByTestId('wall-evacuated').getAttribute('data-n')), { timeout: 20_000 }).toBeGreaterThan(0);
    if (SHOTS) await wall.screenshot({ path: `${SHOTS}/wall-drill.png` });

    await expect.poll(() => wall.getByTestId('wall-evacuated').getAttribute('data-n'), { timeout: 30_000 }).toBe('139');
    await banner.waitFor({ state: 'detached', timeout: 15_000 });

    const incidents = (await (await fetch(`${suite.server.url}/api/incidents`, { headers: { authorization: `Bearer ${commander}` } })).json()) as IncidentLine[];
    const night = incidents.find((i) => i.title.includes('山体裂缝'));
    expect(night?.reports.map((r) => `${r.kind}:${r.status}`)).toEqual(['initial:sent', 'follow-up:sent', 'final:sent']);
    const drills = (await (await fetch(`${suite.server.url}/api/drills`, { headers: { authorization: `Bearer ${commander}` } })).json()) as { finished: Array<{ scenario: string; startedAt: string }> };
    drillStartedAt = Date.parse(drills.finished.find((r) => r.scenario === 'landslide-night')!.startedAt);
  }, 90_000);

  it('replays the drill window on a wall-like view at a chosen speed, from the state at the start of the window', async () => {
    // A team the drill sent out reports a fix (kept on its dispatch track): the replay shows it when its clock gets there.
    const commander = await token('commander');
    const teams = (await (await fetch(`${suite.server.url}/api/teams`, { headers: { authorization: `Bearer ${commander}` } })).json()) as Array<{ id: string; status: string }>;
    const onScene = teams.find((t) => t.status === 'on-scene')!.id;
    const fixAt = Math.floor(Date.now() / 1000) * 1000 - 5000;
    const reported = await fetch(`${suite.server.url}/api/teams/${onScene}/position`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${commander}` },
      body: JSON.stringify({ lon: 110.55, lat: 30.42, at: new Date(fixAt).toISOString() }),
    });
    expect(reported.status).toBe(202);

    const replay = await openFace('/wall/replay', 'wall');
    // Inputs are to the minute: the window opens up to a minute before the drill.
    await replay.getByTestId('replay-from').fill(cstInput(drillStartedAt));
    await replay.getByTestId('replay-to').fill(cstInput(Date.now() + 120_000));
    await replay.getByTestId('replay-load').click();
    const progress = replay.getByTestId('replay-progress');
    await progress.waitFor({ timeout: 10_000 });
    const total = Number(await progress.getAttribute('data-total'));
    expect(total).toBeGreaterThan(60);
    // The window opens before the drill: the nested scene starts from that state.
    const scene = replay.getByTestId('replay-scene');
    await expect.poll(() => scene.getByTestId('wall-evacuated').getAttribute('data-n'), { timeout: 10_000 }).toBe('0');

    // Jump into the middle of the drill: 演练 shows in the replay too, the counter part-way.
    await replay.getByTestId('replay-seek').fill(String(drillStartedAt + 8_000));
    await scene.getByTestId('drill-banner').waitFor({ timeout: 5000 });
    const partWay = Number(await scene.getByTestId('wall-evacuated').getAttribute('data-n'));
    expect(partWay).toBeGreaterThan(0);
    expect(partWay).toBeLessThan(139);
    if (SHOTS) await replay.screenshot({ path: `${SHOTS}/replay.png` });
    // The team is out on the replay's wall: no fix yet just before it reported, live once the clock passes it.
    const teamRow = scene.getByTestId('wall-team-out').and(scene.locator(`[data-team="${onScene}"]`));
    await replay.getByTestId('replay-seek').fill(String(fixAt - 2000));
    await expect.poll(() => teamRow.getAttribute('data-age'), { timeout: 5000 }).toBe('offline');
    await replay.getByTestId('replay-seek').fill(String(fixAt + 1000));
    await expect.poll(() => teamRow.getAttribute('data-age'), { timeout: 5000 }).toBe('live');
    if (SHOTS) await replay.screenshot({ path: `${SHOTS}/replay-team.png` });
    // Back to before the drill: the state is folded again from the window's start.
    await replay.getByTestId('replay-seek').fill(String(drillStartedAt - 1000));
    await expect.poll(() => scene.getByTestId('wall-evacuated').getAttribute('data-n')).toBe('0');

    await replay.getByTestId('replay-speed').selectOption('60');
    await replay.getByTestId('replay-play').click();
    const clock = replay.getByTestId('replay-clock');
    const t0 = Number(await clock.getAttribute('data-ms'));
    await expect.poll(async () => Number(await clock.getAttribute('data-ms')), { timeout: 5000 }).toBeGreaterThan(t0 + 5_000);
    // The speed changes while it plays.
    await replay.getByTestId('replay-speed').selectOption('3600');
    await expect.poll(async () => Number(await progress.getAttribute('data-done')), { timeout: 20_000 }).toBe(total);
    expect(await scene.getByTestId('wall-evacuated').getAttribute('data-n')).toBe('139');
    if (SHOTS) await replay.screenshot({ path: `${SHOTS}/replay-end.png` });
  }, 90_000);

  it('the console drill desk lists the scenarios, starts one at a chosen speed and stops it', async () => {
    const desk = await openFace('/console/drills', 'commander');
    const flood = desk.getByTestId('drill-scenario').and(desk.locator('[data-scenario="flood-day"]'));
    await flood.waitFor({ timeout: 10_000 });
    expect(await desk.getByTestId('drill-scenario').count()).toBe(2);
    await desk.getByTestId('drill-speed').selectOption('10');
    await flood.getByTestId('drill-start').click();
    const run = desk.getByTestId('drill-run').and(desk.locator('[data-scenario="flood-day"]'));
    await run.waitFor({ timeout: 5000 });
    await desk.getByTestId('drill-banner').waitFor({ timeout: 5000 });
    if (SHOTS) await desk.screenshot({ path: `${SHOTS}/console-drills.png` });
    await run.getByTestId('drill-stop').click();
    await run.waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => desk.getByTestId('drill-finished').first().getAttribute('data-outcome')).toBe('stopped');
  }, 60_000);
});
