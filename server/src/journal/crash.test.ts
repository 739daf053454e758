import { afterAll, describe, expect, it } from 'vitest';
import type { JournalEvent } from '@watchfloor/shared';
import { freePort, spawnServer } from '../testing/server-process.js';
import { tempDataDir } from '../testing/temp-dir.js';
import { login, postJson } from '../testing/test-server.js';

const dir = tempDataDir();
afterAll(() => dir.remove());

async function allEvents(url: string, token: string): Promise<JournalEvent[]> {
  const events: JournalEvent[] = [];
  for (;;) {
    const after = events.length ? events[events.length - 1]!.seq : 0;
    const res = await fetch(`${url}/api/journal/events?after=${after}&limit=5000`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await res.json()) as JournalEvent[];
    if (page.length === 0) return events;
    events.push(...page);
  }
}

describe('durability', () => {
  it('keeps every acknowledged command when the process is killed hard mid-burst', async () => {
    const port = await freePort();
    const first = await spawnServer(dir.dir, port);
    const token = await login(first.url, 'duty');
    const acked: Array<{ content: string; id: string; seq: number }> = [];
    let n = 0;
    let stop = false;
    // 20 writers post as fast as they can; SIGKILL lands while many requests are in flight.
    const writers = Array.from({ length: 20 }, async () => {
      while (!stop) {
        const content = `burst ${n++}`;
        try {
          const res = await postJson(first.url, '/api/duty-log', { content }, token);
          if (res.status === 201) acked.push({ content, id: String(res.body.id), seq: Number(res.body.seq) });
        } catch {
          return; // connection refused or reset: the server is gone
        }
      }
    });
    while (acked.length < 300) {
      if (first.child.exitCode !== null) throw new Error('the server died before the kill');
      await new Promise((r) => setTimeout(r, 5));
    }
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await exited;

    const second = await spawnServer(dir.dir, port);
    const events = await allEvents(second.url, await login(second.url, 'duty'));
    second.child.kill('SIGTERM');

    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1)); // gap-free
    const bySeq = new Map(events.map((e) => [e.seq, e]));
    for (const a of acked) {
      const e = bySeq.get(a.seq);
      expect(e?.type).toBe('duty-log:recorded');
      expect(e?.data).toMatchObject({ id: a.id, content: a.content });
    }
    expect(acked.length).toBeGreaterThanOrEqual(300);
  }, 60_000);
});
