

/**
 * Tables, written once for every dialect (SQLite embedded, PostgreSQL scale-out).
 * JSON is stored as text so both dialects read and write it the same way.
 */
export interface EventsTable {
  /** Global, gap-free sequence number: assigned under the head lock, never reused. */
  seq: number;
  type: string;
  /** Commit instant, ISO 8601 UTC. */
  at: string;
  actor_user: string;
  actor_role: string;
  command_id: string | null;
  exercise: number;
  data: string;
}

/** One row per accepted command: who, when, from where, and what it answered. */
export interface CommandsTable {
  id: string;
  type: string;
  actor_user: string;
  actor_role: string;
  origin_ip: string | null;
  channel: string;
  idempotency_key: string | null;
  received_at: string;
  committed_at: string;
  first_seq: number | null;
  last_seq: number;
  result: string;
}

export interface JournalHeadTable {
  id: number;
  seq: number;
  journal_id: string;
}

export interface SnapshotsTable {
  seq: number;
  at: string;
  state: string;
}

/**
 * The client's part of the folded read model every so many events (the server-only slices, such
 * as a city's hazard ledger, are not shown by a replay), for the after-action replay: a window starts from
 * the newest checkpoint before it instead of folding the whole journal. Kept for good, except
 * those made by other reducers (`layout`, as for snapshots), which are dropped at start-up.
 */
export interface ReplayCheckpointsTable {
  /** The last event folded in. */
  seq: number;
  /** Its commit instant, ISO 8601 UTC. */
  at: string;
  /** The read model's layout (READ_MODEL_VERSION and slice keys) of the reducers that made it. */
  layout: string;
  state: string;
}

export interface UsersTable {
  username: string;
  role: string;
  display_name: string;
  password_hash: string;
  created_at: string;
}

export interface Database {
  events: EventsTable;
  commands: CommandsTable;
  journal_head: JournalHeadTable;
  snapshots: SnapshotsTable;
  replay_checkpoints: ReplayCheckpointsTable;
  users: UsersTable;
}
