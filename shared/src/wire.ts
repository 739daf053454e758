import { z } from 'zod';
import type { ErrorBody } from './errors.js';
import type { JournalEvent } from './journal.js';
import type { Role } from './roles.js';
import type { ClientState } from './state.js';
import type { TeamPosition } from './domain/teams/model.js';

/** Socket.IO handshake `auth` object. `since` is the last seq the client applied. */
export const handshakeSchema = z.object({
  token: z.string().min(1).max(4096),
  since: z.number().int().min(0).optional(),
  /** The journal the client's `since` refers to; a different one means start over. */
  journalId: z.string().max(100).optional(),
});
export type Handshake = z.infer<typeof handshakeSchema>;

/** A command sent over the socket. `id` is the idempotency key: a retry with the same id applies once. */
export const socketCommandSchema = z.strictObject({
  id: z.string().min(8).max(100).optional(),
  type: z.string().min(1).max(100),
  payload: z.unknown(),
});
export type SocketCommand = z.infer<typeof socketCommandSchema>;

/** The answer to every socket request. */
export type Ack<T = unknown> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** What a committed command answers: its result and the seq of its last event. */
export type CommandResult = Record<string, unknown> & { seq: number };

export interface SnapshotMessage {
  journalId: string;
  seq: number;
  state: ClientState;
}

export interface SyncedMessage {
  journalId: string;
  /** The seq the client is now at; everything after it arrives live. */
  seq: number;
}

export interface ServerToClientEvents {
  /** One committed journal event, in seq order, after the replay of everything after `since`. */
  event: (event: JournalEvent) => void;
  /** Sent instead of a replay when the client is too far behind or from another journal. */
  snapshot: (snapshot: SnapshotMessage) => void;
  /** The replay is complete; what follows is live. */
  synced: (message: SyncedMessage) => void;
  /**
   * Latest team positions, coalesced and sent in small batches at a fixed cadence (and all of
   * them on connect). Not journal events: no seq, the latest `at` per team wins.
   */
  positions: (batch: TeamPosition[]) => void;
}

export interface ClientToServerEvents {
  command: (command: SocketCommand, ack: (answer: Ack<CommandResult>) => void) => void;
}

export const loginSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginSchema>;
export interface LoginResponse {
  token: string;
  role: Role;
  user: string;
  displayName: string;
  /** ISO instant, or null for credentials that never expire (the wall). */
  expiresAt: string | null;
}

/** Socket.IO and REST limits, shared so clients can respect them before sending. */
export const LIMITS = {
  /** Largest JSON body the API accepts, in bytes. */
  JSON_BODY_BYTES: 256 * 1024,
  /** Largest socket message, in bytes. */
  SOCKET_MESSAGE_BYTES: 256 * 1024,
  /** A client further behind than this many events gets a snapshot instead of a replay. */
  MAX_REPLAY_EVENTS: 5000,
} as const;
