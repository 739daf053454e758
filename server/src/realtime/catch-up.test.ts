import { describe, expect, it } from 'vitest';
import { initialState, LIMITS, type JournalEvent } from '@watchfloor/shared';
import { catchUp, type CatchUpSource } from './catch-up.js';

const ev = (seq: number): JournalEvent => ({ seq, type: 'test:happened', at: new Date(0).toISOString(), actor: { user: 'u', role: 'duty' }, data: {} });

/** An in-memory journal whose head can move while a read is in flight, like the real one. */
function memorySource(count: number, onRead?: (source: { append(): void }) => void): CatchUpSource & { log: JournalEvent[]; live: JournalEvent[]; append(): void; joined: boolean } {
  const src = {
    journalId: 'j1',
    log: Array.from({ length: count }, (_, i) => ev(i + 1)),
    live: [] as JournalEvent[],
    joined: false,
    get head() {
      return this.log.length;
    },
    get current() {
      return { ...initialState(), seq: this.log.length };
    },
    append() {
      const e = ev(this.log.length + 1);
      this.log.push(e);
      if (this.joined) this.live.push(e); // broadcast only reaches sockets in the live room
    },
    async readAfter(after: number, limit: number) {
      const page = this.log.filter((e) => e.seq > after).slice(0, limit);
      onRead?.(src);
      return page;
    },
  };
  return src;
}

function sinkFor(src: ReturnType<typeof memorySource>) {
  const got: number[] = [];
  const snapshots: number[] = [];
  return {
    got,
    snapshots,
    sink: {
      event: (e: JournalEvent) => got.push(e.seq),
      snapshot: (s: { seq: number }) => snapshots.push(s.seq),
      goLive: () => {
        src.joined = true;
      },
      connected: true,
    },
  };
}

describe('catchUp', () => {
  it('replays everything after since, then goes live', async () => {
    const src = memorySource(10);
    const { got, sink } = sinkFor(src);
    await catchUp(src, sink, 4);
    expect(got).toEqual([5, 6, 7, 8, 9, 10]);
    expect(src.joined).toBe(true);
  });

  it('has no gap when events are committed while the replay is reading', async () => {
    let appends = 0;
    const src = memorySource(3, (s) => {
      if (appends++ < 3) s.append(); // a commit lands during every read
    });
    const { got, sink } = sinkFor(src);
    await catchUp(src, sink, 0);
    src.append(); // and one after going live
    const all = [...got, ...src.live.map((e) => e.seq)];
    expect(all).toEqual(Array.from({ length: src.head }, (_, i) => i + 1));
  });

  it('sends a snapshot to a client too far behind, or from another journal, or ahead of the head', async () => {
    const far = memorySource(LIMITS.MAX_REPLAY_EVENTS + 10);
    const a = sinkFor(far);
    await catchUp(far, a.sink, 1);
    expect(a.snapshots).toEqual([far.head]);
    expect(a.got).toEqual([]);

    const other = memorySource(5);
    const b = sinkFor(other);
    await catchUp(other, b.sink, 3, 'another-journal');
    expect(b.snapshots).toEqual([5]);

    const ahead = memorySource(5);
    const c = sinkFor(ahead);
    await catchUp(ahead, c.sink, 99, 'j1');
    expect(c.snapshots).toEqual([5]);
  });

  it('refuses to go live past a hole in the store', async () => {
    const src = memorySource(5);
    src.readAfter = async () => [];
    await expect(catchUp(src, sinkFor(src).sink, 0)).rejects.toThrow(/head is 5/);
  });
});
