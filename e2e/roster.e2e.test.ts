import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';

const suite = browserSuite();
const { openFace, offMachine } = suite;

/** A CST calendar day `days` from now, `YYYY-MM-DD` (after the demo's seeded week). */
const cstDayFromNow = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('roster desk (排班)', () => {
  it('a commander imports a roster file, sees the rejected rows, imports the corrected file and approves a swap', async () => {
    const day = cstDayFromNow(30);
    const dir = mkdtempSync(join(tmpdir(), 'roster-e2e-'));
    const header = '日期,开始时间,结束时间,带班领导,值班员1,值班员2\n';
    const bad = join(dir, '排班表-有误.csv');
    writeFileSync(bad, header + `${day},08:00,20:00,周国强,吴晓东,郑雪\n${day},20:00,08:00,冯海,陈立,\n${day},19:00,21:00,褚卫,蒋芳,沈洁\n`);
    const good = join(dir, '排班表.csv');
    writeFileSync(good, header + `${day},08:00,20:00,周国强,吴晓东,郑雪\n${day},20:00,08:00,冯海,陈立,韩梅\n`);

    const desk = await openFace('/console/roster', 'commander');
    await desk.getByTestId('roster-page').waitFor();
    await desk.getByTestId('roster-import-file').setInputFiles(bad);
    await desk.getByTestId('roster-import-submit').click();
    const rejected = desk.getByTestId('roster-import-rejected');
    await expect.poll(() => rejected.textContent(), { timeout: 10_000 }).toContain('第 3 行');
    expect(await rejected.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^第 3 行：.*双人值守/),
      expect.stringMatching(/^第 4 行：与本表中 \d{4}-\d{2}-\d{2} 08:00 开始的班次时间重叠$/),
    ]);
    expect(await desk.getByTestId('roster-shifts').textContent()).not.toContain('周国强');
    await desk.screenshot({ path: '/tmp/roster-rejected.png', fullPage: true });

    await desk.getByTestId('roster-import-file').setInputFiles(good);
    await desk.getByTestId('roster-import-submit').click();
    await expect.poll(() => desk.getByTestId('roster-import-answer').textContent(), { timeout: 10_000 }).toContain('已导入 2 个班次');
    await expect.poll(() => desk.getByTestId('roster-shifts').textContent(), { timeout: 5000 }).toContain('周国强');

    // Swap 郑雪 (day) with 韩梅 (night): the commander's submission is the approval.
    const optionFor = async (select: string, text: string) => (await desk.getByTestId(select).locator('option', { hasText: text }).getAttribute('value'))!;
    await desk.getByTestId('roster-shift').selectOption(await optionFor('roster-shift', '周国强'));
    await desk.getByTestId('roster-person').selectOption('郑雪');
    await desk.getByTestId('roster-with-shift').selectOption(await optionFor('roster-with-shift', '冯海'));
    await desk.getByTestId('roster-with-person').selectOption('韩梅');
    await desk.getByTestId('roster-reason').fill('家中有事');
    await desk.getByTestId('roster-change-submit').click();
    const row = desk.getByTestId('roster-shifts').locator('tr', { hasText: '周国强' });
    await expect.poll(() => row.textContent(), { timeout: 5000 }).toContain('换班 郑雪→韩梅（commander 批准）');
    expect(await row.textContent()).toContain('吴晓东、韩梅');
    await desk.screenshot({ path: '/tmp/roster-console.png', fullPage: true });
    expect(offMachine).toEqual([]);
  });
});
