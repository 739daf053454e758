import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';

const suite = browserSuite();
const { openFace, offMachine } = suite;

describe('handover desk (交接班)', () => {
  it('the duty officer hands over with a note, the commander acknowledges it, both see it on record', async () => {
    const note = '三号闸水位上涨，请接班后每小时巡查一次';
    const duty = await openFace('/console/handover', 'duty');
    await duty.getByTestId('handover-page').waitFor();
    // The open items are listed from the record before submitting (the demo's towns have not filed today's daily reports).
    const openList = duty.getByTestId('handover-open-items').locator('li:not(.handover-items__none)');
    await expect.poll(() => openList.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const listed = await openList.allTextContents();
    expect(listed).toContain('日报未报 城关镇日报告未报');

    await duty.getByTestId('handover-notes').fill(note);
    await duty.getByTestId('handover-submit-button').click();
    await expect.poll(() => duty.getByTestId('handover-message').textContent(), { timeout: 10_000 }).toBe('已提交交班');
    const dutyRow = duty.getByTestId('handover-record').locator('tr', { hasText: note });
    await expect.poll(() => dutyRow.textContent(), { timeout: 5000 }).toContain('待确认');
    expect(await dutyRow.textContent()).toContain('duty');
    // Only the incoming leader acknowledges.
    expect(await duty.getByTestId('handover-acknowledge').count()).toBe(0);
    await duty.screenshot({ path: '/tmp/handover-duty.png', fullPage: true });

    const commander = await openFace('/console/handover', 'commander');
    const pending = commander.getByTestId('handover-pending').locator('article', { hasText: note });
    await pending.waitFor({ timeout: 10_000 });
    // What the officer saw is what was filed with the handover.
    expect(await pending.locator('li').allTextContents()).toEqual(listed);
    expect(await pending.locator('header').textContent()).toContain('duty');
    await commander.screenshot({ path: '/tmp/handover-pending.png', fullPage: true });
    await pending.getByTestId('handover-acknowledge').click();
    await expect.poll(() => commander.getByTestId('handover-message').textContent(), { timeout: 10_000 }).toBe('已确认接班');
    await expect.poll(() => pending.count(), { timeout: 5000 }).toBe(0);
    const commanderRow = commander.getByTestId('handover-record').locator('tr', { hasText: note });
    expect(await commanderRow.textContent()).toMatch(/duty.*commander，/);

    // The officer's page follows live: the handover now reads as acknowledged.
    await expect.poll(() => dutyRow.textContent(), { timeout: 10_000 }).toContain('commander，');
    expect(await dutyRow.textContent()).not.toContain('待确认');
    await commander.screenshot({ path: '/tmp/handover-record.png', fullPage: true });
    expect(offMachine).toEqual([]);
  });
});
