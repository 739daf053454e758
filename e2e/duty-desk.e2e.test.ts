import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';
import { apiLogin, apiPost } from './support/server.js';

const suite = browserSuite();
const { openFace, offMachine } = suite;

describe('duty desk, in a real browser', () => {
  it('an officer records an incident; the wall counts it down, amber then red; the follow-up draft carries the new evacuation count', async () => {
    const wall = await openFace('/wall', 'wall', { fakeClock: true });
    await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');

    const desk = await openFace('/console/incidents', 'duty');
    await desk.getByTestId('incident-form').waitFor();
    const title = `石门村后山开裂 ${Date.now()}`;
    await desk.getByTestId('incident-title').fill(title);
    await desk.getByTestId('incident-level').selectOption('2'); // 重大: phone 30 min, written 1 h
    await desk.getByTestId('incident-place').fill('青石镇石门村后山');
    await desk.getByTestId('incident-summary').fill('后山出现长约80米裂缝，随时可能滑坡');
    await desk.getByTestId('incident-submit').click();
    await desk.getByTestId('incident-detail').waitFor();
    await expect.poll(() => desk.getByTestId('report-checklist').getAttribute('data-missing')).toBe('scope,trend,leadersOnScene,actions,nextSteps,contact');

    // The wall: the phone report's 30 minutes run down; amber at 5 minutes left, red once overdue.
    const row = wall.getByTestId('wall-incident').filter({ hasText: title });
    await row.waitFor({ timeout: 10_000 });
    const clock = row.getByTestId('incident-clock');
    expect(await clock.getAttribute('data-colour')).toBe('green');
    await wall.screenshot({ path: '/tmp/duty-desk-wall-green.png' });
    await wall.clock.fastForward('25:30');
    await expect.poll(() => clock.getAttribute('data-colour'), { timeout: 5000 }).toBe('amber');
    await wall.screenshot({ path: '/tmp/duty-desk-wall-amber.png' });
    await wall.clock.fastForward('05:00');
    await expect.poll(() => clock.getAttribute('data-colour'), { timeout: 5000 }).toBe('red');
    expect(await clock.textContent()).toContain('超时');
    await wall.screenshot({ path: '/tmp/duty-desk-wall-red.png' });

    // The officer completes the initial report; the leader on duty signs it off; it goes up.
    const fills: Record<string, string> = { scope: '石门村、桥头村两村', trend: '裂缝仍在扩大', leadersOnScene: '县长 李明', actions: '启动转移预案', nextSteps: '持续监测', contact: '王建国 13800000000' };
    for (const [k, v] of Object.entries(fills)) await desk.getByTestId(`report-${k}`).fill(v);
    await expect.poll(() => desk.getByTestId('report-checklist').getAttribute('data-missing')).toBe('');
    await desk.getByTestId('report-save').click();
    await expect.poll(async () => (await desk.getByTestId('report-trend').inputValue()) === '裂缝仍在扩大' && (await desk.getByTestId('report-status').textContent())).toBe('草稿');
    const commander = await apiLogin(suite.server.url, 'commander');
    const reportId = await desk.getByTestId('report-editor').getAttribute('data-report');
    await expect.poll(async () => (await apiPost(suite.server.url, '/api/commands/report:approve', commander, { reportId })).status, { timeout: 5000 }).toBe(201);
    await expect.poll(() => desk.getByTestId('report-editor').getAttribute('data-status')).toBe('approved');
    await desk.getByTestId('report-send').click();

    // In between, 139 people are moved; the next follow-up drafted from the record says so.
    await desk.getByTestId('situation-evacuated').fill('139');
    await desk.getByTestId('situation-update').click();
    await desk.getByTestId('report-draft').waitFor();
    await desk.waitForTimeout(300);
    await desk.getByTestId('report-draft').click();
    await expect.poll(() => desk.getByTestId('report-changes').inputValue(), { timeout: 5000 }).toContain('转移群众由0人增至139人');
    expect(await desk.getByTestId('report-evacuated').inputValue()).toBe('139');
    await desk.screenshot({ path: '/tmp/duty-desk-console.png' });

    // The wall shows the sent initial report and the follow-up's clock.
    await expect.poll(() => row.locator('.wall-incidents__step--sent').count(), { timeout: 5000 }).toBe(1);
    await wall.close();
    await desk.close();
    expect(offMachine).toEqual([]);
  });

  it('a township reporter files a nil daily report on the field page; the wall counts it', async () => {
    const wall = await openFace('/wall', 'wall');
    const table = wall.getByTestId('wall-daily-reports').getByTestId('daily-report-table');
    await expect.poll(async () => Number(await table.getAttribute('data-total')), { timeout: 15_000 }).toBeGreaterThan(0);
    const before = Number(await table.getAttribute('data-reported'));
    const field = await openFace('/field', 'reporter');
    const form = field.getByTestId('daily-report-form');
    await form.waitFor({ timeout: 10_000 });
    const unit = await form.getByTestId('daily-report-unit').locator('option').first().getAttribute('value');
    await form.getByTestId('daily-report-unit').selectOption(unit!);
    await form.getByTestId('daily-report-submit').click();
    await field.getByTestId('daily-report-done').waitFor();
    await expect.poll(async () => Number(await table.getAttribute('data-reported')), { timeout: 5000 }).toBe(before + 1);
    await wall.screenshot({ path: '/tmp/duty-desk-wall-daily.png' });
    await wall.close();
    await field.close();
    expect(offMachine).toEqual([]);
  });
});
