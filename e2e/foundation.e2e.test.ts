import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { isolatedContext, launchBrowser, loginThroughUi } from './support/browser.js';
import { startProxy } from './support/proxy.js';
import { apiLogin, apiPost, startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
const offMachine: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function openFace(path: string, username: string, port = server.port): Promise<Page> {
  const { context, offMachine: off } = await isolatedContext(browser);
  const page = await context.newPage();
  // Collect into the suite's list so the last test can assert on every page.
  context.on('close', () => offMachine.push(...off));
  page.on('close', () => offMachine.push(...off.splice(0)));
  await page.goto(`http://127.0.0.1:${port}${path}`);
  await loginThroughUi(page, username);
  return page;
}

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
    const clickedAt = Date.now();
    await consolePage.getByTestId('dutylog-submit').click();
    await wall.getByTestId('ticker-item').filter({ hasText: content }).first().waitFor({ timeout: 1000 });
    expect(Date.now() - clickedAt).toBeLessThan(1000);
    await expect.poll(() => consolePage.getByTestId('dutylog-item').filter({ hasText: content }).count()).toBe(1);
    await consolePage.context().close();
    await wall.context().close();
  });

  it('a wall whose connection is cut shows every entry written meanwhile, in order, once', async () => {
    const proxy = await startProxy(server.port);
    try {
      const wall = await openFace('/wall', 'wall', proxy.port);
      await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
      const duty = await apiLogin(server.url, 'duty');
      const before = await apiPost(server.url, '/api/duty-log', duty, { content: 'before the cut' });
      await wall.getByTestId('ticker-item').filter({ hasText: 'before the cut' }).waitFor({ timeout: 2000 });

      proxy.cut();
      await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 30_000 }).not.toBe('live');
      const written: number[] = [];
      for (let i = 0; i < 12; i++) written.push(Number((await apiPost(server.url, '/api/duty-log', duty, { content: `while cut ${i}` })).body.seq));
      proxy.restore();

      await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('live');
      const last = written[written.length - 1]!;
      await wall.locator(`[data-testid="ticker-item"][data-seq="${last}"]`).waitFor({ timeout: 5000 });
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
    const zh = await openFace('/wall', 'wall');
    await expect.poll(() => zh.getByTestId('wall-title').textContent()).toBe('示范县应急指挥中心');
    await expect.poll(() => zh.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await zh.context().close();
    const en = await openFace('/wall?lang=en', 'wall');
    await expect.poll(() => en.getByTestId('wall-title').textContent()).toBe('示范县 Emergency Command Centre');
    await en.context().close();
  });

  it('no page requested anything off the machine', () => {
    expect(offMachine).toEqual([]);
  });
});
