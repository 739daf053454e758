import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_FILE_ERROR_CODES } from '@watchfloor/shared';
import { login, startTestServer, tempDataDir, type TestServer } from '../testing/test-server.js';
import { UnreadableFileError } from './import-file-error.js';
import { readTable, type ColumnAliases } from './table-file.js';
import { checkXlsxZip, xlsxZipLimits } from './xlsx-zip-limits.js';
import { entryOf, SHEET_HEAD, SHEET_TAIL, streamedEntry, workbookEntriesBut, xlsxBomb, zipOf } from './zip-bomb.test-helpers.js';

const ALIASES = { name: ['名称', 'name'], count: ['数量', 'count'] } as const satisfies ColumnAliases<string>;
const read = (buf: Buffer, maxRows = 400) => readTable<keyof typeof ALIASES>('xlsx', buf, ALIASES, ['name'], maxRows);
const refusal = async (buf: Buffer, maxRows?: number) => (await read(buf, maxRows).catch((e: unknown) => e)) as UnreadableFileError;
const MB = 1024 * 1024;

/** 40 KB of hex cells that deflate cannot shrink much (a repeat further back than its 32 KB window), repeated. */
const HEX_ROW = Buffer.from(`<row><c t="inlineStr"><is><t>${Array.from({ length: 640 }, (_, i) => createHash('sha256').update(String(i)).digest('hex')).join('')}</t></is></c></row>`);

describe('an XLSX is checked as a zip before exceljs unpacks it', () => {
  it('refuses a 200 MB sheet packed into a few hundred KB, by the ratio its central directory declares', async () => {
    const bomb = await xlsxBomb(200 * MB);
    expect(bomb.length).toBeLessThan(1 * MB);
    const error = await refusal(bomb, 60_000);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(error.code).toBe('zip-ratio-too-high');
    expect(error.params).toMatchObject({ entry: 'xl/worksheets/sheet1.xml', limit: 200 });
    expect(error.message).toMatch(/xl\/worksheets\/sheet1.xml in the XLSX is compressed \d+:1, over the limit of 200:1/);
  });

  it('refuses an XLSX that unpacks past the import’s size, whatever its ratio (limit grows with the row limit)', async () => {
    const sheet = await streamedEntry('xl/worksheets/sheet1.xml', SHEET_HEAD, HEX_ROW, SHEET_TAIL, 12 * MB);
    const file = zipOf([...(await workbookEntriesBut()), sheet]);
    const error = await refusal(file, 400); // a roster: 8 MiB + 400 rows × 2 KiB
    expect(error.code).toBe('zip-too-large');
    expect(error.params).toEqual({ sizeMb: 12, limitMb: 9 });
    expect(error.message).toBe('the XLSX unpacks to 12 MB, over the limit of 9 MB for this import');
    // The same file is within a 60,000-row ledger's limit (80 MiB).
    await expect(checkXlsxZip(file, xlsxZipLimits(60_000))).resolves.toBeUndefined();
  });

  it('refuses a bomb whose headers lie about its size, stopping once it unpacks past what they declare', async () => {
    const liar = await xlsxBomb(200 * MB, true);
    const error = await refusal(liar, 60_000);
    expect(error.code).toBe('zip-sizes-false');
    expect(error.message).toMatch(/sheet1.xml in the XLSX unpacks to more than its zip header declares/);
  });

  it('refuses an absurd number of entries', async () => {
    const chaff = Array.from({ length: 1001 }, (_, i) => entryOf(`xl/chaff/${i}.xml`, Buffer.from('<x/>')));
    const error = await refusal(zipOf([...(await workbookEntriesBut()), ...chaff]));
    expect(error.code).toBe('zip-too-many-entries');
    expect(error.params).toEqual({ count: 1001 + 9, limit: 1000 });
  });

  it('reads a real workbook the checks let through', async () => {
    const sheet = entryOf('xl/worksheets/sheet1.xml', Buffer.from(`${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>冲锋舟</t></is></c></row>${SHEET_TAIL}`));
    expect(await read(zipOf([...(await workbookEntriesBut()), sheet]))).toEqual([{ row: 2, values: { name: '冲锋舟' } }]);
  });
});

describe('a zip bomb uploaded to every import route', () => {
  let server: TestServer;
  let dir: { remove(): void; dir: string };
  let admin: string;
  beforeAll(async () => {
    dir = tempDataDir();
    server = await startTestServer(dir.dir);
    admin = await login(server.url, 'admin'); // may import to every ledger
  });
  afterAll(async () => {
    await server.close();
    dir.remove();
  });

  it('documents the file-level codes in each import route’s 400', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    for (const path of ['/api/hazards/import', '/api/roster/import', '/api/teams/import']) {
      const documented = JSON.stringify(doc.paths[path]);
      for (const code of IMPORT_FILE_ERROR_CODES) expect(documented, `${path} ${code}`).toContain(`"${code}"`);
    }
  });

  it.each([
    ['hazard ledger', '/api/hazards/import?format=xlsx&crs=wgs84'],
    ['duty roster', '/api/roster/import?format=xlsx'],
    ['rescue teams', '/api/teams/import?format=xlsx'],
  ])('%s: a clear 400, nothing written, memory flat, the server still up', async (_n, path) => {
    for (const lie of [false, true]) {
      const bomb = await xlsxBomb(200 * MB, lie);
      const head = server.app.journal.head;
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 5);
      const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bomb) });
      clearInterval(sampler);
      const body = (await res.json()) as { code: string; message: string; field?: string; detail?: { code: string; params: Record<string, unknown> } };
      expect(res.status).toBe(400);
      expect(body).toMatchObject({ code: 'invalid', field: 'body', detail: { code: lie ? 'zip-sizes-false' : 'zip-ratio-too-high', params: { entry: 'xl/worksheets/sheet1.xml' } } });
      expect(body.message).toMatch(/sheet1.xml in the XLSX .*zip bomb/);
      expect(server.app.journal.head).toBe(head);
      expect(rssPeak - rssBefore).toBeLessThan(200 * MB);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    }
  });
});
