import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';
import { apiLogin, apiPost } from './support/server.js';

const suite = browserSuite();
const { openFace, offMachine } = suite;

/** A real 1×1 PNG (one opaque red pixel): small, and sharp can decode it into a thumbnail. */
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** An item of the demo ledger put under rectification through the API, so the console can report it done. */
async function itemUnderRectification(): Promise<string> {
  const duty = await apiLogin(suite.server.url, 'duty');
  const list = async (state: string) =>
    ((await (await fetch(`${suite.server.url}/api/hazards?state=${state}&pageSize=1`, { headers: { authorization: `Bearer ${duty}` } })).json()) as { items: Array<{ id: string }> }).items;
  const ledgered = (await list('ledgered'))[0];
  const found = ledgered ? undefined : (await list('found'))[0];
  const id = ledgered?.id ?? found?.id;
  if (!id) throw new Error('the demo ledger has no open item');
  if (found) expect((await apiPost(suite.server.url, '/api/commands/hazard:ledger', duty, { id })).status).toBe(201);
  const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const assigned = await apiPost(suite.server.url, '/api/commands/hazard:assign-rectification', duty, { id, measures: '清理排水沟', deadline, rectifier: '王强' });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(201);
  return id;
}

describe('hazards: evidence photos', () => {
  it('a rectification reported done with a photo shows its thumbnail in the details; a refused upload shows why', async () => {
    const id = await itemUnderRectification();
    const dir = mkdtempSync(join(tmpdir(), 'hazard-photos-e2e-'));
    const png = join(dir, '整改后.png');
    writeFileSync(png, PNG_1X1);
    const fake = join(dir, 'not-a-photo.png');
    writeFileSync(fake, 'this is text, not a picture');

    const desk = await openFace('/console/hazards', 'duty');
    await desk.getByTestId('hazard-table').waitFor();
    await desk.getByTestId('hazard-filter-q').fill(id);
    await expect.poll(() => desk.getByTestId('hazard-table').getAttribute('data-total'), { timeout: 5000 }).toBe('1');
    await desk.getByTestId('hazard-table').locator('tbody tr').first().click();
    await expect.poll(() => desk.getByTestId('hazard-details-state').textContent(), { timeout: 5000 }).toBe('整改中');

    // A file that is not an image: the server refuses it, the console says why, the item stays put.
    await desk.getByTestId('hazard-evidence-input').setInputFiles(fake);
    await desk.getByTestId('hazard-complete').click();
    await expect.poll(() => desk.getByTestId('hazard-details').getByRole('alert').textContent(), { timeout: 5000 }).toContain('only JPEG, PNG or WebP');
    expect(await desk.getByTestId('hazard-details-state').textContent()).toBe('整改中');

    await desk.getByTestId('hazard-evidence-input').setInputFiles(png);
    await desk.getByTestId('hazard-complete').click();
    await expect.poll(() => desk.getByTestId('hazard-details-state').textContent(), { timeout: 10_000 }).toBe('待验收');
    const thumb = desk.getByTestId('hazard-photo-thumb');
    await thumb.first().waitFor({ timeout: 10_000 });
    expect(await thumb.count()).toBe(1);
    await expect.poll(() => thumb.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await thumb.first().getAttribute('src')).toMatch(/^blob:/);
    await desk.screenshot({ path: '/tmp/hazard-photos-console.png' });
    expect(offMachine).toEqual([]);
  });
});
