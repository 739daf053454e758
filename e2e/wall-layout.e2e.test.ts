import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';

/**
 * The wall fits any wall: 16:9 HD and 4K, 48:9 (three HD panels) and 32:9 (two 4K panels).
 * No scrollbar, every panel inside the screen, no two panels on top of each other (the alarm
 * banners over the map excepted), canvases drawn at real pixels, never a scaled bitmap.
 */
const suite = browserSuite();
const SHOTS = mkdtempSync(join(tmpdir(), 'wall-shots-'));

const WALLS = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 5760, height: 1080 },
  { width: 7680, height: 2160 },
];

interface Layout {
  scroll: { sw: number; cw: number; sh: number; ch: number };
  fontPx: number;
  boxes: { name: string; x: number; y: number; w: number; h: number }[];
  outside: string[];
  overlaps: string[];
  clipped: string[];
  canvases: { kind: string; cssW: number; cssH: number; w: number; h: number }[];
  dpr: number;
  transformed: string[];
}

/** Computed in the page: the geometry the hall sees. */
function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const se = document.scrollingElement!;
    const cells = [...document.querySelectorAll<HTMLElement>('[data-wall-panel]')];
    const title = document.querySelector<HTMLElement>('[data-testid="wall-title"]')!.closest('header')!;
    const named = [{ name: 'title', el: title }, ...cells.map((el) => ({ name: el.dataset.wallPanel!, el }))];
    const boxes = named.map(({ name, el }) => {
      const r = el.getBoundingClientRect();
      return { name, x: r.left, y: r.top, w: r.width, h: r.height };
    });
    const outside = boxes.filter((b) => b.x < 0 || b.y < 0 || b.x + b.w > vw + 0.5 || b.y + b.h > vh + 0.5 || b.w < 40 || b.h < 40).map((b) => b.name);
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const ix = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const iy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        if (ix > 0.5 && iy > 0.5) overlaps.push(`${a.name}×${b.name}`);
      }
    // A panel's heading and its data-age tag must be wholly inside its cell: nothing cut off.
    const clipped: string[] = [];
    for (const cell of cells) {
      const c = cell.getBoundingClientRect();
      for (const el of cell.querySelectorAll<HTMLElement>('.wall-panel-head, [data-testid="wall-panel-age"]')) {
        const r = el.getBoundingClientRect();
        const outsideCell = r.left < c.left - 0.5 || r.right > c.right + 0.5 || r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5 || r.height === 0;
        // A heading line whose own text runs past its box is cut off too (nowrap, hidden by the cell).
        if (outsideCell || el.scrollWidth > el.clientWidth + 1) clipped.push(`${cell.dataset.wallPanel}:${el.className}`);
      }
    }
    // Text the wall shows half of (a line crossing its cell's edge) is cut off; lines wholly past
    // the edge are the tail of a long list, which the panels drop on purpose.
    for (const cell of cells) {
      const body = cell.querySelector<HTMLElement>('.wall-cell__body')!.getBoundingClientRect();
      for (const el of cell.querySelectorAll<HTMLElement>('.wall-cell__body *')) {
        if (el.childElementCount > 0 || !el.textContent?.trim() || el.closest('[data-wall-overlay]')) continue;
        const r = el.getBoundingClientRect();
        if (r.height === 0) continue;
        const crosses = (r.top < body.bottom - 0.5 && r.bottom > body.bottom + 0.5) || (r.left < body.right - 0.5 && r.right > body.right + 0.5);
        if (crosses) clipped.push(`${cell.dataset.wallPanel}:${el.textContent.trim().slice(0, 20)}`);
      }
    }
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('[data-wall-panel] canvas')].map((cv) => {
      const r = cv.getBoundingClientRect();
      return { kind: cv.closest('.map-view') ? 'map' : 'chart', cssW: r.width, cssH: r.height, w: cv.width, h: cv.height };
    });
    const transformed = [...document.querySelectorAll<HTMLElement>('[data-testid="wall"] *')]
      .filter((el) => !el.closest('.map-view'))
      .filter((el) => {
        const s = getComputedStyle(el);
        return (s.transform !== 'none' && /matrix\((?!1, 0, 0, 1,)/.test(s.transform)) || (s.scale !== 'none' && s.scale !== '1');
      })
      .map((el) => el.className);
    return {
      scroll: { sw: se.scrollWidth, cw: se.clientWidth, sh: se.scrollHeight, ch: se.clientHeight },
      fontPx: parseFloat(getComputedStyle(document.querySelector('[data-testid="wall"]')!).fontSize),
      boxes,
      outside,
      overlaps,
      clipped,
      canvases,
      dpr: window.devicePixelRatio,
      transformed,
    };
  });
}

const ALL_PANELS = ['chart', 'daily', 'evac', 'hazards', 'incidents', 'map', 'shelters', 'supplies', 'teams', 'ticker', 'title'];
const SCENES = [
  { scene: 'overview', panels: ALL_PANELS },
  { scene: 'flood', panels: ALL_PANELS.filter((p) => p !== 'hazards') },
  { scene: 'incident', panels: ALL_PANELS.filter((p) => p !== 'hazards') },
];

/** Switches the wall's pinned scene the way the router does on a link: no reload. */
async function pinScene(page: Page, scene: string): Promise<void> {
  await page.evaluate((s) => {
    history.pushState(history.state, '', `/wall?scene=${s}`);
    dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
  }, scene);
  await page.locator(`[data-testid="wall-scene"][data-scene="${scene}"]`).waitFor({ timeout: 5000 });
  // Let ResizeObservers redraw the canvases at their new sizes.
  await page.waitForTimeout(800);
}

describe('the wall on any wall', () => {
  for (const viewport of WALLS) {
    it(`fits ${viewport.width}×${viewport.height} in every scene: no scrollbar, nothing outside, nothing overlapping, real-pixel canvases`, async () => {
      const wall = await suite.openFace('/wall', 'wall', { viewport });
      try {
        await expect.poll(() => wall.getByTestId('wall-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');
        await wall.locator('.map-view[data-health="ready"]').waitFor({ timeout: 30_000 });
        // A software-rendered 4K map draws its first full frame a while after 'ready'.
        await wall.waitForTimeout(2500);
        await wall.evaluate(() => ((window as unknown as { __wallMarker: number }).__wallMarker = 1));
        for (const { scene, panels } of SCENES) {
          await pinScene(wall, scene);
          const m = await measure(wall);
          const where = `${viewport.width}×${viewport.height} ${scene}`;
          expect(m.scroll.sw, where).toBeLessThanOrEqual(m.scroll.cw);
          expect(m.scroll.sh, where).toBeLessThanOrEqual(m.scroll.ch);
          expect(m.boxes.map((b) => b.name).sort(), where).toEqual([...panels].sort());
          expect(m.outside, where).toEqual([]);
          expect(m.overlaps, where).toEqual([]);
          expect(m.clipped, where).toEqual([]);
          expect(m.transformed, where).toEqual([]);
          // Readable across the hall: text follows the wall's height.
          expect(m.fontPx, where).toBeGreaterThanOrEqual(Math.min(viewport.height * 0.017, 72));
          expect(m.canvases.filter((c) => c.kind === 'map').length, where).toBe(1);
          expect(m.canvases.filter((c) => c.kind === 'chart').length, where).toBeGreaterThanOrEqual(1);
          for (const c of m.canvases) {
            expect(Math.abs(c.w - c.cssW * m.dpr), `${where} ${c.kind} width`).toBeLessThanOrEqual(2 * m.dpr);
            expect(Math.abs(c.h - c.cssH * m.dpr), `${where} ${c.kind} height`).toBeLessThanOrEqual(2 * m.dpr);
          }
          // A 16-megapixel software-rendered frame is slow to capture on a shared 2-core machine: one per scene.
          const shot = join(SHOTS, `wall-${viewport.width}x${viewport.height}-${scene}.png`);
          await wall.screenshot({ path: shot, timeout: 120_000 });
          console.log(`screenshot: ${shot}`);
        }
        // Scenes switched in place: the page was never reloaded.
        expect(await wall.evaluate(() => (window as unknown as { __wallMarker?: number }).__wallMarker)).toBe(1);
      } finally {
        await wall.context().close();
      }
    }, 300_000);
  }
});
