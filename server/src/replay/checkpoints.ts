import { clientState, type ClientState, type WatchState } from '@watchfloor/shared';
import { readModelLayout } from '../journal/journal.js';
import type { JournalStore } from '../store/types.js';

/**
 * Events between replay checkpoints. At 10,000 a window's start is at most ~10,000 events of
 * folding away (tens of ms), and a season of 200,000 events keeps 20 checkpoints; measured in
 * docs/benchmarks.md, "Replay (issue 7)".
 */
export const REPLAY_CHECKPOINT_EVERY_EVENTS = 10_000;

type CheckpointStore = Pick<JournalStore, 'saveCheckpoint' | 'latestCheckpoint' | 'dropCheckpointsExcept'>;

/**
 * The replay's checkpoints of the client's part of the read model (what a replay shows; the
 * server-only slices, like a city's hazard ledger, would only make them big), kept in the journal store every
 * `everyEvents` events as the journal advances. Only those of the current reducers' layout are
 * read; the others are dropped at start-up (they describe a read model these reducers would not
 * make). A checkpoint is written after the commit, on a later turn of the event loop, so neither
 * the command nor the live relay waits for it.
 */
export class ReplayCheckpoints {
  readonly layout = readModelLayout();
  private newestSeq = 0;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly store: CheckpointStore,
    readonly everyEvents: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Drops the checkpoints of other layouts and learns where the newest one stands. */
  async open(): Promise<void> {
    await this.store.dropCheckpointsExcept(this.layout);
    this.newestSeq = (await this.store.latestCheckpoint(this.layout))?.seq ?? 0;
  }

  /** The journal advanced to `state`, whose last event was committed at `at`: keeps one when due. */
  advanced(state: WatchState, at: string): void {
    if (this.writing || state.seq - this.newestSeq < this.everyEvents) return;
    this.newestSeq = state.seq;
    this.writing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.save(clientState(state), at))
      .catch(this.onError)
      .finally(() => (this.writing = null));
  }

  /** Keeps `state` (folded up to its seq, whose event was committed at `at`). */
  save(state: ClientState, at: string): Promise<void> {
    return this.store.saveCheckpoint({ seq: state.seq, at, layout: this.layout, state: JSON.stringify(state) });
  }

  /** Keeps `state` without waiting: a window folding far from any checkpoint leaves one behind. */
  backfill(state: ClientState, at: string): void {
    this.save(state, at).catch(this.onError);
  }

  /** The newest checkpoint committed before `fromIso`, or null (fold from the journal's start). */
  async before(fromIso: string): Promise<ClientState | null> {
    const checkpoint = await this.store.latestCheckpoint(this.layout, fromIso);
    if (!checkpoint) return null;
    try {
      // Only the client's slices, whatever else a stored checkpoint may hold.
      return clientState(JSON.parse(checkpoint.state) as WatchState);
    } catch {
      return null;
    }
  }

  /** Waits for a checkpoint being written, so the store is not closed under it. */
  async settle(): Promise<void> {
    await this.writing;
  }
}
