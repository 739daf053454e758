import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident, Report } from '@watchfloor/shared';
import { ManualClock } from '../journal/clock.js';
import { login, postJson, startTestServer, tempDataDir, type TestServer } from '../testing/test-server.js';

// 2024-10-09 20:05 CST: the crack above the two villages has just been reported.
const START = '2024-10-09T12:05:00.000Z';
let server: TestServer;
let dir: { remove(): void; dir: string };
let clock: ManualClock;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  dir = tempDataDir();
  clock = new ManualClock(START);
  server = await startTestServer(dir.dir, {}, { clock, tickIntervalMs: false });
  for (const u of ['duty', 'commander', 'reporter', 'wall']) tokens[u] = await login(server.url, u);
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

const cmd = (type: string, body: unknown, user = 'duty') => postJson(server.url, `/api/commands/${type}`, body, tokens[user]);
const get = async (path: string, user = 'duty') => {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${tokens[user]}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};
const state = () => server.app.journal.current.incidents;
const report = (id: unknown): Report => state().reports[String(id)]!;
const incident = (id: unknown): Incident => state().byId[String(id)]!;

const NEW_INCIDENT = {
  title: '青石镇石门村后山开裂',
  type: 'geological',
  level: 2,
  place: '青石镇石门村后山',
  location: [111.12, 30.21],
  occurredAt: '2024-10-09T20:00:00+08:00',
  source: 'township',
  reportedBy: '青石镇应急办 王建国',
  summary: '后山出现长约80米裂缝，随时可能发生滑坡，威胁石门村、桥头村',
};
const REST = { scope: '石门村、桥头村两村 59 户', trend: '裂缝仍在扩大', leadersOnScene: '县委副书记、县长 李明', actions: '启动转移预案，六支队伍出动', nextSteps: '24 小时监测', contact: '王建国 13800000000' };

describe('the report chain over HTTP', () => {
  let incidentId = '';
  let initialId = '';

  it('records an incident with its initial report and the national clocks (重大: phone 30 min, written 1 h)', async () => {
    await cmd('shift:schedule', { start: '2024-10-09T08:00:00+08:00', end: '2024-10-10T08:00:00+08:00', leader: '李明', officers: ['张伟', '王芳'] }, 'commander');
    const res = await postJson(server.url, '/api/incidents', NEW_INCIDENT, tokens.duty);
    expect(res.status).toBe(201);
    incidentId = String(res.body.id);
    initialId = String(res.body.reportId);
    expect(incident(incidentId).phoneDueAt).toBe('2024-10-09T12:35:00.000Z');
    const list = JSON.parse((await get('/api/incidents', 'wall')).text) as Array<{ id: string; reports: unknown[] }>;
    expect(list.find((i) => i.id === incidentId)!.reports).toEqual([
      { id: initialId, kind: 'initial', number: 1, status: 'draft', version: 1, dueAt: '2024-10-09T13:05:00.000Z', sentAt: null, escalatedAt: null },
    ]);
  });

  it('refuses an incident with bad input, naming the field, writing nothing', async () => {
    const head = server.app.journal.head;
    const bad = await postJson(server.url, '/api/incidents', { ...NEW_INCIDENT, level: 5 }, tokens.duty);
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('level');
    expect((await postJson(server.url, '/api/incidents', { ...NEW_INCIDENT, location: [500, 30] }, tokens.duty)).body.field).toBe('location.0');
    expect((await postJson(server.url, '/api/incidents', NEW_INCIDENT, tokens.reporter)).status).toBe(403);
    expect(server.app.journal.head).toBe(head);
  });

  it('shows what is missing, and the leader cannot approve until it is complete', async () => {
    const detail = JSON.parse((await get(`/api/incidents/${incidentId}`)).text) as { reports: Array<{ missing: string[] }> };
    expect(detail.reports[0]!.missing).toEqual(['scope', 'trend', 'leadersOnScene', 'actions', 'nextSteps', 'contact']);
    const early = await cmd('report:approve', { reportId: initialId }, 'commander');
    expect(early.status).toBe(400);
    expect(early.body.field).toBe('elements.scope');
  });

  it('lets only the leader on duty approve: not the reporter, not the duty officer', async () => {
    expect((await cmd('report:edit', { reportId: initialId, elements: REST })).status).toBe(201);
    expect((await cmd('report:approve', { reportId: initialId }, 'reporter')).status).toBe(403);
    expect((await cmd('report:approve', { reportId: initialId }, 'duty')).status).toBe(403);
    expect((await cmd('report:send', { reportId: initialId })).status).toBe(409);
    expect((await cmd('report:approve', { reportId: initialId }, 'commander')).status).toBe(201);
    expect(report(initialId)).toMatchObject({ status: 'approved', approvedBy: 'commander' });
  });

  it('an edit after approval takes the approval away', async () => {
    await cmd('report:edit', { reportId: initialId, elements: { trend: '裂缝扩大，局部掉块' } });
    expect(report(initialId)).toMatchObject({ status: 'draft', approvedBy: null });
    await cmd('report:approve', { reportId: initialId }, 'commander');
  });

  it('escalates an overdue phone report to the leader on duty, once, as an event on record', async () => {
    clock.set('2024-10-09T12:34:00.000Z');
    expect(await server.app.tick()).toBe(0);
    clock.set('2024-10-09T12:36:00.000Z');
    expect(await server.app.tick()).toBe(1);
    expect(await server.app.tick()).toBe(0);
    expect(state().escalations[0]).toMatchObject({ incidentId, what: 'phone', leader: '李明', reportId: null });
    await cmd('incident:record-phone-report', { incidentId });
  });

  it('sends the approved initial report; it opens follow-up 1 due at the next 08:00 CST; a sent report is never changed', async () => {
    clock.set('2024-10-09T12:50:00.000Z');
    const sent = await cmd('report:send', { reportId: initialId });
    expect(sent.status).toBe(201);
    expect(report(initialId)).toMatchObject({ status: 'sent', sentAt: '2024-10-09T12:50:00.000Z', sentBy: 'duty' });
    const nextId = String(sent.body.nextReportId);
    expect(report(nextId)).toMatchObject({ kind: 'follow-up', number: 1, status: 'draft', dueAt: '2024-10-10T00:00:00.000Z' });
    const edit = await cmd('report:edit', { reportId: initialId, elements: { trend: 'x' } });
    expect(edit.status).toBe(409);
    expect((await cmd('report:approve', { reportId: initialId }, 'commander')).status).toBe(409);
    expect(report(initialId).elements.trend).toBe('裂缝扩大，局部掉块');
  });

  it('renders the sent report as a print-ready form and as structured JSON', async () => {
    const doc = await get(`/api/incidents/${incidentId}/reports/${initialId}/document`);
    expect(doc.status).toBe(200);
    expect(doc.type).toContain('text/html');
    expect(doc.text).toContain('突发事件信息报告');
    expect(doc.text).toContain('首报');
    expect(doc.text).toContain('2024-10-09 20:50');
    expect(doc.text).toContain('签发：commander');
    const json = JSON.parse((await get(`/api/incidents/${incidentId}/reports/${initialId}`)).text) as { title: string; report: Report };
    expect(json.title).toBe('首报');
    expect(json.report.elements.place).toBe('青石镇石门村后山');
    const draftDoc = await get(`/api/incidents/${incidentId}/reports/${String(incident(incidentId).reportIds[1])}/document`);
    expect(draftDoc.status).toBe(409);
  });

  it('drafts follow-up 1 from what changed since the initial report', async () => {
    await cmd('incident:update-situation', { incidentId, evacuated: 139, teamsCommitted: 6 });
    const res = await cmd('report:draft', { incidentId });
    expect(res.status).toBe(201);
    const follow = report(res.body.reportId);
    expect(follow).toMatchObject({ kind: 'follow-up', number: 1, dueAt: '2024-10-10T00:00:00.000Z' });
    expect(follow.elements.evacuated).toBe(139);
    expect(follow.elements.changes).toContain('转移群众由0人增至139人');
    expect(follow.elements.changes).toContain('投入救援队伍由0支增至6支');
  });

  it('escalates an overdue follow-up once, and a correction keeps the sent version in its history', async () => {
    const followId = incident(incidentId).reportIds[1]!;
    clock.set('2024-10-10T00:00:01.000Z');
    expect(await server.app.tick()).toBe(1);
    expect(report(followId).escalatedTo).toBe(null); // the night shift ended at 08:00: nobody on the roster
    expect(await server.app.tick()).toBe(0);

    const corr = await cmd('report:correct', { reportId: initialId, reason: '来源单位更正' });
    expect(corr.status).toBe(201);
    expect(report(initialId)).toMatchObject({ version: 2, status: 'draft', correctionReason: '来源单位更正' });
    expect(report(initialId).history).toHaveLength(1);
    expect(report(initialId).history[0]).toMatchObject({ version: 1, sentAt: '2024-10-09T12:50:00.000Z' });
    // The correction does not open a second clock, nor escalate.
    expect(await server.app.tick()).toBe(0);
    const old = await get(`/api/incidents/${incidentId}/reports/${initialId}/document?version=1`);
    expect(old.status).toBe(200);
    expect(old.text).toContain('裂缝扩大，局部掉块');
  });

  it('a final report closes the incident and opens no further clock', async () => {
    const followId = incident(incidentId).reportIds[1]!;
    await cmd('report:approve', { reportId: followId }, 'commander');
    await cmd('report:send', { reportId: followId });
    const fin = await cmd('report:draft', { incidentId, kind: 'final' });
    expect(report(fin.body.reportId)).toMatchObject({ kind: 'final', dueAt: null });
    await cmd('report:approve', { reportId: fin.body.reportId }, 'commander');
    const sent = await cmd('report:send', { reportId: fin.body.reportId });
    expect(sent.body.nextReportId).toBeNull();
    expect(incident(incidentId).status).toBe('closed');
    const list = JSON.parse((await get('/api/incidents?status=open')).text) as unknown[];
    expect(list).toHaveLength(0);
    expect((await cmd('report:draft', { incidentId })).status).toBe(409);
  });
});
