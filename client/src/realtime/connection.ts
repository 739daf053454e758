import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, CommandResult, JournalEvent, ServerToClientEvents, SliceKey, SocketCommand } from '@watchfloor/shared';
import { newCommandId } from './command-id';
import { defaultBackoffMs, LinkClosedError, sendUntilAcked, type CommandTransport } from './command-retry';
import { EventDispatcher, type StateSink } from './event-dispatcher';
import { FrameBatch } from './frame-batch';
import type { SliceStore } from './slice-store';
import { SLICE_STORES } from './slice-stores';
import { useSyncStore } from './sync-store';
import { usePositionsStore } from '../teams/positions-store';

/**
 * The one module that owns the Socket.IO connection. It resumes from the last applied seq on
 * every (re)connect, feeds the stores through the EventDispatcher (seq order, no duplicates,
 * no gaps), keeps the sync store's status, and sends commands until they are acknowledged.
 * Components never import socket.io-client; they call start/stop and sendCommand.
 */

type WatchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Wait this long for a command's ack before sending it again, in ms. */
const ACK_TIMEOUT_MS = 10_000;
/** Longest pause between forced resyncs that keep failing, in ms. */
const RESYNC_DELAY_MAX_MS = 30_000;

let socket: WatchSocket | null = null;
let token: string | null = null;
let dispatcher: EventDispatcher | null = null;
/** Journal events received but not yet applied: applied together once per animation frame. */
let incoming: FrameBatch<JournalEvent> | null = null;
/** Consecutive resyncs without reaching `synced`; spaces out reconnects if the server keeps misbehaving. */
let resyncStreak = 0;
let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
const readyWaiters = new Set<{ resolve: () => void; reject: (e: Error) => void }>();
const inflight = new Set<(e: Error) => void>();

function storeSink(): StateSink {
  const stores = (Object.keys(SLICE_STORES) as SliceKey[]).map((key) => ({ key, store: SLICE_STORES[key]() as SliceStore<SliceKey> }));
  const sync = useSyncStore();
  return {
    apply(events) {
      for (const { store } of stores) store.apply(events);
      const last = events[events.length - 1]!;
      sync.eventApplied(last.seq, last.at);
    },
    replace(state) {
      for (const { key, store } of stores) store.replace(state[key]);
    },
    reset() {
      for (const { store } of stores) store.reset();
      sync.positioned(0, null);
    },
  };
}

function getDispatcher(): EventDispatcher {
  dispatcher ??= new EventDispatcher(storeSink(), () => resync());
  return dispatcher;
}

function getIncoming(): FrameBatch<JournalEvent> {
  const d = getDispatcher();
  incoming ??= new FrameBatch((events) => d.events(events));
  return incoming;
}

/** Drop this connection and open a new one whose handshake sends the current resume point. */
function resync(): void {
  const s = socket;
  if (!s) return;
  s.disconnect();
  useSyncStore().setStatus('connecting', Date.now());
  const delay = resyncStreak === 0 ? 0 : Math.min(RESYNC_DELAY_MAX_MS, 1000 * 2 ** (resyncStreak - 1));
  resyncStreak += 1;
  scheduleConnect(s, delay);
}

function scheduleConnect(s: WatchSocket, delayMs: number): void {
  clearTimeout(reconnectTimer);
  reconnectTimer = setTimeout(() => {
    if (socket === s) s.connect();
  }, delayMs);
}

function wire(s: WatchSocket): void {
  const d = getDispatcher();
  const events = getIncoming();
  const sync = useSyncStore();
  // Every message but a journal event first hands over the events received before it, so the
  // dispatcher sees the server's order.
  s.on('connect', () => {
    events.flushNow();
    d.connectionStarted();
    sync.setStatus('connecting', Date.now()); // replaying until `synced`
    for (const w of readyWaiters) w.resolve();
    readyWaiters.clear();
  });
  s.on('event', (event) => {
    events.push(event);
  });
  s.on('snapshot', (message) => {
    events.flushNow();
    d.snapshot(message);
    if (!d.resyncing) sync.positioned(d.applied, message.journalId);
  });
  // Team positions: coalesced by the server, outside the journal's seq order; latest fix wins.
  s.on('positions', (batch) => {
    if (Array.isArray(batch)) usePositionsStore().merge(batch);
  });
  s.on('synced', (message) => {
    events.flushNow();
    if (!d.synced(message)) return;
    resyncStreak = 0;
    sync.positioned(d.applied, message.journalId);
    sync.setStatus('live', Date.now());
  });
  s.on('disconnect', (reason) => {
    events.flushNow();
    sync.setStatus('offline', Date.now());
    for (const reject of inflight) reject(new Error('disconnected'));
    inflight.clear();
    // Socket.IO does not reconnect after the server closed the socket on purpose (token expired,
    // catch-up failed). Come back: the handshake then either resumes or is refused as unauthorized.
    if (reason === 'io server disconnect') scheduleConnect(s, defaultBackoffMs(2 + Math.min(resyncStreak++, 4)));
  });
  s.on('connect_error', (error) => {
    if (error.message === 'unauthorized') {
      sync.setStatus('offline', Date.now());
      sync.setAuthRejected(true);
      return;
    }
    sync.setStatus('offline', Date.now());
    // A refusal by a server middleware is not retried by Socket.IO itself; a network error is.
    if (!s.active) scheduleConnect(s, defaultBackoffMs(2 + Math.min(resyncStreak++, 4)));
  });
}

/**
 * Opens the link with this token (a no-op if it is already open with it). Another token means
 * another user: the stores start empty and the server replays from the beginning.
 */
export function startConnection(nextToken: string): void {
  if (socket && token === nextToken) return;
  stopConnection();
  const d = getDispatcher();
  if (token !== null && token !== nextToken) d.reset();
  token = nextToken;
  resyncStreak = 0;
  const sync = useSyncStore();
  sync.setAuthRejected(false);
  sync.setStatus('connecting', Date.now());
  const s: WatchSocket = io({
    auth: (cb) => cb({ token: nextToken, ...d.resumePoint() }),
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
  });
  socket = s;
  wire(s);
}

/** Closes the link. Commands still waiting give up with an `unavailable` error. */
export function stopConnection(): void {
  clearTimeout(reconnectTimer);
  // Not applied: the next connection resumes from what was applied and gets them again.
  incoming?.clear();
  const s = socket;
  socket = null;
  if (s) {
    s.removeAllListeners();
    s.disconnect();
  }
  for (const w of readyWaiters) w.reject(new LinkClosedError());
  readyWaiters.clear();
  for (const reject of inflight) reject(new LinkClosedError());
  inflight.clear();
  useSyncStore().setStatus('offline', Date.now());
}

const transport: CommandTransport = {
  ready() {
    const s = socket;
    if (!s) return Promise.reject(new LinkClosedError());
    if (s.connected) return Promise.resolve();
    return new Promise((resolve, reject) => readyWaiters.add({ resolve, reject }));
  },
  send(command, timeoutMs) {
    return new Promise<Ack<CommandResult>>((resolve, reject) => {
      const s = socket;
      if (!s?.connected) return reject(new Error('not connected'));
      inflight.add(reject);
      s.timeout(timeoutMs).emit('command', command, (error, ack) => {
        inflight.delete(reject);
        if (error) reject(error);
        else resolve(ack);
      });
    });
  },
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends a command over the socket and resolves with the server's answer. It carries a fresh
 * idempotency id and is resent with that same id after a timeout or a dropped link until the
 * server acknowledges it, so it is applied exactly once. Resolves `{ ok: false }` when the
 * server refuses it (the error names the field) or when the link is closed (logout).
 */
export function sendCommand(
  type: string,
  payload: unknown,
  options: { onRetry?: (attempt: number) => void } = {},
): Promise<Ack<CommandResult>> {
  const command: SocketCommand & { id: string } = { id: newCommandId(), type, payload };
  return sendUntilAcked(transport, command, {
    ackTimeoutMs: ACK_TIMEOUT_MS,
    backoffMs: defaultBackoffMs,
    sleep,
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  });
}
