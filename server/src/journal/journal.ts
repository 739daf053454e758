import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  applyEvent,
  COMMANDS,
  DomainError,
  foldEvents,
  initialState,
  READ_MODEL_VERSION,
  READ_ONLY_ROLES,
  type Actor,
  type CommandResult,
  type DecideContext,
  type JournalEvent,
  type WatchState,
} from '@watchfloor/shared';
import { answerKey, type CommandRecord, type JournalStore } from '../store/types.js';
import { systemClock, type Clock } from './clock.js';

/** A command as it arrives from REST, a socket, the demo loader or a drill. */
export interface IncomingCommand {
  type: string;
  payload: unknown;
  actor: Actor;
  originIp: string | null;
  channel: CommandRecord['channel'];
  idempotencyKey: string | null;
  /** Drill (演练) commands mark every event they produce. */
  exercise?: boolean;
}

interface Pending {
  command: IncomingCommand;
  payload: unknown;
  receivedAt: string;
  resolve(result: CommandResult): void;
  reject(error: unknown): void;
}

/** Most commands in one transaction (one fsync). */
const MAX_BATCH = 512;
/** Scale-out: how often to look for other writers' commits even without a notification, in ms. */
const FOLLOW_POLL_MS = 2000;
/** Events between snapshots of the read model. */
const SNAPSHOT_EVERY_EVENTS = 5000;

export type JournalListener = (events: JournalEvent[]) => void;

/**
 * The write path. A command is validated and authorised at once (bad input never queues),
 * then decided against the read model and appended with the others that arrived meanwhile:
 * one transaction, one fsync (group commit). Only after the commit do callers get their answer
 * and listeners (realtime) get the events, in seq order.
 */
export class Journal {
  private state: WatchState = initialState();
  private queue: Pending[] = [];
  private flushing = false;
  private readonly inflight = new Map<string, Promise<CommandResult>>();
  private readonly listeners = new Set<JournalListener>();
  private eventsSinceSnapshot = 0;
  private closed = false;
  /** Another writer committed (scale-out): fold its events in at the next turn of the loop. */
  private catchUpRequested = false;
  private stopFollowing: (() => Promise<void>) | null = null;
  private followPoll: ReturnType<typeof setInterval> | undefined;
  journalId = '';

  constructor(
    private readonly store: JournalStore,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Opens the store and rebuilds the read model: newest snapshot, then every event after it. */
  async open(): Promise<void> {
    const { journalId, head } = await this.store.open();
    this.journalId = journalId;
    let state = initialState();
    const snap = await this.store.latestSnapshot();
    if (snap && snap.seq <= head) state = restoreSnapshot(snap.state) ?? state;
    for (;;) {
      const page = await this.store.readAfter(state.seq, 2000);
      if (page.length === 0) break;
      state = foldEvents(state, page);
    }
    this.state = state;
    if (this.store.follow) {
      this.stopFollowing = await this.store.follow(() => this.requestCatchUp());
      // Notifications can be lost with a dropped connection: look now and then regardless.
      this.followPoll = setInterval(() => this.requestCatchUp(), FOLLOW_POLL_MS);
      this.followPoll.unref();
    }
  }

  /** Asks the loop to read and publish what other writers committed. */
  requestCatchUp(): void {
    if (this.closed) return;
    this.catchUpRequested = true;
    this.kick();
  }

  private kick(): void {
    if (this.flushing) return;
    this.flushing = true;
    // Let commands that arrive in the same turn of the event loop join this batch.
    setImmediate(() => void this.flush());
  }

  get head(): number {
    return this.state.seq;
  }

  get current(): WatchState {
    return this.state;
  }

  /** Called synchronously, in commit order, with every batch of committed events. */
  subscribe(listener: JournalListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  readAfter(after: number, limit: number): Promise<JournalEvent[]> {
    return this.store.readAfter(after, limit);
  }

  get dialect(): JournalStore['dialect'] {
    return this.store.dialect;
  }

  /** The command audit: who issued what, when and from where. */
  listCommands(limit: number, beforeSeq?: number) {
    return this.store.listCommands(limit, beforeSeq);
  }

  /**
   * Validates, authorises and queues a command; resolves once it is durably journaled.
   * Throws DomainError for what the caller got wrong. A retry with the same idempotency key
   * (per user) answers with the first result and appends nothing.
   */
  submit(command: IncomingCommand): Promise<CommandResult> {
    if (this.closed) return Promise.reject(new DomainError('invalid', 'the server is shutting down'));
    const def = COMMANDS.get(command.type);
    if (!def) return Promise.reject(new DomainError('unknown_command', `unknown command type "${command.type}"`, 'type'));
    const role = command.actor.role;
    if (role !== 'system' && (READ_ONLY_ROLES.includes(role) || !def.roles.includes(role))) {
      return Promise.reject(new DomainError('forbidden', `role ${role} may not ${command.type}`));
    }
    const parsed = def.payload.safeParse(command.payload);
    if (!parsed.success) return Promise.reject(zodToDomainError(parsed.error));

    const key = command.idempotencyKey ? answerKey(command.actor.user, command.idempotencyKey) : null;
    const existing = key ? this.inflight.get(key) : undefined;
    if (existing) return existing;

    const promise = new Promise<CommandResult>((resolve, reject) => {
      this.queue.push({ command, payload: parsed.data, receivedAt: this.clock.now().toISOString(), resolve, reject });
    });
    if (key) {
      this.inflight.set(key, promise);
      const forget = () => this.inflight.delete(key);
      promise.then(forget, forget);
    }
    this.kick();
    return promise;
  }

  /** The single loop that changes the read model: commits batches, folds others' commits. */
  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0 || this.catchUpRequested) {
        if (this.queue.length > 0) {
          await this.commitBatch(this.queue.splice(0, MAX_BATCH));
        } else {
          this.catchUpRequested = false;
          await this.catchUpWithOthers();
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async catchUpWithOthers(): Promise<void> {
    try {
      for (;;) {
        const page = await this.store.readAfter(this.state.seq, 1000);
        if (page.length === 0) return;
        this.state = foldEvents(this.state, page);
        for (const l of this.listeners) l(page);
      }
    } catch {
      // The database is away: the next poll or notification asks again.
    }
  }

  private async commitBatch(batch: Pending[]): Promise<void> {
    let toRun = batch;
    const keyed = batch.filter((p) => p.command.idempotencyKey);
    if (keyed.length > 0) {
      try {
        const answers = await this.store.findAnswers(keyed.map((p) => ({ user: p.command.actor.user, key: p.command.idempotencyKey! })));
        toRun = batch.filter((p) => {
          const answer = p.command.idempotencyKey ? answers.get(answerKey(p.command.actor.user, p.command.idempotencyKey)) : undefined;
          if (answer) p.resolve({ ...answer.result, seq: answer.lastSeq });
          return !answer;
        });
      } catch (error) {
        for (const p of batch) p.reject(error);
        return;
      }
    }
    if (toRun.length === 0) return;

    const now = this.clock.now().toISOString();
    let tentative = this.state;
    const outcomes: Array<{ pending: Pending; result?: Record<string, unknown>; error?: unknown }> = [];
    try {
      const committed = await this.store.commit(this.state.seq, now, (missed, head) => {
        // Decide against the true head: fold what other writers committed first.
        tentative = foldEvents(this.state, missed);
        let seq = head;
        outcomes.length = 0;
        const records: CommandRecord[] = [];
        for (const pending of toRun) {
          const { command } = pending;
          const ctx: DecideContext = { now, actor: command.actor, newId: (prefix) => `${prefix}_${randomUUID()}` };
          try {
            const decision = COMMANDS.get(command.type)!.decide(tentative, pending.payload, ctx);
            for (const draft of decision.events) {
              seq += 1;
              const event: JournalEvent = { seq, type: draft.type, at: now, actor: command.actor, data: draft.data, ...(command.exercise ? { exercise: true } : {}) };
              tentative = applyEvent(tentative, event);
            }
            const result = decision.result ?? {};
            records.push({
              id: randomUUID(),
              type: command.type,
              actor: command.actor,
              originIp: command.originIp,
              channel: command.channel,
              idempotencyKey: command.idempotencyKey,
              receivedAt: pending.receivedAt,
              result,
              events: decision.events.map((d) => ({ type: d.type, actor: command.actor, data: d.data, ...(command.exercise ? { exercise: true } : {}) })),
            });
            outcomes.push({ pending, result });
          } catch (error) {
            outcomes.push({ pending, error });
          }
        }
        return records;
      });
      this.state = tentative;
      this.eventsSinceSnapshot += committed.events.length;
      const published = [...committed.missed, ...committed.events];
      let i = 0;
      for (const o of outcomes) {
        if (o.error !== undefined) o.pending.reject(o.error);
        else o.pending.resolve({ ...o.result, seq: committed.lastSeqs[i++]! });
      }
      if (published.length > 0) for (const l of this.listeners) l(published);
      if (this.eventsSinceSnapshot >= SNAPSHOT_EVERY_EVENTS) void this.snapshot();
    } catch (error) {
      // Nothing was written: the transaction rolled back. Every caller in the batch is told.
      for (const p of toRun) p.reject(error);
    }
  }

  /** Persists the read model so a restart folds only the events after it. */
  async snapshot(): Promise<void> {
    this.eventsSinceSnapshot = 0;
    const state = this.state;
    await this.store.saveSnapshot(state.seq, JSON.stringify({ layout: readModelLayout(), state } satisfies SnapshotFile));
  }

  /** Stops taking commands, lets the queue drain, and closes the store. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.followPoll);
    await this.stopFollowing?.();
    while (this.flushing) await new Promise((r) => setTimeout(r, 5));
    await this.store.close();
  }
}

/**
 * A snapshot is only as good as the reducers that made it. It records the read model's layout
 * (its slice keys and READ_MODEL_VERSION); one made by other reducers is ignored and the state
 * is folded from the journal instead, which is always the truth.
 */
interface SnapshotFile {
  layout: string;
  state: WatchState;
}

/** What the current reducers make of the journal, for telling stored read models apart (snapshots, replay checkpoints). */
export function readModelLayout(): string {
  return `${READ_MODEL_VERSION}:${Object.keys(initialState()).sort().join(',')}`;
}

function restoreSnapshot(json: string): WatchState | null {
  try {
    const file = JSON.parse(json) as Partial<SnapshotFile>;
    return file.layout === readModelLayout() && file.state ? file.state : null;
  } catch {
    return null;
  }
}

/** Turns a schema failure into a DomainError naming the first offending field. */
export function zodToDomainError(error: z.ZodError): DomainError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : undefined;
  const message = issue ? `${field ?? 'payload'}: ${issue.message}` : 'invalid payload';
  return new DomainError('invalid', message, field);
}
