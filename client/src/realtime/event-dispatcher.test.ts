import { describe, expect, it } from 'vitest';
import { initialState, type JournalEvent, type ClientState } from '@watchfloor/shared';
import { classifySeq, EventDispatcher, type ResyncReason, type StateSink } from './event-dispatcher';

function ev(seq: number): JournalEvent {
  return { seq, type: 'test:happened', at: '2024-10-09T12:00:00.000Z', actor: { user: 'duty', role: 'duty' }, data: {} };
}

function setup() {
  const applied: number[] = [];
  /** The seqs of each call to the sink: one call per consecutive run. */
  const runs: number[][] = [];
  const replaced: ClientState[] = [];
  const resyncs: ResyncReason[] = [];
  let resets = 0;
  const sink: StateSink = {
    apply: (events) => {
      runs.push(events.map((e) => e.seq));
      applied.push(...events.map((e) => e.seq));
    },
    replace: (s) => replaced.push(s),
    reset: () => {
      resets += 1;
    },
  };
  const dispatcher = new EventDispatcher(sink, (r) => resyncs.push(r));
  return { dispatcher, applied, runs, replaced, resyncs, resets: () => resets };
}

describe('classifySeq', () => {
  it('applies only the next seq', () => {
    expect(classifySeq(0, 1)).toBe('apply');
    expect(classifySeq(41, 42)).toBe('apply');
    expect(classifySeq(41, 41)).toBe('duplicate');
    expect(classifySeq(41, 3)).toBe('duplicate');
    expect(classifySeq(41, 43)).toBe('gap');
  });
});

describe('EventDispatcher', () => {
  it('hands the sink a batch as one run, duplicates dropped', () => {
    const { dispatcher, runs, resyncs } = setup();
    expect(dispatcher.events([1, 2, 2, 1, 3].map(ev))).toEqual(['applied', 'applied', 'duplicate', 'duplicate', 'applied']);
    expect(dispatcher.events([3, 4, 5].map(ev))).toEqual(['duplicate', 'applied', 'applied']);
    expect(runs).toEqual([[1, 2, 3], [4, 5]]);
    expect(dispatcher.applied).toBe(5);
    expect(resyncs).toEqual([]);
  });

  it('applies a batch up to a gap, then nothing after it until the next connection', () => {
    const { dispatcher, runs, resyncs } = setup();
    expect(dispatcher.events([1, 2, 4, 5].map(ev))).toEqual(['applied', 'applied', 'gap', 'dropped']);
    expect(runs).toEqual([[1, 2]]);
    expect(dispatcher.applied).toBe(2);
    expect(resyncs).toEqual(['gap']);
    expect(dispatcher.resumePoint()).toEqual({ since: 2 });
    expect(dispatcher.events([3].map(ev))).toEqual(['dropped']);
    dispatcher.connectionStarted();
    expect(dispatcher.events([3, 4].map(ev))).toEqual(['applied', 'applied']);
    expect(runs).toEqual([[1, 2], [3, 4]]);
  });

  it('never calls the sink for a batch with nothing to apply', () => {
    const { dispatcher, runs } = setup();
    dispatcher.events([]);
    dispatcher.events([ev(1)]);
    dispatcher.events([ev(1)]);
    expect(runs).toEqual([[1]]);
  });

  it('applies events in seq order and drops duplicates', () => {
    const { dispatcher, applied } = setup();
    expect([1, 2, 2, 1, 3].map((s) => dispatcher.event(ev(s)))).toEqual(['applied', 'applied', 'duplicate', 'duplicate', 'applied']);
    expect(applied).toEqual([1, 2, 3]);
    expect(dispatcher.applied).toBe(3);
  });

  it('never applies across a gap, asks for one resync, and drops the rest until reconnected', () => {
    const { dispatcher, applied, resyncs } = setup();
    dispatcher.event(ev(1));
    expect(dispatcher.event(ev(3))).toBe('gap');
    expect(dispatcher.event(ev(2))).toBe('dropped');
    expect(dispatcher.event(ev(4))).toBe('dropped');
    expect(applied).toEqual([1]);
    expect(resyncs).toEqual(['gap']);
    expect(dispatcher.resumePoint()).toEqual({ since: 1 });

    // The new connection replays from `since`: 2, 3, 4 fill in exactly once.
    dispatcher.connectionStarted();
    for (const s of [2, 3, 4]) dispatcher.event(ev(s));
    expect(applied).toEqual([1, 2, 3, 4]);
  });

  it('resumes from the snapshot seq and journal', () => {
    const { dispatcher, replaced, applied } = setup();
    dispatcher.event(ev(1));
    const state = { ...initialState(), seq: 500 };
    dispatcher.snapshot({ journalId: 'j2', seq: 500, state });
    expect(replaced).toEqual([state]);
    expect(dispatcher.resumePoint()).toEqual({ since: 500, journalId: 'j2' });
    expect(dispatcher.event(ev(499))).toBe('duplicate');
    expect(dispatcher.event(ev(501))).toBe('applied');
    expect(applied).toEqual([1, 501]);
  });

  it('adopts the journal on synced and is live when caught up', () => {
    const { dispatcher, resyncs } = setup();
    dispatcher.event(ev(1));
    dispatcher.event(ev(2));
    expect(dispatcher.synced({ journalId: 'j1', seq: 2 })).toBe(true);
    expect(dispatcher.resumePoint()).toEqual({ since: 2, journalId: 'j1' });
    expect(resyncs).toEqual([]);
  });

  it('resyncs when synced says events are missing', () => {
    const { dispatcher, resyncs } = setup();
    dispatcher.event(ev(1));
    expect(dispatcher.synced({ journalId: 'j1', seq: 5 })).toBe(false);
    expect(resyncs).toEqual(['behind']);
    expect(dispatcher.resumePoint()).toEqual({ since: 1, journalId: 'j1' });
  });

  it('starts over from seq 0 when the journal changed without a snapshot', () => {
    const { dispatcher, resyncs, resets } = setup();
    dispatcher.event(ev(1));
    dispatcher.synced({ journalId: 'j1', seq: 1 });
    dispatcher.connectionStarted();
    expect(dispatcher.synced({ journalId: 'j9', seq: 1 })).toBe(false);
    expect(resyncs).toEqual(['journal-changed']);
    expect(resets()).toBe(1);
    expect(dispatcher.resumePoint()).toEqual({ since: 0 });
  });

  it('ignores a snapshot from a connection it already gave up on', () => {
    const { dispatcher, replaced } = setup();
    dispatcher.event(ev(1));
    dispatcher.event(ev(5));
    dispatcher.snapshot({ journalId: 'j1', seq: 9, state: { ...initialState(), seq: 9 } });
    expect(replaced).toEqual([]);
    expect(dispatcher.applied).toBe(1);
  });
});
