import { clientState, foldClientEvents, foldEvents, initialState, type ClientState, type JournalEvent, type WatchState } from '@watchfloor/shared';
import type { ReplayCheckpoints } from './checkpoints.js';

/** Journal read page size, in events. */
const PAGE = 2000;

/** What reading a window needs of the journal. */
export interface WindowJournal {
  readAfter(after: number, limit: number): Promise<JournalEvent[]>;
  firstSeqAtOrAfter(at: string): Promise<number | null>;
}

/** The client's part of the read model at a window's start, and the events of the window. */
export interface FoldedWindow {
  state: ClientState;
  events: JournalEvent[];
  /** More than `maxEvents` events fell in the window: only the first ones are given. */
  truncated: boolean;
}

/**
 * The read model as it stood at `fromMs` and the events of [fromMs, toMs), at most `maxEvents`:
 * folded from the newest checkpoint committed before `fromMs`, not from the journal's start.
 * Commit instants never go back along seq, so "committed before `fromMs`" is "seq before the
 * first event at or after it", which the store finds by index; the answer is the same as
 * folding the whole journal (`foldWindowFromStart`). A window far past the newest checkpoint
 * before it (a journal older than checkpoints, or reducers changed) leaves checkpoints behind
 * as it folds, so the next such window is quick.
 */
export async function readWindow(journal: WindowJournal, checkpoints: ReplayCheckpoints, fromMs: number, toMs: number, maxEvents: number): Promise<FoldedWindow> {
  const fromIso = new Date(fromMs).toISOString();
  const [start, firstSeq] = await Promise.all([checkpoints.before(fromIso), journal.firstSeqAtOrAfter(fromIso)]);
  const state = await foldThrough(journal, checkpoints, start ?? clientState(initialState()), firstSeq === null ? Infinity : firstSeq - 1);
  if (firstSeq === null) return { state, events: [], truncated: false };
  return { state, ...(await collectUntil(journal, firstSeq - 1, toMs, maxEvents)) };
}

/** Folds the events after `state` up to seq `lastSeq` (or the head), leaving checkpoints behind. */
async function foldThrough(journal: WindowJournal, checkpoints: ReplayCheckpoints, state: ClientState, lastSeq: number): Promise<ClientState> {
  let folded = state;
  let sinceCheckpoint = folded.seq;
  while (folded.seq < lastSeq) {
    const page = await journal.readAfter(folded.seq, Math.min(PAGE, lastSeq - folded.seq));
    if (page.length === 0) break;
    folded = foldClientEvents(folded, page);
    if (folded.seq - sinceCheckpoint >= checkpoints.everyEvents) {
      sinceCheckpoint = folded.seq;
      checkpoints.backfill(folded, page[page.length - 1]!.at);
    }
  }
  return folded;
}

/** The events after seq `after` committed before `toMs`, at most `maxEvents`. */
async function collectUntil(journal: WindowJournal, after: number, toMs: number, maxEvents: number): Promise<Omit<FoldedWindow, 'state'>> {
  const events: JournalEvent[] = [];
  for (let seq = after; ; ) {
    const page = await journal.readAfter(seq, PAGE);
    if (page.length === 0) return { events, truncated: false };
    for (const e of page) {
      if (Date.parse(e.at) >= toMs) return { events, truncated: false };
      if (events.length === maxEvents) return { events, truncated: true };
      events.push(e);
    }
    seq = page[page.length - 1]!.seq;
  }
}

/**
 * The window folded from the journal's start, as the route did before checkpoints: the
 * definition `readWindow` must equal, kept for the tests and as the benchmark's baseline.
 */
export async function foldWindowFromStart(journal: Pick<WindowJournal, 'readAfter'>, fromMs: number, toMs: number, maxEvents: number): Promise<FoldedWindow> {
  let state: WatchState = initialState();
  const events: JournalEvent[] = [];
  let truncated = false;
  let after = 0;
  let done = false;
  while (!done) {
    const page = await journal.readAfter(after, PAGE);
    if (page.length === 0) break;
    after = page[page.length - 1]!.seq;
    const before: JournalEvent[] = [];
    for (const e of page) {
      const at = Date.parse(e.at);
      if (at < fromMs) before.push(e);
      else if (at >= toMs) done = true;
      else if (events.length === maxEvents) done = truncated = true;
      else events.push(e);
      if (done) break;
    }
    state = foldEvents(state, before);
  }
  return { state: clientState(state), events, truncated };
}
