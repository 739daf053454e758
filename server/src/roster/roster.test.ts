import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onDutyAt } from '@watchfloor/shared';
import { ManualClock } from '../journal/clock.js';
import { login, postJson, startTestServer, tempDataDir, type TestServer } from '../testing/test-server.js';

// 2026-11-30 10:00 CST: every roster below is in the future.
const clock = new ManualClock('2026-11-30T02:00:00.000Z');
let server: TestServer;
let dir: { remove(): void; dir: string };
const tokens: Record<string, string> = {};

beforeAll(async () => {
  dir = tempDataDir();
  server = await startTestServer(dir.dir, {}, { clock, tickIntervalMs: false });
  for (const u of ['duty', 'commander', 'reporter']) tokens[u] = await login(server.url, u);
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

async function upload(body: Buffer | string, format: 'csv' | 'xlsx', user = 'duty') {
  const res = await fetch(`${server.url}/api/roster/import?format=${format}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': format === 'csv' ? 'text/csv' : 'application/octet-stream' },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as { imported?: number; rejected?: Array<{ row: number; reason: string }>; message?: string; detail?: { code: string; params: Record<string, unknown> } } };
}
const shifts = () => server.app.journal.current.shifts.shifts;
const onDuty = (iso: string) => onDutyAt(server.app.journal.current.shifts, new Date(iso)).current;

const HEADER = '日期,开始时间,结束时间,带班领导,值班员1,值班员2\n';

describe('roster import (排班表导入)', () => {
  it('imports a UTF-8 CSV; a night shift ends the next morning (CST)', async () => {
    const csv = HEADER + '2026-12-01,08:00,20:00,王建国,李明,张伟\n2026-12-01,20:00,08:00,赵强,刘洋,陈静\n';
    expect(await upload(csv, 'csv')).toEqual({ status: 201, body: { imported: 2, rejected: [] } });
    expect(onDuty('2026-12-01T13:00:00.000Z')).toMatchObject({ leader: '赵强', officers: ['刘洋', '陈静'], start: '2026-12-01T12:00:00.000Z', end: '2026-12-02T00:00:00.000Z' });
  });

  it('imports a CSV with a UTF-8 BOM (Excel "CSV UTF-8")', async () => {
    const csv = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEADER + '2026/12/2,8:00,20:00,王建国,李明,张伟\n')]);
    expect((await upload(csv, 'csv')).body).toEqual({ imported: 1, rejected: [] });
    expect(onDuty('2026-12-02T01:00:00.000Z')?.leader).toBe('王建国');
  });

  it('detects a GBK CSV (what Chinese Excel saves) and reads its names', async () => {
    const gbk = iconv.encode('日期,开始时间,结束时间,带班领导,值班员\n2026年12月3日,08:00,08:00,钱国栋,孙丽、周敏\n', 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow(); // really not UTF-8
    expect((await upload(gbk, 'csv')).body).toEqual({ imported: 1, rejected: [] });
    expect(onDuty('2026-12-03T12:00:00.000Z')).toMatchObject({ leader: '钱国栋', officers: ['孙丽', '周敏'], end: '2026-12-04T00:00:00.000Z' });
  });

  it('imports an XLSX with date cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('12月排班');
    ws.addRow(['日期', '开始时间', '结束时间', '带班领导', '值班员1', '值班员2']);
    ws.addRow([new Date(Date.UTC(2026, 11, 5)), '08:00', '20:00', '吴刚', '郑红', '冯军']);
    ws.addRow([new Date(Date.UTC(2026, 11, 5)), '20:00', '08:00', '褚明', '卫东', '蒋平']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await upload(buf, 'xlsx')).body).toEqual({ imported: 2, rejected: [] });
    expect(onDuty('2026-12-05T05:00:00.000Z')?.leader).toBe('吴刚');
    expect(onDuty('2026-12-05T23:00:00.000Z')?.leader).toBe('褚明');
  });

  it('refuses the whole file over bad rows, naming each row and its reason; nothing is written', async () => {
    const before = shifts().length;
    const csv =
      HEADER +
      '2026-12-10,08:00,20:00,王建国,李明,张伟\n' + // row 2: fine
      '2026-12-10,20:00,08:00,赵强,刘洋,\n' + // row 3: one officer
      '2026-12-32,08:00,20:00,王建国,李明,张伟\n' + // row 4: no such date
      '\n' + // row 5: blank, skipped
      '2026-12-11,8点半,20:00,王建国,李明,张伟\n' + // row 6: bad time
      '2026-12-12,08:00,20:00,王建国,王建国,张伟\n' + // row 7: the same person twice
      '2026-12-10,12:00,22:00,赵强,刘洋,陈静\n'; // row 8: overlaps row 2
    const res = await upload(csv, 'csv');
    expect(res.status).toBe(422);
    expect(res.body.imported).toBe(0);
    expect(res.body.rejected!.map((r) => r.row)).toEqual([3, 4, 6, 7, 8]);
    expect(res.body.rejected![0]!.reason).toMatch(/two officers/);
    expect(res.body.rejected![1]!.reason).toMatch(/日期/);
    expect(res.body.rejected![2]!.reason).toMatch(/开始时间/);
    expect(res.body.rejected![3]!.reason).toMatch(/three different people/);
    expect(res.body.rejected![4]!.reason).toMatch(/overlaps the shift starting 2026-12-10 08:00/);
    expect(shifts().length).toBe(before);
  });

  it('refuses a roster overlapping shifts on record, all or nothing', async () => {
    const before = shifts().length;
    const csv = HEADER + '2026-12-20,08:00,20:00,王建国,李明,张伟\n2026-12-01,19:00,21:00,赵强,刘洋,陈静\n';
    const res = await upload(csv, 'csv');
    expect(res.status).toBe(422);
    expect(res.body.rejected).toEqual([{ row: 3, code: 'overlaps-on-record', params: { start: '2026-12-01 08:00', end: '2026-12-01 20:00' }, reason: expect.stringMatching(/overlaps the shift on record 2026-12-01 08:00–2026-12-01 20:00/) }]);
    expect(shifts().length).toBe(before); // the good row 2 was not imported either
    expect(onDuty('2026-12-20T01:00:00.000Z')).toBeNull();
  });

  it('the command itself validates the roster as a whole', async () => {
    const overlapping = { shifts: [
      { start: '2026-12-25T08:00:00+08:00', end: '2026-12-25T20:00:00+08:00', leader: 'A', officers: ['B', 'C'] },
      { start: '2026-12-25T19:00:00+08:00', end: '2026-12-26T08:00:00+08:00', leader: 'D', officers: ['E', 'F'] },
    ] };
    const res = await postJson(server.url, '/api/commands/roster:import', overlapping, tokens.duty);
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('shifts.1');
    const one = await postJson(server.url, '/api/commands/roster:import', { shifts: [{ ...overlapping.shifts[0], officers: ['B'] }] }, tokens.duty);
    expect(one.status).toBe(400);
  });

  it('refuses unreadable files with a 400 naming what is wrong, reporters with 403, huge bodies with 413', async () => {
    const noColumns = await upload('name,phone\nx,1\n', 'csv');
    expect(noColumns.body.message).toMatch(/开始时间 \(start\)/);
    expect(noColumns.body.detail).toEqual({ code: 'missing-column', params: { columns: '开始时间 (start), 结束时间 (end), 带班领导 (leader)' } });
    const notZip = await upload(Buffer.from('not a zip'), 'xlsx');
    expect(notZip.body.message).toMatch(/XLSX/);
    expect(notZip.body.detail).toEqual({ code: 'not-a-spreadsheet', params: { format: 'XLSX' } });
    const unterminated = await upload('"unterminated\n', 'csv');
    expect(unterminated.status).toBe(400);
    expect(unterminated.body.detail?.code).toBe('broken-csv-quote');
    expect((await upload('', 'csv')).body.detail).toEqual({ code: 'empty-file', params: {} });
    expect((await upload(HEADER + '2026-12-21,08:00,20:00,甲,乙,丙\n', 'csv', 'reporter')).status).toBe(403);
    expect((await upload(Buffer.alloc(3 * 1024 * 1024, 0x41), 'csv')).status).toBe(413);
    expect(server.app.journal.current.shifts.shifts.some((s) => s.leader === '甲')).toBe(false);
  });
});

describe('swaps and substitutes (换班、替班)', () => {
  const cmd = (type: string, body: unknown, user = 'commander') => postJson(server.url, `/api/commands/${type}`, body, tokens[user]);
  const idAt = (iso: string) => onDuty(iso)!.id;

  it('a commander approves a swap; who is on duty follows it, and the change is on record', async () => {
    const day = idAt('2026-12-01T01:00:00.000Z'); // 王建国 / 李明 / 张伟
    const night = idAt('2026-12-01T13:00:00.000Z'); // 赵强 / 刘洋 / 陈静
    const swap = { shiftId: day, person: '李明', withShiftId: night, withPerson: '陈静', reason: '家中有事' };
    expect((await cmd('shift:swap', swap, 'duty')).status).toBe(403); // an officer cannot approve it
    expect((await cmd('shift:swap', swap)).status).toBe(201);
    expect(onDuty('2026-12-01T01:00:00.000Z')?.officers).toEqual(['陈静', '张伟']);
    expect(onDuty('2026-12-01T13:00:00.000Z')?.officers).toEqual(['刘洋', '李明']);
    expect(onDuty('2026-12-01T13:00:00.000Z')?.changes).toEqual([{ kind: 'swap', out: '陈静', in: '李明', approvedBy: 'commander', at: clock.now().toISOString(), reason: '家中有事' }]);
  });

  it('refuses a swap that double-books someone or names someone not on the shift', async () => {
    const day = idAt('2026-12-01T01:00:00.000Z');
    const night = idAt('2026-12-01T13:00:00.000Z');
    expect((await cmd('shift:swap', { shiftId: day, person: '路人', withShiftId: night, withPerson: '刘洋' })).body.field).toBe('person');
    expect((await cmd('shift:swap', { shiftId: day, person: '张伟', withShiftId: night, withPerson: '路人' })).body.field).toBe('withPerson');
    expect((await cmd('shift:swap', { shiftId: day, person: '张伟', withShiftId: day, withPerson: '陈静' })).body.field).toBe('withShiftId');
    expect(onDuty('2026-12-01T01:00:00.000Z')?.officers).toEqual(['陈静', '张伟']); // unchanged
  });

  it('a substitute takes the leader slot; a past shift cannot be changed', async () => {
    const id = idAt('2026-12-02T01:00:00.000Z');
    expect((await cmd('shift:substitute', { shiftId: id, out: '王建国', in: '钱国栋', reason: '出差' })).status).toBe(201);
    expect(onDuty('2026-12-02T01:00:00.000Z')).toMatchObject({ leader: '钱国栋', changes: [{ kind: 'substitute', out: '王建国', in: '钱国栋', approvedBy: 'commander' }] });
    expect((await cmd('shift:substitute', { shiftId: id, out: '李明', in: '张伟' })).body.field).toBe('in'); // 张伟 is already on it
    clock.set('2026-12-03T00:00:00.000Z');
    expect((await cmd('shift:substitute', { shiftId: id, out: '钱国栋', in: '王建国' })).status).toBe(409);
  });
});
