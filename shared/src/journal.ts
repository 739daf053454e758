import type { Role } from './roles.js';

/** Who caused an event. `user` is the account name; `system` for the server's own work. */
export interface Actor {
  user: string;
  role: Role | 'system';
}

/**
 * One fact in the journal, as it travels to clients. `seq` is global and gap-free;
 * `at` is the commit instant (ISO 8601, UTC). `exercise` marks drill events (演练).
 */
export interface JournalEvent<T extends string = string, D = unknown> {
  seq: number;
  type: T;
  at: string;
  actor: Actor;
  data: D;
  exercise?: boolean;
}

/** An event before the journal gives it a sequence number and a commit time. */
export interface DraftEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

/** What a decider may use besides the state and the payload: the clock and id source. */
export interface DecideContext {
  /** Instant of the command, ISO 8601 UTC. */
  now: string;
  actor: Actor;
  /** A fresh unique id (server-generated, collision-free). */
  newId(prefix: string): string;
}
