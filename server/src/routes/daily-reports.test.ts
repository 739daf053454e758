import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../journal/clock.js';
import { login, postJson, startTestServer, tempDataDir, type TestServer } from '../testing/test-server.js';

// 2024-10-09 15:00 CST; the daily deadline is 16:00 CST (08:00Z).
let server: TestServer;
let dir: { remove(): void; dir: string };
const clock = new ManualClock('2024-10-09T07:00:00.000Z');
const tokens: Record<string, string> = {};

beforeAll(async () => {
  dir = tempDataDir();
  server = await startTestServer(dir.dir, {}, { clock, tickIntervalMs: false });
  for (const u of ['duty', 'commander', 'reporter', 'admin']) tokens[u] = await login(server.url, u);
  const region = {
    county: { code: '429901', name: '示范县', center: [111, 30] },
    townships: [
      { code: '429901101000', name: '青石镇', center: [111, 30] },
      { code: '429901102000', name: '白杨镇', center: [111.1, 30] },
    ],
    villages: [],
  };
  expect((await cmd('region:define', region, 'admin')).status).toBe(201);
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

const cmd = (type: string, body: unknown, user = 'reporter') => postJson(server.url, `/api/commands/${type}`, body, tokens[user]);
const today = async () => (await (await fetch(`${server.url}/api/daily-reports/today`, { headers: { authorization: `Bearer ${tokens.duty}` } })).json()) as {
  day: string;
  reported: number;
  units: Array<{ code: string; report: { nil: boolean; late: boolean } | null; overdue: boolean; chased: boolean }>;
};

describe('daily reports (日报告)', () => {
  it('lists townships and configured departments; a reporter submits a report or a nil report', async () => {
    expect((await cmd('daily-report:configure', { deadline: '16:00', departments: [{ code: 'water', name: '县水利局' }] }, 'reporter')).status).toBe(403);
    expect((await cmd('daily-report:configure', { deadline: '16:00', departments: [{ code: 'water', name: '县水利局' }] }, 'commander')).status).toBe(201);
    expect((await cmd('daily-report:submit', { unitCode: '429901101000', nil: true })).status).toBe(201);
    const s = await today();
    expect(s.day).toBe('2024-10-09');
    expect(s.units.map((u) => u.code)).toEqual(['429901101000', '429901102000', 'water']);
    expect(s.reported).toBe(1);
    expect(s.units[0]!.report).toMatchObject({ nil: true, late: false });
  });

  it('refuses a report without content, and unknown units, naming the field', async () => {
    const empty = await cmd('daily-report:submit', { unitCode: '429901102000', nil: false });
    expect(empty.status).toBe(400);
    expect(empty.body.field).toBe('content');
    expect((await cmd('daily-report:submit', { unitCode: 'nowhere', nil: true })).body.field).toBe('unitCode');
  });

  it('chases the units still missing after the deadline, once; a late report is marked late', async () => {
    clock.set('2024-10-09T07:59:00.000Z');
    expect(await server.app.tick()).toBe(0);
    clock.set('2024-10-09T08:00:00.000Z');
    expect(await server.app.tick()).toBe(1);
    expect(await server.app.tick()).toBe(0);
    const s = await today();
    expect(s.units.filter((u) => u.chased).map((u) => u.code)).toEqual(['429901102000', 'water']);
    clock.set('2024-10-09T08:30:00.000Z');
    expect((await cmd('daily-report:submit', { unitCode: 'water', nil: false, content: '水库水位正常' })).status).toBe(201);
    expect((await today()).units[2]!.report).toMatchObject({ nil: false, late: true });
  });

  it('starts a new day at midnight CST (16:00Z), with nobody reported', async () => {
    clock.set('2024-10-09T16:00:00.000Z');
    const s = await today();
    expect(s.day).toBe('2024-10-10');
    expect(s.reported).toBe(0);
    expect(s.units.every((u) => !u.overdue)).toBe(true);
  });

  it('a handover lists what is open from the record, plus notes; only the incoming leader acknowledges it', async () => {
    const inc = await cmd('incident:record', { title: '白杨镇民房垮塌', type: 'accident', level: 4, place: '白杨镇', occurredAt: '2024-10-10T00:10:00+08:00', source: 'phone', summary: '一处民房垮塌' }, 'duty');
    expect(inc.status).toBe(201);
    const res = await cmd('handover:submit', { notes: '注意石门村裂缝监测' }, 'duty');
    expect(res.status).toBe(201);
    const h = server.app.journal.current.handovers.recent[0]!;
    expect(h.notes).toBe('注意石门村裂缝监测');
    expect(h.items.filter((i) => i.kind === 'report-due').map((i) => i.ref)).toEqual([inc.body.reportId]);
    expect(h.items.filter((i) => i.kind === 'daily-report-missing')).toHaveLength(3);
    expect((await cmd('handover:acknowledge', { id: h.id }, 'duty')).status).toBe(403);
    expect((await cmd('handover:acknowledge', { id: h.id }, 'commander')).status).toBe(201);
    expect(server.app.journal.current.handovers.recent[0]).toMatchObject({ acknowledgedBy: 'commander', submittedBy: 'duty' });
    expect((await cmd('handover:acknowledge', { id: h.id }, 'commander')).status).toBe(409);
  });
});
