import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';
import type { Page } from 'playwright-core';
import { startProxy } from './support/proxy.js';
import { apiLogin, apiPost } from './support/server.js';

const suite = browserSuite();
const { openFace, offMachine } = suite;

const tickerSeqs = (page: Page) => page.getByTestId('ticker-item').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq'))));

describe('foundation, in a real browser', () => {
  it('a duty-log entry written on /console appears on /wall within 1 s', async () => {
    const wall = await openFace('/wall', 'wall');
    await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
    const consolePage = await openFace('/console', 'duty');
    // Measure a wall in its steady state, as it is in the hall: map loaded and drawn.
    await wall.locator('.map-view[data-health="ready"]').waitFor({ timeout: 20_000 });
    await wall.waitForTimeout(1500);
    const content = `青石镇来电：山体出现裂缝 ${Date.now()}`;
    await consolePage.getByTestId('dutylog-content').fill(content);
    await consolePage.getByTestId('dutylog-caller').fill('村安全员 张伟');
    // The wall notes (same machine clock) when the entry enters its DOM, so the measure is the
    // system's path — click, socket, journal, relay, render — not Playwright's polling or its
    // actionability checks, which under a loaded CI took up to 2 s by themselves.
    await wall.evaluate((text) => {
      const seen = new MutationObserver(() => {
        if (!document.body.innerText.includes(text)) return;
        (window as unknown as { __seenAt: number }).__seenAt = Date.now();
        seen.disconnect();
      });
      seen.observe(document.body, { childList: true, subtree: true, characterData: true });
    }, content);
    const submit = consolePage.getByTestId('dutylog-submit');
    await submit.click({ trial: true });
    const clickedAt = Date.now();
    await submit.click({ force: true });
    await wall.getByTestId('ticker-item').filter({ hasText: content }).first().waitFor({ timeout: 10_000 });
    const seenAt = await wall.evaluate(() => (window as unknown as { __seenAt: number }).__seenAt);
    expect(seenAt - clickedAt).toBeLessThan(1000);
    await expect.poll(() => consolePage.getByTestId('dutylog-item').filter({ hasText: content }).count()).toBe(1);
    await consolePage.context().close();
    await wall.context().close();
  });

  it('a wall whose connection is cut shows every entry written meanwhile, in order, once', async () => {
    const proxy = await startProxy(suite.server.port);
    try {
      const wall = await openFace('/wall', 'wall', { port: proxy.port });
      await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
      const duty = await apiLogin(suite.server.url, 'duty');
      const before = await apiPost(suite.server.url, '/api/duty-log', duty, { content: 'before the cut' });
      await wall.getByTestId('ticker-item').filter({ hasText: 'before the cut' }).waitFor({ timeout: 10_000 });

      proxy.cut();
      await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 30_000 }).not.toBe('live');
      const written: number[] = [];
      for (let i = 0; i < 12; i++) written.push(Number((await apiPost(suite.server.url, '/api/duty-log', duty, { content: `while cut ${i}` })).body.seq));
      proxy.restore();

      await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('live');
      const last = written[written.length - 1]!;
      await wall.locator(`[data-testid="ticker-item"][data-seq="${last}"]`).waitFor({ timeout: 10_000 });
      const seqs = await tickerSeqs(wall);
      // Newest first on the ticker: the entries from before the cut to the last, each once.
      const shown = seqs.filter((s) => s >= Number(before.body.seq)).reverse();
      expect(shown).toEqual([Number(before.body.seq), ...written]);
      expect(new Set(seqs).size).toBe(seqs.length);
      await wall.context().close();
    } finally {
      await proxy.close();
    }
  });

  it('speaks Chinese by default and English on request', async () => {
    const live = (page: Page) => expect.poll(() => page.getByTestId('wall-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
    const zh = await openFace('/wall', 'wall');
    await live(zh); // the county's name arrives with the replay
    await expect.poll(() => zh.getByTestId('wall-title').textContent()).toBe('示范县应急指挥中心');
    await expect.poll(() => zh.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await zh.context().close();
    const en = await openFace('/wall?lang=en', 'wall');
    await live(en);
    await expect.poll(() => en.getByTestId('wall-title').textContent()).toBe('示范县 Emergency Command Centre');
    await en.context().close();
  });

  it('no page requested anything off the machine', () => {
    expect(offMachine).toEqual([]);
  });
});
