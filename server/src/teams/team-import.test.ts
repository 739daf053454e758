import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, postJson, startTestServer, tempDataDir, type TestServer } from '../testing/test-server.js';

let server: TestServer;
let dir: { remove(): void; dir: string };
const tokens: Record<string, string> = {};

beforeAll(async () => {
  dir = tempDataDir();
  server = await startTestServer(dir.dir);
  for (const u of ['duty', 'commander', 'admin']) tokens[u] = await login(server.url, u);
  const region = { county: { code: '429901', name: '示范县', center: [111, 30] }, townships: [{ code: '429901101000', name: '青石镇', center: [111, 30] }], villages: [] };
  expect((await postJson(server.url, '/api/commands/region:define', region, tokens.admin)).status).toBe(201);
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

async function upload(body: Buffer | string, format: 'csv' | 'xlsx', user = 'commander', crs = 'wgs84') {
  const res = await fetch(`${server.url}/api/teams/import?format=${format}&crs=${crs}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/octet-stream' },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as { imported?: number; rejected?: Array<{ row: number; code: string; params: Record<string, unknown>; reason: string }>; message?: string } };
}
const teams = () => Object.values(server.app.journal.current.teams.byId);
const byName = (name: string) => teams().find((t) => t.name === name);
const HEADER = '队伍名称,类别,级别,人数,负责人,联系电话,装备,驻地,经度,纬度,乡镇\n';

describe('team import (救援队伍导入)', () => {
  it('imports a UTF-8 CSV through team registration: kinds, levels, equipment, base, township', async () => {
    const csv = HEADER + '县综合应急救援大队,综合性消防救援队伍,县级,45,张队长,0719-1234567,冲锋舟×4、救生衣×100、发电机,县城消防站,111.01,30.02,\n青石镇应急分队,乡镇,乡镇级,12,李镇长,13800000000,抽水泵 2台,青石镇政府,111.1,30.1,青石镇\n';
    expect(await upload(csv, 'csv')).toEqual({ status: 201, body: { imported: 2, rejected: [] } });
    expect(byName('县综合应急救援大队')).toMatchObject({
      kind: 'fire-rescue', level: 'county', headcount: 45, leader: '张队长', status: 'standby',
      equipment: [{ name: '冲锋舟', count: 4 }, { name: '救生衣', count: 100 }, { name: '发电机', count: 1 }],
      base: { name: '县城消防站', lonLat: [111.01, 30.02] },
    });
    expect(byName('青石镇应急分队')).toMatchObject({ kind: 'township', level: 'township', townshipCode: '429901101000', equipment: [{ name: '抽水泵', count: 2 }] });
  });

  it('re-importing the same team updates it instead of adding another', async () => {
    const n = teams().length;
    const csv = HEADER + '县综合应急救援大队,消防救援,县级,50,张队长,0719-1234567,,县城消防站,111.01,30.02,\n';
    expect((await upload(csv, 'csv')).body.imported).toBe(1);
    expect(teams().length).toBe(n);
    expect(byName('县综合应急救援大队')?.headcount).toBe(50);
  });

  it('reads a GBK CSV and a BOM CSV', async () => {
    const gbk = iconv.encode(HEADER + '白杨镇森林扑火队,森林消防,乡镇级,20,王五,13900000000,风力灭火机×10,白杨林场,111.2,30.2,\n', 'gbk');
    expect((await upload(gbk, 'csv')).body).toEqual({ imported: 1, rejected: [] });
    expect(byName('白杨镇森林扑火队')?.kind).toBe('forest-fire');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name,kind,level,headcount,leader,phone,lon,lat\nHazmat unit,hazmat,county,8,Zhao,110,111.3,30.3\n')]);
    expect((await upload(bom, 'csv')).body.imported).toBe(1);
    expect(byName('Hazmat unit')?.kind).toBe('hazmat');
  });

  it('imports an XLSX with numeric cells, converting GCJ-02 coordinates once', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('队伍');
    ws.addRow(['队伍名称', '类别', '级别', '人数', '负责人', '联系电话', '经度', '纬度']);
    ws.addRow(['矿山救护队', '矿山救护', '县级', 30, '钱六', '13700000000', 111.4, 30.4]);
    expect((await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx', 'commander', 'gcj02')).body.imported).toBe(1);
    const [lon, lat] = byName('矿山救护队')!.base.lonLat;
    expect(lon).not.toBe(111.4); // shifted back from the Chinese web-map datum (a few hundred metres)
    expect(Math.abs(lon - 111.4)).toBeLessThan(0.01);
    expect(Math.abs(lat - 30.4)).toBeLessThan(0.01);
  });

  it('refuses the whole file over bad rows, each with its row and reason; nothing is written', async () => {
    const n = teams().length;
    const csv =
      HEADER +
      '好队伍,防汛,县级,10,甲,110,,驻地,111,30,\n' + // row 2: fine
      '坏类别,潜水,县级,10,甲,110,,驻地,111,30,\n' + // row 3
      '坏人数,防汛,县级,十,甲,110,,驻地,111,30,\n' + // row 4
      '坏坐标,防汛,县级,10,甲,110,,驻地,30,111,\n' + // row 5: swapped
      '坏乡镇,防汛,乡镇级,10,甲,110,,驻地,111,30,无此镇\n' + // row 6
      '好队伍,防汛,县级,10,甲,110,,驻地,111,30,\n' + // row 7: twice in the file
      '坏电话,防汛,县级,10,甲,call me,,驻地,111,30,\n'; // row 8
    const res = await upload(csv, 'csv');
    expect(res.status).toBe(422);
    expect(res.body.rejected!.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(res.body.rejected!.map((r) => r.reason).join('\n')).toMatch(/类别[\s\S]*人数[\s\S]*outside China[\s\S]*乡镇[\s\S]*twice[\s\S]*phone/);
    expect(res.body.rejected!.map((r) => r.code)).toEqual(['unknown-kind', 'not-a-whole-number', 'outside-china', 'unknown-township', 'name-twice', 'invalid-value']);
    expect(res.body.rejected!.map((r) => r.params)).toEqual([
      { column: '队伍类别', field: 'kind', value: '潜水' },
      { column: '人数', field: 'headcount', value: '十' },
      { lon: 30, lat: 111 },
      { township: '无此镇' },
      { name: '好队伍' },
      { column: '联系电话', field: 'phone' },
    ]);
    expect(teams().length).toBe(n);
    expect(byName('好队伍')).toBeUndefined();
  });

  it('refuses unreadable files (400), duty officers (403) and huge bodies (413)', async () => {
    expect((await upload('名称\nx\n', 'csv')).body.message).toMatch(/类别 \(kind\)/);
    expect((await upload(Buffer.from('PK nonsense'), 'xlsx')).status).toBe(400);
    expect((await upload(HEADER + 'x,防汛,县级,1,a,110,,b,111,30,\n', 'csv', 'duty')).status).toBe(403);
    expect((await upload(Buffer.alloc(5 * 1024 * 1024, 0x41), 'csv')).status).toBe(413);
  });
});
