import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoRegion } from '../demo/region.js';
import { ManualClock } from '../journal/clock.js';
import { login, postJson, startTestServer, tempDataDir, type TestServer } from '../testing/test-server.js';
import { photoDir } from './photos.js';

const region = buildDemoRegion();
const [ts1, ts2] = region.townships;
const v1 = region.villages.find((v) => v.townshipCode === ts1!.code)!;
const clock = new ManualClock('2024-07-01T00:00:00Z');
let server: TestServer;
let dir: { dir: string; remove(): void };
let duty: string;
let commander: string;

async function startWithRegion(d: string, c = clock) {
  const s = await startTestServer(d, {}, { clock: c, tickIntervalMs: false });
  const res = await postJson(s.url, '/api/commands/region:define', region, await login(s.url, 'admin'));
  expect(res.status).toBe(201);
  return s;
}

async function importFile(url: string, body: Buffer | string, query: string, token = duty) {
  const res = await fetch(`${url}/api/hazards/import?${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body });
  return { status: res.status, body: (await res.json()) as { imported: number; rejected: Array<{ row: number; reason: string }>; message?: string } };
}
const get = async (path: string, token = duty) => {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as { total: number; items: Array<Record<string, unknown>> } };
};
const csvRow = (name: string, extra = '') => `${name},滑坡,重大,${ts1!.name},${v1.name},${v1.center[0]},${v1.center[1]},张三 13800000000,5,20${extra}`;
const HEAD = '名称,类别,风险等级,乡镇,行政村,经度,纬度,包保责任人,威胁户数,威胁人数';

beforeAll(async () => {
  dir = tempDataDir();
  server = await startWithRegion(dir.dir);
  duty = await login(server.url, 'duty');
  commander = await login(server.url, 'commander');
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

describe('hazard ledger over HTTP', () => {
  it('imports all rows or none, and the good rows only when asked', async () => {
    const head = server.app.journal.head;
    const csv = [HEAD, csvRow('后山滑坡'), '坏行,火山,重大,青石镇,,103,30,,,', csvRow('后山滑坡二')].join('\n');
    const refused = await importFile(server.url, csv, 'format=csv&crs=wgs84');
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({ imported: 0, rejected: [{ row: 3, code: 'invalid-value', params: { column: '类别', field: 'kind' }, reason: expect.stringMatching(/^kind/) }] });
    expect(server.app.journal.head).toBe(head);
    const partial = await importFile(server.url, csv, 'format=csv&crs=wgs84&mode=good-rows');
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({ imported: 2, rejected: [{ row: 3 }] });
    expect((await get('/api/hazards?kind=landslide')).body.total).toBe(2);
  });

  it('refuses unreadable files and wrong parameters with a 400 naming them', async () => {
    expect((await importFile(server.url, 'PK\x03\x04garbage', 'format=xlsx&crs=wgs84')).status).toBe(400);
    expect((await importFile(server.url, HEAD, 'format=csv&crs=mars')).status).toBe(400);
    expect((await importFile(server.url, `${HEAD}\n${csvRow('x')}`, 'format=csv&crs=wgs84', await login(server.url, 'wall'))).status).toBe(403);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('pages and filters on the server', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `${i},${i % 2 ? '燃气' : '建筑施工'},一般,${(i % 3 ? ts1 : ts2)!.name},,,,,0,0`);
    const res = await importFile(server.url, ['编号,' + '名称,类别,风险等级,乡镇,行政村,经度,纬度,威胁户数,威胁人数', ...rows.map((r, i) => `E-${i},企业隐患${r}`)].join('\n'), 'format=csv&crs=wgs84');
    expect(res.body.imported).toBe(120);
    const page = await get(`/api/hazards?kind=gas&township=${ts1!.code}&page=2&pageSize=10`);
    expect(page.body.total).toBe(40);
    expect(page.body.items).toHaveLength(10);
    expect(page.body.items.every((i) => i.kind === 'gas' && i.townshipCode === ts1!.code)).toBe(true);
    expect(page.body.items[0]!.id).toBe('E-89'); // newest first (119, 115, … 91 on page 1)
    expect((await get('/api/hazards?pageSize=501')).status).toBe(400);
  });

  it('runs the loop over commands, closes only by another person, flags overdue items', async () => {
    const { body } = await get('/api/hazards?q=后山滑坡二');
    const id = String(body.items[0]!.id);
    const cmd = (type: string, payload: object, token = duty) => postJson(server.url, `/api/commands/${type}`, payload, token);
    expect((await cmd('hazard:assign-rectification', { id, measures: '削坡减载、截排水沟', deadline: '2024-07-10T00:00:00+08:00', rectifier: '王强' })).status).toBe(201);
    expect((await cmd('hazard:complete-rectification', { id })).status).toBe(201);
    expect((await cmd('hazard:close', { id })).status).toBe(403);
    expect((await cmd('hazard:close', { id }, commander)).status).toBe(201);
    const other = String((await get('/api/hazards?q=后山滑坡&state=ledgered')).body.items[0]!.id);
    expect((await cmd('hazard:supervise', { id: other, level: 'county', deadline: '2024-07-05T00:00:00+08:00' }, commander)).status).toBe(201);
    expect((await get('/api/hazards?overdue=true')).body.total).toBe(0);
    clock.set('2024-07-06T00:00:00Z');
    expect((await get('/api/hazards?overdue=true')).body.items.map((i) => i.id)).toEqual([other]);
    await server.app.tick();
    expect(server.app.journal.current.hazards.overdue).toEqual({ [`${ts1!.code}|landslide`]: 1 });
    const detail = await fetch(`${server.url}/api/hazards/${id}`, { headers: { authorization: `Bearer ${duty}` } });
    expect(await detail.json()).toMatchObject({ item: { state: 'closed', closedBy: 'commander', rectification: { completedBy: 'duty' } } });
  });

  it('records a patrol from the field on a point', async () => {
    const id = String((await get('/api/hazards?q=后山滑坡&state=ledgered')).body.items[0]!.id);
    const res = await postJson(server.url, '/api/commands/patrol:record', { hazardId: id, phase: 'in-flood', findings: '坡脚有新裂缝，已设警示' }, await login(server.url, 'reporter'));
    expect(res.status).toBe(201);
    const detail = (await (await fetch(`${server.url}/api/hazards/${id}`, { headers: { authorization: `Bearer ${duty}` } })).json()) as { patrols: unknown[] };
    expect(detail.patrols).toEqual([expect.objectContaining({ phase: 'in-flood', by: 'reporter' })]);
  });

  it('exports CSV and XLSX that import reads back losslessly', async () => {
    const csv = Buffer.from(await (await fetch(`${server.url}/api/hazards/export?format=csv`, { headers: { authorization: `Bearer ${duty}` } })).arrayBuffer());
    const xlsx = Buffer.from(await (await fetch(`${server.url}/api/hazards/export?format=xlsx&kind=gas`, { headers: { authorization: `Bearer ${duty}` } })).arrayBuffer());
    const d2 = tempDataDir();
    const other = await startWithRegion(d2.dir, new ManualClock('2024-07-06T00:00:00Z'));
    try {
      const token = await login(other.url, 'duty');
      expect((await importFile(other.url, csv, 'format=csv&crs=wgs84', token)).body).toMatchObject({ imported: 122, rejected: [] });
      const again = Buffer.from(await (await fetch(`${other.url}/api/hazards/export?format=csv`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
      expect(again.toString('utf8')).toBe(csv.toString('utf8'));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.rowCount).toBe(61);
      expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('编号');
    } finally {
      await other.close();
      d2.remove();
    }
  });
});

/** A valid 1-bit greyscale PNG of `width` × `height` black pixels: a few KB that decode to width × height bytes or more. */
function pngBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth; colour type 0 (grey), deflate, filter 0, no interlace
  const scanlines = Buffer.alloc((1 + Math.ceil(width / 8)) * height); // filter byte 0 and zero pixels, each row
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(scanlines, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

describe('evidence photos', () => {
  const upload = async (bytes: Buffer, filename: string, type: string) => {
    const form = new FormData();
    form.append('photo', new Blob([bytes], { type }), filename);
    const res = await fetch(`${server.url}/api/hazards/photos`, { method: 'POST', headers: { authorization: `Bearer ${duty}` }, body: form });
    return { status: res.status, body: (await res.json()) as { photoId?: string; message?: string } };
  };
  const png = () => sharp({ create: { width: 800, height: 600, channels: 3, background: '#c33' } }).png().toBuffer();

  it('stores a photo by its content, thumbnailed, under DATA_DIR', async () => {
    const res = await upload(await png(), '现场.png', 'image/png');
    expect(res.status).toBe(201);
    const sha = res.body.photoId!.split('.')[0]!;
    expect(existsSync(join(photoDir(dir.dir), res.body.photoId!))).toBe(true);
    const thumb = await fetch(`${server.url}/api/hazards/photos/${res.body.photoId}?thumb=true`, { headers: { authorization: `Bearer ${duty}` } });
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 320, height: 240 });
    expect(existsSync(join(photoDir(dir.dir), `${sha}.thumb.webp`))).toBe(true);
  });

  it('refuses uploads that lie about their type, writing nothing', async () => {
    const before = readdirSync(photoDir(dir.dir)).length;
    const html = await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'photo.jpg', 'image/jpeg');
    expect(html.status).toBe(400);
    expect(html.body.message).toMatch(/not an image/);
    const disguised = await upload(await png(), 'photo.jpg', 'image/jpeg');
    expect(disguised.status).toBe(400);
    expect(disguised.body.message).toMatch(/says image\/jpeg .* content is image\/png/);
    const truncated = await upload((await png()).subarray(0, 100), 'cut.png', 'image/png');
    expect(truncated.status).toBe(400);
    expect(readdirSync(photoDir(dir.dir)).length).toBe(before);
  });

  it('refuses a decompression bomb (a 60 KB PNG of 20,000 × 20,000 pixels) from its header, writing nothing, memory flat', async () => {
    const bomb = pngBomb(20_000, 20_000);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({ format: 'png', width: 20_000, height: 20_000 }); // a real PNG
    const before = readdirSync(photoDir(dir.dir)).length;
    const rssBefore = process.memoryUsage().rss;
    const res = await upload(bomb, 'bomb.png', 'image/png');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('the photo is 20000 × 20000 pixels, over the limit of 100 megapixels');
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
    expect(readdirSync(photoDir(dir.dir)).length).toBe(before);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
