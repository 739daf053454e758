import type { Actor, JournalEvent } from '@watchfloor/shared';

/** A command as the journal records it, with the events it produced. */
export interface CommandRecord {
  id: string;
  type: string;
  actor: Actor;
  originIp: string | null;
  channel: 'rest' | 'socket' | 'system';
  idempotencyKey: string | null;
  receivedAt: string;
  result: Record<string, unknown>;
  events: Array<Omit<JournalEvent, 'seq' | 'at'>>;
}

/** What one committed batch produced, per command, in order. */
export interface CommittedBatch {
  events: JournalEvent[];
  /** Per command, the seq of its last event (or the head at the time, for a command with none). */
  lastSeqs: number[];
  /** Events another writer committed before this batch that the caller had not seen. */
  missed: JournalEvent[];
}

/** The folded read model as it stood after event `seq`, committed at `at` (see ReplayCheckpointsTable). */
export interface ReplayCheckpoint {
  seq: number;
  at: string;
  layout: string;
  state: string;
}

/** A stored answer to a command, returned again to a retry with the same key. */
export interface StoredAnswer {
  result: Record<string, unknown>;
  lastSeq: number;
}

/**
 * The journal's storage. One implementation per database, same behaviour:
 * - `commit` appends a batch in one transaction, durable (fsynced) before it resolves;
 * - sequence numbers are global and gap-free;
 * - `prepare` runs inside the transaction, after the head is locked, with every event another
 *   writer committed since `knownHead`, so deciding sees the true current state.
 */
export interface JournalStore {
  readonly dialect: 'sqlite' | 'postgres';
  /** Creates tables if needed and returns the journal's identity and head. */
  open(): Promise<{ journalId: string; head: number }>;
  commit(
    knownHead: number,
    /** The commit instant every event of the batch carries. */
    at: string,
    prepare: (missed: JournalEvent[], head: number) => CommandRecord[] | Promise<CommandRecord[]>,
  ): Promise<CommittedBatch>;
  /** Events with seq > after, in order, at most `limit`. */
  readAfter(after: number, limit: number): Promise<JournalEvent[]>;
  /** Stored answers for (user, key) pairs already committed. */
  findAnswers(keys: Array<{ user: string; key: string }>): Promise<Map<string, StoredAnswer>>;
  /** Who issued what, when and from where: the command audit, newest first. */
  listCommands(limit: number, beforeSeq?: number): Promise<Array<Omit<CommandRecord, 'events'> & { lastSeq: number; committedAt: string }>>;
  saveSnapshot(seq: number, state: string): Promise<void>;
  latestSnapshot(): Promise<{ seq: number; state: string } | null>;
  /** Keeps a replay checkpoint; one already kept at the same seq stays as it is. */
  saveCheckpoint(checkpoint: ReplayCheckpoint): Promise<void>;
  /** The newest replay checkpoint of `layout`, or the newest whose `at` is before `before`. */
  latestCheckpoint(layout: string, before?: string): Promise<ReplayCheckpoint | null>;
  /** Drops the replay checkpoints of every other layout (made by other reducers); says how many. */
  dropCheckpointsExcept(layout: string): Promise<number>;
  /** The seq of the first event committed at or after `at` (ISO 8601 UTC), or null if none. */
  firstSeqAtOrAfter(at: string): Promise<number | null>;
  users: UserStore;
  /**
   * Calls `onAdvance` when another writer may have committed (scale-out: several servers on one
   * database). Absent for the embedded store, which has a single writer. Returns a stop function.
   */
  follow?(onAdvance: () => void): Promise<() => Promise<void>>;
  /** Live team positions between the servers on one database. Absent for the embedded store. */
  positions?: Broadcast;
  close(): Promise<void>;
}

/**
 * Best-effort fan-out between the servers sharing one database, for what is kept off the journal
 * (live team positions): a lost message is superseded by the next one, nothing is replayed.
 * Every subscriber receives every message, its own server's included.
 */
export interface Broadcast {
  /** The largest message that may be published, in UTF-8 bytes. */
  readonly maxMessageBytes: number;
  publish(message: string): Promise<void>;
  /** Starts listening; returns a stop function. */
  subscribe(onMessage: (message: string) => void): Promise<() => Promise<void>>;
}

export interface UserRow {
  username: string;
  role: string;
  displayName: string;
  passwordHash: string;
}

export interface UserStore {
  find(username: string): Promise<UserRow | null>;
  upsert(user: UserRow): Promise<void>;
  remove(username: string): Promise<void>;
  list(): Promise<UserRow[]>;
  count(): Promise<number>;
}

export const answerKey = (user: string, key: string): string => `${user}\u0000${key}`;
