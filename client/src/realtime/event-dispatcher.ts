import type { JournalEvent, SnapshotMessage, SyncedMessage, ClientState } from '@watchfloor/shared';

/** Where the dispatcher puts what it accepts: the stores, or a fake in tests. */
export interface StateSink {
  /** Folds a run of consecutive events in; runs come strictly in seq order, each seq once. */
  apply(events: readonly JournalEvent[]): void;
  /** Replaces every slice with a snapshot. */
  replace(state: ClientState): void;
  /** Empties every slice (before a full replay from seq 0). */
  reset(): void;
}

/** Why the dispatcher wants the link restarted. */
export type ResyncReason = 'gap' | 'behind' | 'journal-changed';

/** What became of one incoming event. */
export type EventVerdict = 'applied' | 'duplicate' | 'gap' | 'dropped';

/** What the handshake `auth` sends so the server replays only what is missing. */
export interface ResumePoint {
  since: number;
  journalId?: string;
}

/**
 * Decides what an incoming event is relative to the last applied seq. Seqs are global and
 * gap-free, so the only event that may be applied is `applied + 1`.
 */
export function classifySeq(applied: number, seq: number): 'apply' | 'duplicate' | 'gap' {
  if (seq <= applied) return 'duplicate';
  return seq === applied + 1 ? 'apply' : 'gap';
}

/**
 * Keeps the client's copy of the journal exact: events are applied in seq order, each once.
 * A duplicate (seq ≤ applied) is dropped. A gap (seq > applied + 1) is never applied: the
 * dispatcher asks for a resync once and drops everything until the next connection starts,
 * whose handshake resumes from `applied` so the server replays exactly what is missing.
 * No I/O and no Vue here; the connection module wires it to the socket and the stores.
 */
export class EventDispatcher {
  #applied = 0;
  #journalId: string | undefined;
  /** Set after asking for a resync; cleared when a new connection starts. */
  #resyncing = false;
  readonly #sink: StateSink;
  readonly #onResync: (reason: ResyncReason) => void;

  constructor(sink: StateSink, onResync: (reason: ResyncReason) => void) {
    this.#sink = sink;
    this.#onResync = onResync;
  }

  /** The last seq applied to the sink (0 before anything). */
  get applied(): number {
    return this.#applied;
  }

  get journalId(): string | undefined {
    return this.#journalId;
  }

  /** True between asking for a resync and the next connection. */
  get resyncing(): boolean {
    return this.#resyncing;
  }

  /** What the next handshake should send. Read at every (re)connect. */
  resumePoint(): ResumePoint {
    return this.#journalId === undefined ? { since: this.#applied } : { since: this.#applied, journalId: this.#journalId };
  }

  /** A new connection is up: events from it are trusted again. */
  connectionStarted(): void {
    this.#resyncing = false;
  }

  event(event: JournalEvent): EventVerdict {
    return this.events([event])[0]!;
  }

  /**
   * Takes events in arrival order and hands the sink the consecutive run among them in one call
   * (the connection batches what arrives within an animation frame). A gap ends the run: what
   * came before it is applied, nothing after it is.
   */
  events(batch: readonly JournalEvent[]): EventVerdict[] {
    const verdicts: EventVerdict[] = [];
    const run: JournalEvent[] = [];
    let applied = this.#applied;
    for (const event of batch) {
      if (this.#resyncing) {
        verdicts.push('dropped');
        continue;
      }
      const verdict = classifySeq(applied, event.seq);
      if (verdict === 'apply') {
        run.push(event);
        applied = event.seq;
        verdicts.push('applied');
      } else if (verdict === 'duplicate') {
        verdicts.push('duplicate');
      } else {
        this.#commit(run);
        run.length = 0;
        this.#resync('gap');
        verdicts.push('gap');
      }
    }
    this.#commit(run);
    return verdicts;
  }

  #commit(run: readonly JournalEvent[]): void {
    if (run.length === 0) return;
    this.#sink.apply(run);
    this.#applied = run[run.length - 1]!.seq;
  }

  snapshot(message: SnapshotMessage): void {
    if (this.#resyncing) return;
    this.#sink.replace(message.state);
    this.#applied = message.seq;
    this.#journalId = message.journalId;
  }

  /**
   * The server says the replay is done and where it thinks we are. Returns true when the
   * client is live; false when it asked for a resync instead.
   */
  synced(message: SyncedMessage): boolean {
    if (this.#resyncing) return false;
    if (this.#journalId !== undefined && message.journalId !== this.#journalId) {
      // Another journal and no snapshot: what we hold belongs to the old one. Start over.
      this.reset();
      this.#resync('journal-changed');
      return false;
    }
    this.#journalId = message.journalId;
    if (message.seq > this.#applied) {
      this.#resync('behind');
      return false;
    }
    // message.seq < applied can only mean a live event overtook the synced message; the seqs
    // we applied came from this journal in order, so they stand.
    return true;
  }

  /** Forgets everything: empty sink, seq 0, no journal. The next handshake asks for a full replay. */
  reset(): void {
    this.#sink.reset();
    this.#applied = 0;
    this.#journalId = undefined;
  }

  #resync(reason: ResyncReason): void {
    this.#resyncing = true;
    this.#onResync(reason);
  }
}
