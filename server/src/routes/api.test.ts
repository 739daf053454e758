import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, postJson, startTestServer, tempDataDir, type TestServer } from '../testing/test-server.js';

let server: TestServer;
let dir: { remove(): void; dir: string };
let dutyToken: string;

beforeAll(async () => {
  dir = tempDataDir();
  server = await startTestServer(dir.dir);
  dutyToken = await login(server.url, 'duty');
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

describe('REST contract', () => {
  it('answers health', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', store: 'sqlite' });
  });

  it('tells browsers to load nothing from anywhere but this server', async () => {
    const csp = (await fetch(`${server.url}/api/health`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:\/\//);
  });

  it('describes every REST route in OpenAPI 3', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/health', '/api/auth/login', '/api/duty-log', '/api/commands/{type}', '/api/journal/events', '/api/map/style.json']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('logs in with a role, and refuses wrong passwords and unknown users alike', async () => {
    const ok = await postJson(server.url, '/api/auth/login', { username: 'commander', password: 'demo' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ role: 'commander', user: 'commander' });
    expect(ok.body.expiresAt).toEqual(expect.any(String));
    expect((await postJson(server.url, '/api/auth/login', { username: 'commander', password: 'nope' })).status).toBe(401);
    expect((await postJson(server.url, '/api/auth/login', { username: 'ghost', password: 'demo' })).status).toBe(401);
  });

  it("gives the wall a credential that never expires", async () => {
    const res = await postJson(server.url, '/api/auth/login', { username: 'wall', password: 'demo' });
    expect(res.body.expiresAt).toBeNull();
    const payload = JSON.parse(Buffer.from(String(res.body.token).split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(payload.exp).toBeUndefined();
  });

  it('records a duty-log entry and answers 201 {id, seq}', async () => {
    const res = await postJson(server.url, '/api/duty-log', { content: '青石镇报告：河水上涨', source: 'phone', caller: '张三' }, dutyToken);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^log_/), seq: expect.any(Number) });
  });

  it('applies a retry with the same Idempotency-Key once, with the first answer', async () => {
    const headers = { 'idempotency-key': 'retry-key-0001' };
    const first = await postJson(server.url, '/api/duty-log', { content: 'once' }, dutyToken, headers);
    const head = server.app.journal.head;
    const second = await postJson(server.url, '/api/duty-log', { content: 'once' }, dutyToken, headers);
    expect(second).toEqual(first);
    expect(server.app.journal.head).toBe(head);
  });

  it('refuses bad input with a 4xx naming the field, writing nothing', async () => {
    const head = server.app.journal.head;
    const empty = await postJson(server.url, '/api/duty-log', { content: '' }, dutyToken);
    expect(empty.status).toBe(400);
    expect(empty.body.field).toBe('content');
    const badSource = await postJson(server.url, '/api/duty-log', { content: 'x', source: 'carrier-pigeon' }, dutyToken);
    expect(badSource.status).toBe(400);
    expect(badSource.body.field).toBe('source');
    const extra = await postJson(server.url, '/api/duty-log', { content: 'x', admin: true }, dutyToken);
    expect(extra.status).toBe(400);
    expect(String(extra.body.message)).toMatch(/admin/);
    const notJson = await postJson(server.url, '/api/duty-log', '{"content": ', dutyToken);
    expect(notJson.status).toBe(400);
    const badKey = await postJson(server.url, '/api/duty-log', { content: 'x' }, dutyToken, { 'idempotency-key': 'a b' });
    expect(badKey.status).toBe(400);
    expect(server.app.journal.head).toBe(head);
  });

  it('refuses prototype-pollution keys and oversized bodies', async () => {
    const head = server.app.journal.head;
    const proto = await postJson(server.url, '/api/duty-log', '{"content":"x","__proto__":{"isAdmin":true}}', dutyToken);
    expect(proto.status).toBe(400);
    const ctor = await postJson(server.url, '/api/duty-log', '{"content":"x","constructor":{"prototype":{"isAdmin":true}}}', dutyToken);
    expect(ctor.status).toBe(400);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    const huge = await postJson(server.url, '/api/duty-log', { content: 'x'.repeat(400 * 1024) }, dutyToken);
    expect(huge.status).toBe(413);
    expect(server.app.journal.head).toBe(head);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('refuses missing and forged tokens', async () => {
    expect((await postJson(server.url, '/api/duty-log', { content: 'x' })).status).toBe(401);
    const [h, p] = dutyToken.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'admin', role: 'admin', name: 'x' })).toString('base64url');
    expect((await postJson(server.url, '/api/duty-log', { content: 'x' }, `${h}.${forgedPayload}.${dutyToken.split('.')[2]}`)).status).toBe(401);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
    expect((await postJson(server.url, '/api/duty-log', { content: 'x' }, none)).status).toBe(401);
  });

  it('allows each command to its roles only; the wall never writes', async () => {
    for (const user of ['wall', 'reporter', 'team']) {
      const token = await login(server.url, user);
      const res = await postJson(server.url, '/api/duty-log', { content: `from ${user}` }, token);
      expect(res.status, user).toBe(403);
    }
    const admin = await login(server.url, 'admin');
    expect((await postJson(server.url, '/api/commands/duty-log:record', { content: 'admin call' }, admin)).status).toBe(201);
    expect((await postJson(server.url, '/api/commands/nope:do', {}, admin)).status).toBe(400);
  });

  it('keeps the audit of who, when and from where', async () => {
    const token = await login(server.url, 'commander');
    const res = await fetch(`${server.url}/api/journal/commands?limit=5`, { headers: { authorization: `Bearer ${token}` } });
    const rows = (await res.json()) as Array<{ actor: { user: string }; originIp: string; channel: string }>;
    expect(rows.some((r) => r.actor.user === 'duty' && r.originIp === '127.0.0.1' && r.channel === 'rest')).toBe(true);
    const dutyRes = await fetch(`${server.url}/api/journal/commands`, { headers: { authorization: `Bearer ${dutyToken}` } });
    expect(dutyRes.status).toBe(403);
  });
});
