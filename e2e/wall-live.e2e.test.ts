import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/suite.js';
import { apiLogin, apiPost, startServer, type RunningServer } from './support/server.js';

/**
 * The wall left alone for weeks: it survives the server going away and coming back (a restart,
 * an upgrade) without a reload and without a gap, saying meanwhile how old its picture is; and
 * it moves to the matching scene by itself when a red warning comes in.
 */
const suite = browserSuite();

/** Switches the wall's pinned scene the way the router does on a link: no reload. */
async function pinScene(page: Page, scene: string): Promise<void> {
  await page.evaluate((sc) => {
    history.pushState(history.state, '', `/wall?scene=${sc}`);
    dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
  }, scene);
  await page.locator(`[data-testid="wall-scene"][data-scene="${scene}"]`).waitFor({ timeout: 5000 });
}

async function postEntries(url: string, token: string, n: number, label: string): Promise<void> {
  for (let i = 0; i < n; i++) expect((await apiPost(url, '/api/duty-log', token, { content: `${label} ${i}` })).status).toBe(201);
}

async function tickerSeqs(page: Page): Promise<number[]> {
  return page.$$eval('[data-testid="ticker-item"]', (els) => els.map((e) => Number((e as HTMLElement).dataset.seq)));
}

describe('the wall, live for weeks', () => {
  it('a red warning brings the wall to the flood scene by itself, with the scene named on the wall', async () => {
    const wall = await suite.openFace('/wall', 'wall');
    try {
      await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
      const scene = wall.getByTestId('wall-scene');
      // 24 November: out of flood season, nothing in force.
      const standing = await scene.getAttribute('data-scene');
      const mapBox = await wall.locator('[data-wall-panel="map"]').boundingBox();
      // Tag the live map canvas: after the scene change it must be the same element (not remounted).
      await wall.locator('[data-wall-panel="map"] canvas').first().evaluate((c) => (c.dataset.e2eMark = 'kept'));
      const duty = await apiLogin(suite.server.url, 'duty');
      const events = (await (await fetch(`${suite.server.url}/api/journal/events?after=0&limit=50`, { headers: { authorization: `Bearer ${duty}` } })).json()) as Array<{ type: string; data: { county: { center: [number, number] } } }>;
      const center = events.find((e) => e.type === 'region:defined')!.data.county.center;
      const issued = await apiPost(suite.server.url, '/api/commands/warning:issue', duty, {
        kind: 'rainstorm', colour: 'red', title: '县气象台发布暴雨红色预警信号', areaDesc: '县城及周边',
        area: { polygons: [], circles: [{ center, radiusKm: 5 }] }, expires: new Date(Date.now() + 6 * 3_600_000).toISOString(),
      });
      expect(issued.status, JSON.stringify(issued.body)).toBe(201);
      await expect.poll(() => scene.getAttribute('data-scene'), { timeout: 3000 }).toBe('flood');
      expect(await scene.getAttribute('data-scene-reason')).toBe('red-warning');
      expect(await wall.getByTestId('wall-scene-name').textContent()).toContain('汛期防汛');
      // The hazard panel gives its room to evacuation and shelters; the map stays mounted, not reloaded.
      expect(standing).not.toBe('flood');
      await expect.poll(() => wall.locator('[data-wall-panel="hazards"]').count()).toBe(0);
      expect(await wall.locator('[data-wall-panel="evac"]').count()).toBe(1);
      expect(await wall.locator('[data-wall-panel="map"]').boundingBox()).toEqual(mapBox);
      expect(await wall.locator('[data-wall-panel="map"] canvas[data-e2e-mark="kept"]').count()).toBe(1);
    } finally {
      await wall.context().close();
    }
  });

  it('holds steady under traffic and scene changes: DOM nodes and listeners do not grow', async () => {
    const wall = await suite.openFace('/wall', 'wall');
    try {
      await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
      await wall.locator('.map-view[data-health="ready"]').waitFor({ timeout: 30_000 });
      const duty = await apiLogin(suite.server.url, 'duty');
      const cdp = await wall.context().newCDPSession(wall);
      // Leaving ticker rows stay in the DOM until their transition ends, and detached nodes until a
      // GC: the steady state is the lowest of a few samples taken after a collection.
      const counters = async () => {
        let best = { nodes: Infinity, jsEventListeners: Infinity };
        for (let i = 0; i < 5; i++) {
          await wall.waitForTimeout(600);
          await cdp.send('HeapProfiler.collectGarbage');
          const c = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
          best = { nodes: Math.min(best.nodes, c.nodes), jsEventListeners: Math.min(best.jsEventListeners, c.jsEventListeners) };
        }
        return best;
      };
      // Fill every list to its steady size first (the ticker keeps a bounded number of entries).
      await postEntries(suite.server.url, duty, 120, '稳态');
      for (const scene of ['flood', 'incident', 'overview']) await pinScene(wall, scene);
      await wall.waitForTimeout(1500);
      const start = await counters();
      await postEntries(suite.server.url, duty, 120, '持续');
      for (let round = 0; round < 4; round++) for (const scene of ['flood', 'incident', 'overview']) await pinScene(wall, scene);
      await wall.getByTestId('ticker-item').filter({ hasText: '持续 119' }).waitFor({ timeout: 5000 });
      await wall.waitForTimeout(1500);
      const end = await counters();
      console.log(`wall DOM counters: start ${JSON.stringify(start)}, end ${JSON.stringify(end)}`);
      expect(end.nodes).toBeLessThanOrEqual(start.nodes * 1.05);
      expect(end.jsEventListeners).toBeLessThanOrEqual(start.jsEventListeners * 1.05);
    } finally {
      await wall.context().close();
    }
  });

  // Last: it stops the suite's server.
  it('survives a server restart without a reload and without a gap, saying how old its picture is meanwhile', async () => {
    const wall = await suite.openFace('/wall', 'wall');
    let second: RunningServer | undefined;
    try {
      await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
      await wall.evaluate(() => ((window as unknown as { __wallMarker: string }).__wallMarker = 'before-restart'));
      const { url, port, dataDir } = suite.server;
      const duty = await apiLogin(url, 'duty');
      const before = await apiPost(url, '/api/duty-log', duty, { content: '重启前最后一条' });
      expect(before.status).toBe(201);
      await wall.getByTestId('ticker-item').filter({ hasText: '重启前最后一条' }).waitFor({ timeout: 3000 });

      await suite.server.stop();
      const banner = wall.getByTestId('wall-stale-banner');
      await banner.waitFor({ timeout: 30_000 });
      expect(await banner.textContent()).toMatch(/^连接中断，显示的是 \d+ (秒|分钟)前的数据$/);
      // The last picture stays: the entry is still on the ticker, and every panel says its data is old.
      expect(await wall.getByTestId('ticker-item').filter({ hasText: '重启前最后一条' }).count()).toBe(1);
      const ages = await wall.$$eval('[data-wall-panel]', (els) => els.map((e) => (e as HTMLElement).dataset.stale));
      expect(ages.length).toBeGreaterThan(5);
      expect(new Set(ages)).toEqual(new Set(['true']));
      expect(await wall.getByTestId('wall-panel-age').first().textContent()).toMatch(/前的数据$/);

      second = await startServer({ dataDir, port });
      await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('live');
      expect(await banner.count()).toBe(0);
      const duty2 = await apiLogin(second.url, 'duty');
      const written: number[] = [];
      for (const n of [1, 2, 3]) {
        const res = await apiPost(second.url, '/api/duty-log', duty2, { content: `重启后第 ${n} 条` });
        expect(res.status).toBe(201);
        written.push(Number(res.body.seq));
      }
      await wall.locator(`[data-testid="ticker-item"][data-seq="${written.at(-1)}"]`).waitFor({ timeout: 5000 });
      // No gap and no duplicate: from the last entry before the restart to the last one after, each once.
      const shown = (await tickerSeqs(wall)).filter((s) => s >= Number(before.body.seq)).reverse();
      expect(shown[0]).toBe(Number(before.body.seq));
      expect(shown.slice(-3)).toEqual(written);
      expect(new Set(shown).size).toBe(shown.length);
      // No navigation happened: the page's own state from before the restart is still there.
      expect(await wall.evaluate(() => (window as unknown as { __wallMarker?: string }).__wallMarker)).toBe('before-restart');
      expect(new URL(wall.url()).pathname).toBe('/wall');
    } finally {
      await wall.context().close();
      await second?.stop();
    }
  });
});
