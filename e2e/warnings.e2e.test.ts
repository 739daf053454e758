import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';
import type { Page } from 'playwright-core';
import { apiLogin } from './support/server.js';

const suite = browserSuite();
const { openFace, offMachine } = suite;

/**
 * Counts the map's strongly red pixels, from a screenshot decoded in the page itself (no image
 * library needed): the red warning area is the only large red thing on the basemap.
 */
async function redPixels(page: Page): Promise<number> {
  const png = (await page.locator('.wall__map-view').screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = new OffscreenCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, img.width, img.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i]! > 110 && px[i]! > 2 * px[i + 1]! && px[i]! > 2 * px[i + 2]!) n++;
    return n;
  }, png);
}

function redCap(lon: number, lat: number, id: string): string {
  const d = 0.04;
  // CAP polygons are "lat,lon".
  const ring = [[lat - d, lon - d], [lat - d, lon + d], [lat + d, lon + d], [lat + d, lon - d], [lat - d, lon - d]].map(([a, o]) => `${a},${o}`).join(' ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>${id}</identifier><sender>qxj@429901</sender>
<sent>${new Date().toISOString().slice(0, 19)}+00:00</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
<info><language>zh-CN</language><category>Met</category><event>暴雨红色预警</event><urgency>Immediate</urgency><severity>Extreme</severity><certainty>Likely</certainty>
<headline>县气象台发布暴雨红色预警信号</headline><area><areaDesc>县城及周边</areaDesc><polygon>${ring}</polygon></area></info></alert>`;
}

describe('warnings on the wall, in a real browser', () => {
  it('a red CAP warning posted over HTTP appears on the wall within 1 s: area on the map, banner, sound state', async () => {
    const wall = await openFace('/wall', 'wall');
    await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
    await wall.locator('.map-view[data-health="ready"]').waitFor({ timeout: 20_000 });
    await wall.waitForTimeout(1500);
    const before = await redPixels(wall);
    expect(await wall.getByTestId('wall-warning-banner').count()).toBe(0);

    const duty = await apiLogin(suite.server.url, 'duty');
    const events = (await (await fetch(`${suite.server.url}/api/journal/events?after=0&limit=50`, { headers: { authorization: `Bearer ${duty}` } })).json()) as Array<{ type: string; data: { county: { center: [number, number] } } }>;
    const [lon, lat] = events.find((e) => e.type === 'region:defined')!.data.county.center;

    const postedAt = Date.now();
    const res = await fetch(`${suite.server.url}/api/alerts/cap`, { method: 'POST', headers: { 'content-type': 'application/xml', authorization: `Bearer ${duty}` }, body: redCap(lon, lat, `E2E-${postedAt}`) });
    expect(res.status).toBe(201);
    const banner = wall.getByTestId('wall-warning-banner');
    await banner.waitFor({ timeout: 1000 });
    expect(Date.now() - postedAt).toBeLessThan(1000);
    expect(await banner.getAttribute('data-colour')).toBe('red');
    expect(await banner.textContent()).toContain('县气象台发布暴雨红色预警信号');
    // The area is drawn: the map now has many more red pixels than before.
    await expect.poll(() => redPixels(wall), { timeout: 1000, interval: 100 }).toBeGreaterThan(before + 1000);
    expect(Date.now() - postedAt).toBeLessThan(2500);

    // Sound: playing, or — the page had no user gesture — blocked, and then the wall says so.
    const sound = wall.getByTestId('wall-sound');
    await expect.poll(() => sound.getAttribute('data-state')).not.toBe('off');
    if ((await sound.getAttribute('data-state')) === 'blocked') expect(await sound.isVisible()).toBe(true);
    await wall.screenshot({ path: '/tmp/warnings-wall.png' });

    // A console user acknowledges it: the wall's alarm goes quiet, the area stays.
    const desk = await openFace('/console/warnings', 'duty');
    await desk.getByTestId('warning-acknowledge').first().click();
    await banner.waitFor({ state: 'detached', timeout: 3000 });
    expect(await redPixels(wall)).toBeGreaterThan(before + 1000);
    await desk.screenshot({ path: '/tmp/warnings-console.png' });
    expect(offMachine).toEqual([]);
  });

  it('the wall says so visibly when the browser blocks the alarm sound', async () => {
    const wall = await openFace('/wall', 'wall');
    await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
    const duty = await apiLogin(suite.server.url, 'duty');
    await fetch(`${suite.server.url}/api/commands/alarm:define-station`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${duty}` },
      body: JSON.stringify({ id: 'lt', name: '龙潭水库', kind: 'reservoir-level', unit: 'm', location: [110, 30], thresholds: [{ colour: 'orange', raise: 100, clear: 99 }] }),
    });
    // Block audio the way a strict autoplay policy does: the context never runs.
    await wall.evaluate(() => {
      AudioContext.prototype.resume = () => new Promise(() => undefined);
      Object.defineProperty(AudioContext.prototype, 'state', { get: () => 'suspended' });
    });
    await fetch(`${suite.server.url}/api/monitoring/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${duty}` },
      body: JSON.stringify({ readings: [{ stationId: 'lt', value: 101, at: new Date().toISOString() }] }),
    });
    const sound = wall.getByTestId('wall-sound');
    await expect.poll(() => sound.getAttribute('data-state'), { timeout: 3000 }).toBe('blocked');
    expect(await sound.isVisible()).toBe(true);
    expect(await sound.textContent()).toContain('浏览器阻止了警报声音');
  });
});
