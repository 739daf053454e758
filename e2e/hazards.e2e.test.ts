import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';
import type { Locator, Page } from 'playwright-core';
import { apiLogin } from './support/server.js';

const suite = browserSuite();
const { openFace, offMachine } = suite;

/** The element's pixels, as RGBA, decoded in the page from a screenshot. */
async function pixels(page: Page, el: Locator): Promise<number[]> {
  const png = (await el.screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = new OffscreenCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    return Array.from(ctx.getImageData(0, 0, img.width, img.height).data);
  }, png);
}
/** How many pixels differ clearly between two same-sized captures. */
function changedPixels(a: number[], b: number[]): number {
  let n = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i += 4) if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > 60) n++;
  return n;
}

describe('hazards: import in the console, see it on the wall', () => {
  it('a GeoJSON file imported in the console puts its points on the wall map and moves the rate chart', async () => {
    const duty = await apiLogin(suite.server.url, 'duty');
    const events = (await (await fetch(`${suite.server.url}/api/journal/events?after=0&limit=5`, { headers: { authorization: `Bearer ${duty}` } })).json()) as Array<{ type: string; data: { townships: Array<{ code: string; center: [number, number] }> } }>;
    const township = events.find((e) => e.type === 'region:defined')!.data.townships[0]!;

    const wall = await openFace('/wall', 'wall');
    await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
    await wall.locator('.map-view[data-health="ready"]').waitFor({ timeout: 20_000 });
    // Only the map's canvas is compared: panels over it (numbers, banners) are hidden for its capture.
    const hideOverMap = () => wall.addStyleTag({ content: '.wall__map .wall-panel, .wall__warning-alarm { visibility: hidden !important; }' });
    await wall.waitForTimeout(2000);
    const totalBefore = await wall.getByTestId('hazard-total').textContent();
    const rateBefore = await wall.getByTestId('hazard-rate').textContent();
    const chart = wall.getByTestId('hazard-rate-chart');
    const chartBefore = await pixels(wall, chart);
    let hidden = await hideOverMap();
    const mapBefore = await pixels(wall, wall.locator('.wall__map-view'));
    await hidden.evaluate((el) => el.parentNode?.removeChild(el));

    // 60 new landslide points around the first township's seat, in GCJ-02 as a web map would give them.
    const features = Array.from({ length: 60 }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [township.center[0] + 0.004 + (i % 10) * 0.003, township.center[1] + 0.002 + Math.floor(i / 10) * 0.003] },
      properties: { 名称: `E2E 滑坡点 ${i + 1}`, 类别: '滑坡', 风险等级: '重大', 乡镇代码: township.code, 威胁户数: 3, 威胁人数: 9 },
    }));
    const dir = mkdtempSync(join(tmpdir(), 'hazards-e2e-'));
    const file = join(dir, '新增隐患点.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));

    const desk = await openFace('/console/hazards', 'duty');
    await desk.getByTestId('hazard-table').waitFor();
    await desk.getByTestId('hazard-import-file').setInputFiles(file);
    await desk.getByTestId('hazard-import-crs').selectOption('gcj02');
    await desk.getByTestId('hazard-import-submit').click();
    await expect.poll(() => desk.getByTestId('hazard-import-answer').textContent(), { timeout: 10_000 }).toContain('已导入 60 项');
    await desk.getByTestId('hazard-filter-q').fill('E2E 滑坡点');
    await expect.poll(() => desk.getByTestId('hazard-table').getAttribute('data-total'), { timeout: 5000 }).toBe('60');
    await desk.getByTestId('hazard-table').locator('tbody tr').first().click();
    await expect.poll(() => desk.getByTestId('hazard-details-state').textContent(), { timeout: 5000 }).toBe('已入台账');
    await desk.screenshot({ path: '/tmp/hazards-console.png' });

    // The wall follows live: the total, the rate, the chart and the map all change.
    await expect.poll(() => wall.getByTestId('hazard-total').textContent(), { timeout: 5000 }).not.toBe(totalBefore);
    expect(await wall.getByTestId('hazard-rate').textContent()).not.toBe(rateBefore);
    await wall.waitForTimeout(1500);
    expect(changedPixels(chartBefore, await pixels(wall, chart))).toBeGreaterThan(20);
    hidden = await hideOverMap();
    expect(changedPixels(mapBefore, await pixels(wall, wall.locator('.wall__map-view')))).toBeGreaterThan(100);
    await hidden.evaluate((el) => el.parentNode?.removeChild(el));
    await wall.screenshot({ path: '/tmp/hazards-wall.png' });
    expect(offMachine).toEqual([]);
  });
});
