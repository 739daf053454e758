import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';

/** Where to save screenshots for a person to look at, when set. */
const SHOTS = process.env.E2E_SHOTS;
const suite = browserSuite();
const { openFace, offMachine } = suite;

const TEAM = 'team-county-rescue';

describe('dispatch, field and evacuation, in a real browser', () => {
  it('a commander dispatches, the field page accepts, the wall shows the team en route and then on scene', async () => {
    const wall = await openFace('/wall', 'wall');
    await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
    await expect.poll(() => wall.getByTestId('wall-teams-standby').getAttribute('data-n')).toBe('23');

    const field = await openFace('/field', 'team', { geolocation: { latitude: 30.41, longitude: 110.56 }, viewport: { width: 420, height: 860 } });
    await expect.poll(() => field.getByTestId('field-team').getAttribute('data-status'), { timeout: 15_000 }).toBe('standby');

    const desk = await openFace('/console/dispatch', 'commander');
    await desk.getByTestId('dispatch-task').fill('青石镇后山山体开裂，协助转移群众');
    await desk.getByTestId('dispatch-village').selectOption({ index: 1 });
    await desk.getByLabel('综合消防救援', { exact: true }).check();
    const rec = desk.getByTestId('dispatch-rec').and(desk.locator(`[data-team="${TEAM}"]`));
    await rec.locator('input[type=checkbox]').check();
    await expect.poll(() => rec.textContent()).toMatch(/公里.*分钟/);
    await desk.getByTestId('dispatch-submit').click();
    await expect.poll(() => desk.getByTestId('dispatch-assignment').first().getAttribute('data-state')).toBe('pending');

    // The leader's phone: the order arrives with its chime, the leader accepts.
    const order = field.getByTestId('field-order');
    await order.waitFor({ timeout: 5000 });
    await expect.poll(() => order.getAttribute('data-tones')).not.toBe('0');
    if (SHOTS) await field.screenshot({ path: `${SHOTS}/field-order.png` });
    await field.getByTestId('field-accept').click();

    const row = wall.getByTestId('wall-team-out').and(wall.locator(`[data-team="${TEAM}"]`));
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 5000 }).toBe('en-route');
    // While out, the field page shares its position; the wall shows it live.
    await expect.poll(() => field.getByTestId('field-sharing').getAttribute('data-state'), { timeout: 10_000 }).toBe('sharing');
    await expect.poll(() => row.getAttribute('data-age'), { timeout: 10_000 }).toBe('live');
    await expect.poll(async () => (await (await fetch(`${suite.server.url}/api/teams`, { headers: { authorization: `Bearer ${await token('wall')}` } })).json() as Array<{ id: string; position: { lon: number } | null }>).find((t) => t.id === TEAM)?.position?.lon, { timeout: 10_000 }).toBe(110.56);

    await field.getByTestId('field-arrive').click();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 5000 }).toBe('on-scene');
    await expect.poll(() => desk.getByTestId('dispatch-assignment').first().getAttribute('data-state')).toBe('on-scene');
    if (SHOTS) {
      await wall.locator('.map-view[data-health="ready"]').waitFor({ timeout: 20_000 }).catch(() => undefined);
      await wall.screenshot({ path: `${SHOTS}/wall.png` });
      await desk.screenshot({ path: `${SHOTS}/console-dispatch.png` });
    }
    await Promise.all([field, desk, wall].map((p) => p.context().close()));
  });

  it("a village officer records moved people and the wall's evacuation counter follows", async () => {
    const wall = await openFace('/wall', 'wall');
    await expect.poll(() => wall.getByTestId('wall-evacuated').getAttribute('data-n'), { timeout: 15_000 }).toBe('0');
    const officer = await openFace('/field', 'reporter', { viewport: { width: 420, height: 860 } });
    const plan = officer.getByTestId('field-evac-plan').first();
    await plan.getByTestId('field-evac-edit').click({ timeout: 15_000 });
    await plan.getByTestId('field-evac-movedHouseholds').fill('12');
    await plan.getByTestId('field-evac-movedPeople').fill('30');
    await plan.getByTestId('field-evac-relatives').fill('30');
    await plan.getByTestId('field-evac-save').click();
    await expect.poll(() => wall.getByTestId('wall-evacuated').getAttribute('data-n'), { timeout: 5000 }).toBe('30');
    // Over the plan without a reason is refused, and the counter does not move.
    await plan.getByTestId('field-evac-edit').click();
    await plan.getByTestId('field-evac-movedPeople').fill('999');
    await plan.getByTestId('field-evac-save').click();
    await expect.poll(() => plan.getByRole('status').textContent()).toMatch(/reason|原因|plan|计划/);
    expect(await wall.getByTestId('wall-evacuated').getAttribute('data-n')).toBe('30');
    if (SHOTS) await officer.screenshot({ path: `${SHOTS}/field-evacuation.png` });
    await Promise.all([officer, wall].map((p) => p.context().close()));
    expect(offMachine).toEqual([]);
  });
});

async function token(username: string): Promise<string> {
  const res = await fetch(`${suite.server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  return ((await res.json()) as { token: string }).token;
}
