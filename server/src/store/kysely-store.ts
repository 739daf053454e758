import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { JournalEvent, Role } from '@watchfloor/shared';
import type { Database } from './schema.js';
import { answerKey, type Broadcast, type CommandRecord, type CommittedBatch, type JournalStore, type ReplayCheckpoint, type StoredAnswer, type UserStore } from './types.js';

/** PostgreSQL notification channel announcing a new journal head. */
export const JOURNAL_CHANNEL = 'watchfloor_journal';

/**
 * The journal store, written once with Kysely for every dialect. Dialect specifics
 * (connection, durability pragmas) live in the factory that builds the Kysely instance.
 */
export class KyselyJournalStore implements JournalStore {
  readonly users: UserStore;

  readonly follow?: JournalStore['follow'];
  readonly positions?: Broadcast;

  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: 'sqlite' | 'postgres',
    scaleOut?: { follow: NonNullable<JournalStore['follow']>; positions: Broadcast },
  ) {
    this.users = new KyselyUserStore(db);
    if (scaleOut) {
      this.follow = scaleOut.follow;
      this.positions = scaleOut.positions;
    }
  }

  async open(): Promise<{ journalId: string; head: number }> {
    await migrate(this.db);
    await this.db
      .insertInto('journal_head')
      .values({ id: 1, seq: 0, journal_id: randomUUID() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const row = await this.db.selectFrom('journal_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
    return { journalId: row.journal_id, head: Number(row.seq) };
  }

  async commit(
    knownHead: number,
    at: string,
    prepare: (missed: JournalEvent[], head: number) => CommandRecord[] | Promise<CommandRecord[]>,
  ): Promise<CommittedBatch> {
    return this.db.transaction().execute(async (trx) => {
      // Touching the head row first takes the write lock (SQLite) or the row lock (PostgreSQL):
      // from here to commit no other writer can assign sequence numbers. RETURNING reads the
      // head under that lock in the same statement (SQLite ≥ 3.35, PostgreSQL).
      const locked = await trx.updateTable('journal_head').set({ seq: sql`seq` }).where('id', '=', 1).returning('seq').executeTakeFirstOrThrow();
      const head = Number(locked.seq);
      const missed = head > knownHead ? await readAfterIn(trx, knownHead, head - knownHead) : [];
      const commands = await prepare(missed, head);
      let seq = head;
      const events: JournalEvent[] = [];
      const lastSeqs: number[] = [];
      const eventRows: Database['events'][] = [];
      const commandRows: Database['commands'][] = [];
      for (const c of commands) {
        const firstSeq = c.events.length > 0 ? seq + 1 : null;
        for (const e of c.events) {
          seq += 1;
          const event: JournalEvent = { seq, type: e.type, at, actor: e.actor, data: e.data, ...(e.exercise ? { exercise: true } : {}) };
          events.push(event);
          eventRows.push({
            seq,
            type: e.type,
            at,
            actor_user: e.actor.user,
            actor_role: e.actor.role,
            command_id: c.id,
            exercise: e.exercise ? 1 : 0,
            data: JSON.stringify(e.data),
          });
        }
        lastSeqs.push(seq);
        commandRows.push({
          id: c.id,
          type: c.type,
          actor_user: c.actor.user,
          actor_role: c.actor.role,
          origin_ip: c.originIp,
          channel: c.channel,
          idempotency_key: c.idempotencyKey,
          received_at: c.receivedAt,
          committed_at: at,
          first_seq: firstSeq,
          last_seq: seq,
          result: JSON.stringify(c.result),
        });
      }
      // Chunked to stay under SQLite's bound-parameter limit.
      for (const chunk of chunks(eventRows, 200)) await trx.insertInto('events').values(chunk).execute();
      for (const chunk of chunks(commandRows, 200)) await trx.insertInto('commands').values(chunk).execute();
      if (seq !== head) await trx.updateTable('journal_head').set({ seq }).where('id', '=', 1).execute();
      // Other servers on this database learn of the commit when it commits (NOTIFY is transactional).
      if (seq !== head && this.dialect === 'postgres') await sql`select pg_notify(${JOURNAL_CHANNEL}, ${String(seq)})`.execute(trx);
      return { events, lastSeqs, missed };
    });
  }

  readAfter(after: number, limit: number): Promise<JournalEvent[]> {
    return readAfterIn(this.db, after, limit);
  }

  async findAnswers(keys: Array<{ user: string; key: string }>): Promise<Map<string, StoredAnswer>> {
    const found = new Map<string, StoredAnswer>();
    if (keys.length === 0) return found;
    const rows = await this.db
      .selectFrom('commands')
      .select(['actor_user', 'idempotency_key', 'result', 'last_seq'])
      .where('idempotency_key', 'in', [...new Set(keys.map((k) => k.key))])
      .execute();
    for (const r of rows) {
      if (r.idempotency_key === null) continue;
      found.set(answerKey(r.actor_user, r.idempotency_key), { result: JSON.parse(r.result) as Record<string, unknown>, lastSeq: Number(r.last_seq) });
    }
    return found;
  }

  async listCommands(limit: number, beforeSeq?: number) {
    let q = this.db.selectFrom('commands').selectAll().orderBy('last_seq', 'desc').orderBy('committed_at', 'desc').limit(limit);
    if (beforeSeq !== undefined) q = q.where('last_seq', '<', beforeSeq);
    const rows = await q.execute();
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      actor: { user: r.actor_user, role: r.actor_role as Role },
      originIp: r.origin_ip,
      channel: r.channel as CommandRecord['channel'],
      idempotencyKey: r.idempotency_key,
      receivedAt: r.received_at,
      committedAt: r.committed_at,
      lastSeq: Number(r.last_seq),
      result: JSON.parse(r.result) as Record<string, unknown>,
    }));
  }

  async saveSnapshot(seq: number, state: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('snapshots').values({ seq, at: new Date().toISOString(), state }).onConflict((oc) => oc.column('seq').doNothing()).execute();
      // Two snapshots are enough: the newest, and one before it in case the newest is unreadable.
      const keep = await trx.selectFrom('snapshots').select('seq').orderBy('seq', 'desc').limit(2).execute();
      const oldestKept = keep[keep.length - 1]?.seq;
      if (oldestKept !== undefined) await trx.deleteFrom('snapshots').where('seq', '<', oldestKept).execute();
    });
  }

  async latestSnapshot(): Promise<{ seq: number; state: string } | null> {
    const row = await this.db.selectFrom('snapshots').select(['seq', 'state']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row ? { seq: Number(row.seq), state: row.state } : null;
  }

  async saveCheckpoint(c: ReplayCheckpoint): Promise<void> {
    await this.db.insertInto('replay_checkpoints').values(c).onConflict((oc) => oc.column('seq').doNothing()).execute();
  }

  async latestCheckpoint(layout: string, before?: string): Promise<ReplayCheckpoint | null> {
    let q = this.db.selectFrom('replay_checkpoints').selectAll().where('layout', '=', layout).orderBy('seq', 'desc').limit(1);
    if (before !== undefined) q = q.where('at', '<', before);
    const row = await q.executeTakeFirst();
    return row ? { ...row, seq: Number(row.seq) } : null;
  }

  async dropCheckpointsExcept(layout: string): Promise<number> {
    const r = await this.db.deleteFrom('replay_checkpoints').where('layout', '!=', layout).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async firstSeqAtOrAfter(at: string): Promise<number | null> {
    // Commit instants never go back along seq, so the first by instant is the first by seq;
    // ordering by `at` lets the events_at index answer with one probe.
    const row = await this.db.selectFrom('events').select('seq').where('at', '>=', at).orderBy('at').orderBy('seq').limit(1).executeTakeFirst();
    return row ? Number(row.seq) : null;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

class KyselyUserStore implements UserStore {
  constructor(private readonly db: Kysely<Database>) {}

  async find(username: string) {
    const r = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return r ? { username: r.username, role: r.role, displayName: r.display_name, passwordHash: r.password_hash } : null;
  }

  async upsert(u: { username: string; role: string; displayName: string; passwordHash: string }) {
    await this.db
      .insertInto('users')
      .values({ username: u.username, role: u.role, display_name: u.displayName, password_hash: u.passwordHash, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('username').doUpdateSet({ role: u.role, display_name: u.displayName, password_hash: u.passwordHash }))
      .execute();
  }

  async remove(username: string) {
    await this.db.deleteFrom('users').where('username', '=', username).execute();
  }

  async list() {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map((r) => ({ username: r.username, role: r.role, displayName: r.display_name, passwordHash: r.password_hash }));
  }

  async count() {
    const r = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

async function readAfterIn(db: Kysely<Database> | Transaction<Database>, after: number, limit: number): Promise<JournalEvent[]> {
  const rows = await db.selectFrom('events').selectAll().where('seq', '>', after).orderBy('seq').limit(limit).execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    type: r.type,
    at: r.at,
    actor: { user: r.actor_user, role: r.actor_role as Role | 'system' },
    data: JSON.parse(r.data) as unknown,
    ...(r.exercise ? { exercise: true } : {}),
  }));
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

async function migrate(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('events')
    .ifNotExists()
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('command_id', 'text')
    .addColumn('exercise', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  // The replay finds where a window starts by commit instant (ISO 8601 UTC text sorts in time order).
  await db.schema.createIndex('events_at').ifNotExists().on('events').columns(['at', 'seq']).execute();
  await db.schema
    .createTable('commands')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_user', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('origin_ip', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'text', (c) => c.notNull())
    .addColumn('first_seq', 'integer')
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addUniqueConstraint('commands_idempotency', ['actor_user', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('commands_last_seq').ifNotExists().on('commands').column('last_seq').execute();
  await db.schema
    .createTable('journal_head')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('journal_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('snapshots')
    .ifNotExists()
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('replay_checkpoints')
    .ifNotExists()
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('layout', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('users')
    .ifNotExists()
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
