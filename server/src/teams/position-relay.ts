import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import { teamPositionSchema, type TeamPosition } from '@watchfloor/shared';
import type { Broadcast } from '../store/types.js';
import type { PositionHub } from './position-hub.js';

/**
 * Version 1 of what one server tells the others: who sent it, and a chunk of the fixes reported
 * to it. Positions are checked one by one below, so one bad fix costs only itself.
 */
const relayMessageSchema = z.object({
  v: z.literal(1),
  origin: z.string().min(1).max(64),
  positions: z.array(z.unknown()).max(1000),
});

/** Splits `positions` into version-1 messages of at most `maxBytes` UTF-8 bytes each. */
export function encodePositions(origin: string, positions: readonly TeamPosition[], maxBytes: number): string[] {
  const head = `{"v":1,"origin":${JSON.stringify(origin)},"positions":[`;
  const tail = ']}';
  const empty = Buffer.byteLength(head + tail);
  const messages: string[] = [];
  let parts: string[] = [];
  let bytes = empty;
  for (const p of positions) {
    const part = JSON.stringify(p);
    const size = Buffer.byteLength(part);
    // A position is a few hundred bytes at most (teamId ≤ 60 characters): one always fits.
    if (parts.length > 0 && bytes + 1 + size > maxBytes) {
      messages.push(head + parts.join(',') + tail);
      parts = [];
      bytes = empty;
    }
    bytes += (parts.length > 0 ? 1 : 0) + size;
    parts.push(part);
  }
  if (parts.length > 0) messages.push(head + parts.join(',') + tail);
  return messages;
}

/** A message read back: its sender, the valid positions, and why the others were dropped. */
export type DecodedPositions = { ok: true; origin: string; positions: TeamPosition[]; rejected: string[] } | { ok: false; reason: string };

/** Reads a message from another server as untrusted input: JSON, the envelope, each position. */
export function decodePositions(message: string): DecodedPositions {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const envelope = relayMessageSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: envelope.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const positions: TeamPosition[] = [];
  const rejected: string[] = [];
  envelope.data.positions.forEach((raw, index) => {
    const p = teamPositionSchema.safeParse(raw);
    if (p.success) positions.push(p.data);
    else rejected.push(`${index}.${p.error.issues[0]!.path.join('.')}: ${p.error.issues[0]!.message}`);
  });
  return { ok: true, origin: envelope.data.origin, positions, rejected };
}

/**
 * Live positions across the servers of a scale-out deployment (several servers on one database).
 * Each server relays only the fixes reported to it, tagged with its own id; a server ignores its
 * own messages and merges the others' into its hub (latest `at` wins), whose next tick sends them
 * to its sockets. Nothing is replayed: a lost message is superseded by the team's next fix.
 *
 * Dispatch tracks are not relayed: the server that received a fix writes it to its own track file.
 */
export class PositionRelay {
  private readonly origin = randomUUID();
  /** Fixes waiting for the next send, latest per team: a slow database coalesces, never queues. */
  private readonly pending = new Map<string, TeamPosition>();
  private sending: Promise<void> | null = null;
  private failing = false;

  constructor(
    private readonly bus: Broadcast,
    private readonly hub: PositionHub,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Starts taking the other servers' fixes; returns a stop function. */
  start(): Promise<() => Promise<void>> {
    return this.bus.subscribe((message) => this.receive(message));
  }

  /** Sends this server's changed fixes, or adds them to the send under way; resolves when sent. */
  publish(positions: readonly TeamPosition[]): Promise<void> {
    for (const p of positions) this.pending.set(p.teamId, p);
    if (!this.sending && this.pending.size > 0) this.sending = this.send().finally(() => (this.sending = null));
    return this.sending ?? Promise.resolve();
  }

  private async send(): Promise<void> {
    try {
      while (this.pending.size > 0) {
        const batch = [...this.pending.values()];
        this.pending.clear();
        for (const message of encodePositions(this.origin, batch, this.bus.maxMessageBytes)) await this.bus.publish(message);
      }
      if (this.failing) this.log.info('relaying positions to the other servers works again');
      this.failing = false;
    } catch (error) {
      // Once per outage, not four times a second; the fixes of that send are dropped (superseded).
      if (!this.failing) this.log.error({ err: error }, 'relaying positions to the other servers failed');
      this.failing = true;
    }
  }

  private receive(message: string): void {
    const decoded = decodePositions(message);
    if (!decoded.ok) {
      this.log.warn({ reason: decoded.reason }, 'dropped a positions message from another server');
      return;
    }
    if (decoded.origin === this.origin) return;
    if (decoded.rejected.length > 0) this.log.warn({ origin: decoded.origin, rejected: decoded.rejected.slice(0, 5), count: decoded.rejected.length }, 'dropped invalid positions from another server');
    this.hub.merge(decoded.positions);
  }
}
