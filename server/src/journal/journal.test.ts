import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '@watchfloor/shared';
import { createSqliteStore } from '../store/sqlite.js';
import { tempDataDir } from '../testing/temp-dir.js';
import { Journal, type IncomingCommand } from './journal.js';

const duty = { user: 'duty', role: 'duty' as const };
const cmd = (content: string, extra: Partial<IncomingCommand> = {}): IncomingCommand => ({
  type: 'duty-log:record',
  payload: { content },
  actor: duty,
  originIp: '127.0.0.1',
  channel: 'rest',
  idempotencyKey: null,
  ...extra,
});

const dirs: Array<{ remove(): void }> = [];
async function openJournal(dir?: string) {
  const d = dir ? { dir, remove() {} } : tempDataDir();
  dirs.push(d);
  const journal = new Journal(createSqliteStore(d.dir));
  await journal.open();
  return { journal, dir: d.dir };
}
afterEach(() => {
  while (dirs.length) dirs.pop()!.remove();
});

describe('Journal', () => {
  it('assigns global, gap-free sequence numbers across concurrent commands', async () => {
    const { journal } = await openJournal();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => journal.submit(cmd(`call ${i}`))));
    const seqs = results.map((r) => r.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const events = await journal.readAfter(0, 100);
    expect(events.map((e) => e.seq)).toEqual(seqs);
    await journal.close();
  });

  it('groups commands that arrive together into one commit (one listener call)', async () => {
    const { journal } = await openJournal();
    const batches: number[] = [];
    journal.subscribe((events) => batches.push(events.length));
    await Promise.all(Array.from({ length: 20 }, (_, i) => journal.submit(cmd(`c${i}`))));
    expect(batches).toEqual([20]);
    await journal.close();
  });

  it('applies a retried command once and answers with the first result', async () => {
    const { journal } = await openJournal();
    const first = await journal.submit(cmd('flooding at 龙潭村', { idempotencyKey: 'key-00000001' }));
    const again = await journal.submit(cmd('flooding at 龙潭村', { idempotencyKey: 'key-00000001' }));
    const concurrent = await Promise.all([
      journal.submit(cmd('x', { idempotencyKey: 'key-00000002' })),
      journal.submit(cmd('x', { idempotencyKey: 'key-00000002' })),
    ]);
    expect(again).toEqual(first);
    expect(concurrent[0]).toEqual(concurrent[1]);
    expect(journal.head).toBe(2);
    expect(journal.current.dutyLog.total).toBe(2);
    await journal.close();
  });

  it('scopes idempotency keys per user', async () => {
    const { journal } = await openJournal();
    await journal.submit(cmd('a', { idempotencyKey: 'shared-key-1' }));
    await journal.submit(cmd('b', { idempotencyKey: 'shared-key-1', actor: { user: 'commander', role: 'commander' } }));
    expect(journal.head).toBe(2);
    await journal.close();
  });

  it('refuses bad payloads, unknown types and forbidden roles, writing nothing', async () => {
    const { journal } = await openJournal();
    await expect(journal.submit(cmd('   '))).rejects.toMatchObject({ code: 'invalid', field: 'content' });
    await expect(journal.submit({ ...cmd('x'), payload: { content: 'x', evil: 1 } })).rejects.toMatchObject({ code: 'invalid' });
    await expect(journal.submit({ ...cmd('x'), type: 'nope:do' })).rejects.toBeInstanceOf(DomainError);
    await expect(journal.submit(cmd('x', { actor: { user: 'wall', role: 'wall' } }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(journal.submit(cmd('x', { actor: { user: 'r', role: 'reporter' } }))).rejects.toMatchObject({ code: 'forbidden' });
    expect(journal.head).toBe(0);
    expect(await journal.readAfter(0, 10)).toEqual([]);
    await journal.close();
  });

  it('rebuilds the read model from the journal after a restart', async () => {
    const { journal, dir } = await openJournal();
    for (let i = 0; i < 5; i++) await journal.submit(cmd(`entry ${i}`));
    const before = journal.current;
    await journal.close();
    const { journal: reopened } = await openJournal(dir);
    expect(reopened.head).toBe(5);
    expect(reopened.current).toEqual(before);
    await reopened.close();
  });

  it('rebuilds from a snapshot plus the events after it, to the same state', async () => {
    const { journal, dir } = await openJournal();
    for (let i = 0; i < 3; i++) await journal.submit(cmd(`before ${i}`));
    await journal.snapshot();
    for (let i = 0; i < 2; i++) await journal.submit(cmd(`after ${i}`));
    const expected = journal.current;
    await journal.close();
    const { journal: reopened } = await openJournal(dir);
    expect(reopened.current).toEqual(expected);
    expect(reopened.current.dutyLog.recent[0]!.content).toBe('after 1');
    await reopened.close();
  });

  it('ignores a snapshot made by another read-model layout and folds the journal instead', async () => {
    const { journal, dir } = await openJournal();
    for (let i = 0; i < 3; i++) await journal.submit(cmd(`entry ${i}`));
    const expected = journal.current;
    await journal.close();
    // A snapshot from before the duty log existed: its state lacks the slice entirely.
    const store = createSqliteStore(dir);
    await store.open();
    const { dutyLog: _gone, ...old } = expected;
    await store.saveSnapshot(3, JSON.stringify({ layout: '0:region,seq,shifts', state: old }));
    await store.saveSnapshot(3, JSON.stringify(old)); // and one from before snapshots had a layout
    await store.close();
    const { journal: reopened } = await openJournal(dir);
    expect(reopened.current).toEqual(expected);
    await reopened.close();
  });

  it('records who, when and from where for every accepted command', async () => {
    const { journal } = await openJournal();
    await journal.submit(cmd('audit me', { originIp: '10.1.2.3', channel: 'socket' }));
    const [row] = await journal.listCommands(10);
    expect(row).toMatchObject({ type: 'duty-log:record', actor: duty, originIp: '10.1.2.3', channel: 'socket', lastSeq: 1 });
    expect(Date.parse(row!.committedAt)).toBeGreaterThan(0);
    await journal.close();
  });

  it('marks events of drill commands as exercise', async () => {
    const { journal } = await openJournal();
    await journal.submit(cmd('drill call', { exercise: true }));
    const [event] = await journal.readAfter(0, 1);
    expect(event!.exercise).toBe(true);
    expect(journal.current.dutyLog.recent[0]!.exercise).toBe(true);
    await journal.close();
  });
});
