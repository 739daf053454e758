import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, CommandResult } from '@watchfloor/shared';
import { login, postJson, startTestServer, tempDataDir, waitFor, watch, type TestServer, type TestSocket } from '../testing/test-server.js';

let server: TestServer;
let dir: { dir: string; remove(): void };
let duty: string;
let wall: string;

const record = (content: string) => postJson(server.url, '/api/duty-log', { content }, duty);
const seqs = (events: Array<{ seq: number }>) => events.map((e) => e.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const send = (socket: TestSocket, msg: unknown) =>
  new Promise<Ack<CommandResult>>((resolve) => (socket.emit as (...a: unknown[]) => void)('command', msg, resolve));

beforeAll(async () => {
  dir = tempDataDir();
  server = await startTestServer(dir.dir);
  duty = await login(server.url, 'duty');
  wall = await login(server.url, 'wall');
});
afterAll(async () => {
  await server?.close();
  dir.remove();
});

describe('realtime relay', () => {
  it('refuses a handshake without a valid token', async () => {
    const w = watch(server.url, 'not-a-token');
    await expect(w.synced()).rejects.toThrow(/unauthorized/);
    w.socket.close();
  });

  it('replays everything after since, then relays live events in order', async () => {
    for (let i = 0; i < 5; i++) await record(`before ${i}`);
    const head = server.app.journal.head;
    const w = watch(server.url, wall, 0);
    expect(await w.synced()).toBe(head);
    expect(seqs(w.received)).toEqual(range(1, head));
    await Promise.all(Array.from({ length: 10 }, (_, i) => record(`live ${i}`)));
    await waitFor(() => w.received.length === head + 10);
    expect(seqs(w.received)).toEqual(range(1, head + 10));
    expect(w.received[head]).toMatchObject({ type: 'duty-log:recorded', actor: { user: 'duty', role: 'duty' }, at: expect.any(String), data: expect.any(Object) });
    w.socket.close();
  });

  it('after a drop, a client that comes back with since sees every event once, in order', async () => {
    const w1 = watch(server.url, wall, server.app.journal.head);
    await w1.synced();
    const burst = Array.from({ length: 30 }, (_, i) => record(`burst ${i}`));
    await waitFor(() => w1.received.length >= 5);
    w1.socket.close(); // drop mid-burst
    const lastSeen = w1.received[w1.received.length - 1]!.seq;
    await Promise.all(burst);
    for (let i = 0; i < 5; i++) await record(`while away ${i}`);
    const w2 = watch(server.url, wall, lastSeen, server.app.journal.journalId);
    await w2.synced();
    const all = [...w1.received, ...w2.received];
    expect(seqs(all)).toEqual(range(all[0]!.seq, server.app.journal.head));
    w2.socket.close();
  });

  it('takes commands over the socket with an ack, once per id', async () => {
    const w = watch(server.url, duty, server.app.journal.head);
    await w.synced();
    const cmd = { id: 'socket-cmd-0001', type: 'duty-log:record', payload: { content: 'via socket' } };
    const first = await send(w.socket, cmd);
    const retry = await send(w.socket, cmd);
    expect(first.ok).toBe(true);
    expect(retry).toEqual(first);
    await waitFor(() => w.received.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(w.received).toHaveLength(1);
    w.socket.close();
  });

  it('answers bad socket payloads and unknown events with errors, and stays up', async () => {
    const w = watch(server.url, duty, server.app.journal.head);
    await w.synced();
    const head = server.app.journal.head;
    const missing = await send(w.socket, { type: 'duty-log:record', payload: { content: '' } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid', field: 'content' } });
    const junk = await send(w.socket, 'junk');
    expect(junk).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const pollution = await send(w.socket, JSON.parse('{"type":"duty-log:record","payload":{"content":"x","__proto__":{"polluted":1}}}'));
    expect(pollution).toMatchObject({ ok: false });
    const unknown = await new Promise((resolve) => (w.socket.emit as (...a: unknown[]) => void)('drop:tables', {}, resolve));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    (w.socket.emit as (...a: unknown[]) => void)('command'); // no payload, no ack: must not crash
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(server.app.journal.head).toBe(head);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    w.socket.close();
  });

  it('never lets the wall write over the socket', async () => {
    const w = watch(server.url, wall, server.app.journal.head);
    await w.synced();
    const res = await send(w.socket, { type: 'duty-log:record', payload: { content: 'wall tries' } });
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    w.socket.close();
  });

  it('gives a snapshot to a client from another journal, then continues live', async () => {
    const w = watch(server.url, wall, 3, 'some-other-journal');
    const at = await w.synced();
    expect(w.snapshots).toEqual([server.app.journal.head]);
    expect(w.received).toEqual([]);
    await record('after snapshot');
    await waitFor(() => w.received.length === 1);
    expect(w.received[0]!.seq).toBe(at + 1);
    w.socket.close();
  });

  it('continues without gap or duplicate across a server restart', async () => {
    const w1 = watch(server.url, wall, server.app.journal.head);
    await w1.synced();
    await record('before restart');
    await waitFor(() => w1.received.length === 1);
    const lastSeen = w1.received[0]!.seq;
    const journalId = server.app.journal.journalId;
    await server.close();
    server = await startTestServer(dir.dir);
    duty = await login(server.url, 'duty');
    for (let i = 0; i < 3; i++) await record(`after restart ${i}`);
    const w2 = watch(server.url, wall, lastSeen, journalId);
    await w2.synced();
    expect(w2.snapshots).toEqual([]);
    expect(seqs(w2.received)).toEqual(range(lastSeen + 1, lastSeen + 3));
    w1.socket.close();
    w2.socket.close();
  });
});
