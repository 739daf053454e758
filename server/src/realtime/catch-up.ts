import { clientState, LIMITS, type JournalEvent, type SnapshotMessage, type WatchState } from '@watchfloor/shared';

export interface CatchUpSource {
  readonly journalId: string;
  /** The seq of the last committed event; read synchronously. */
  readonly head: number;
  readonly current: WatchState;
  readAfter(after: number, limit: number): Promise<JournalEvent[]>;
}

export interface CatchUpSink {
  event(e: JournalEvent): void;
  snapshot(s: SnapshotMessage): void;
  /** Called synchronously in the same turn as the last head check: joins the live stream. */
  goLive(seq: number): void;
  readonly connected: boolean;
}

const PAGE = 1000;

/**
 * Brings one client from `since` to the head, then hands it to the live stream with no gap
 * and no duplicate. The live stream is only joined in the same synchronous turn in which the
 * client's position equals the journal head: any commit after that is broadcast to it, and any
 * commit before it was read from the store in an earlier page.
 */
export async function catchUp(source: CatchUpSource, sink: CatchUpSink, since: number, journalId?: string): Promise<void> {
  let position = since;
  const foreign = journalId !== undefined && journalId !== source.journalId && since > 0;
  if (foreign || since > source.head || source.head - since > LIMITS.MAX_REPLAY_EVENTS) {
    const state = source.current;
    sink.snapshot({ journalId: source.journalId, seq: state.seq, state: clientState(state) });
    position = state.seq;
  }
  for (;;) {
    if (!sink.connected) return;
    if (position >= source.head) {
      sink.goLive(position);
      return;
    }
    const page = await source.readAfter(position, PAGE);
    for (const e of page) {
      if (e.seq <= position) continue;
      sink.event(e);
      position = e.seq;
    }
    if (page.length === 0 && position < source.head) {
      // The head moved but the store returned nothing: never go live past a hole.
      throw new Error(`journal read returned nothing after ${position} while head is ${source.head}`);
    }
  }
}
