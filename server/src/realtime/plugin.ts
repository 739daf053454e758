import fp from 'fastify-plugin';
import { Server, type Socket } from 'socket.io';
import {
  DomainError,
  handshakeSchema,
  LIMITS,
  socketCommandSchema,
  type Ack,
  type ClientToServerEvents,
  type CommandResult,
  type ErrorBody,
  type ServerToClientEvents,
} from '@watchfloor/shared';
import type { Principal } from '../auth/plugin.js';
import { zodToDomainError } from '../journal/journal.js';
import { catchUp } from './catch-up.js';
import { rooms } from './rooms.js';

interface SocketData {
  principal: Principal;
}
type WatchSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type WatchServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

declare module 'fastify' {
  interface FastifyInstance {
    io: WatchServer;
  }
}

const KNOWN_EVENTS = new Set(['command']);

function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
  return { code: 'internal', message: 'internal error' };
}

/**
 * Socket.IO: authenticates the handshake, replays what a client missed, then relays every
 * committed journal event live, in seq order. Commands arrive as `command` with an ack.
 */
export const realtimePlugin = fp(
  async (app) => {
    const io: WatchServer = new Server(app.server, {
      maxHttpBufferSize: LIMITS.SOCKET_MESSAGE_BYTES,
      serveClient: false,
      pingInterval: 10_000,
      pingTimeout: 10_000,
    });
    app.decorate('io', io);

    io.use((socket, next) => {
      const hs = handshakeSchema.safeParse(socket.handshake.auth);
      const principal = hs.success ? app.auth.verify(hs.data.token) : null;
      if (!principal) return next(new Error('unauthorized'));
      socket.data.principal = principal;
      next();
    });

    const unsubscribe = app.journal.subscribe((events) => {
      // Socket.IO encodes a broadcast before it looks for sockets: with no one live, a 60,000-row
      // import (120 events, ~30 MB of JSON) would be encoded for nobody.
      if (!io.sockets.adapter.rooms.get(rooms.live)?.size) return;
      const live = io.to(rooms.live);
      for (const e of events) live.emit('event', e);
    });

    io.on('connection', (socket: WatchSocket) => {
      const { principal } = socket.data;
      if (principal.exp) {
        // A token that expires mid-session ends the session; the client logs in again.
        const ms = Math.min(principal.exp * 1000 - Date.now(), 2 ** 31 - 1);
        const timer = setTimeout(() => socket.disconnect(true), Math.max(ms, 0));
        socket.on('disconnect', () => clearTimeout(timer));
      }
      socket.on('command', (raw, ack) => {
        const reply = typeof ack === 'function' ? ack : () => undefined;
        const parsed = socketCommandSchema.safeParse(raw);
        if (!parsed.success) return reply({ ok: false, error: toErrorBody(zodToDomainError(parsed.error)) });
        const { id, type, payload } = parsed.data;
        app.journal
          .submit({
            type,
            payload,
            actor: { user: principal.user, role: principal.role },
            originIp: socket.handshake.address,
            channel: 'socket',
            idempotencyKey: id ?? null,
          })
          .then(
            (data): void => reply({ ok: true, data } satisfies Ack<CommandResult>),
            (error: unknown): void => {
              if (!(error instanceof DomainError)) app.log.error({ err: error }, 'socket command failed');
              reply({ ok: false, error: toErrorBody(error) });
            },
          );
      });
      socket.onAny((event: string, ...args: unknown[]) => {
        if (KNOWN_EVENTS.has(event)) return;
        const ack = args[args.length - 1];
        if (typeof ack === 'function') ack({ ok: false, error: { code: 'unknown_command', message: `unknown event "${event}"` } });
      });

      const hs = handshakeSchema.parse(socket.handshake.auth);
      catchUp(
        app.journal,
        {
          event: (e) => socket.emit('event', e),
          snapshot: (s) => socket.emit('snapshot', s),
          goLive: (seq) => {
            socket.join(rooms.live);
            socket.emit('synced', { journalId: app.journal.journalId, seq });
          },
          get connected() {
            return socket.connected;
          },
        },
        hs.since ?? 0,
        hs.journalId,
      ).catch((error: unknown) => {
        app.log.error({ err: error }, 'catch-up failed; disconnecting the client so it retries');
        socket.disconnect(true);
      });
    });

    app.addHook('preClose', async () => {
      unsubscribe();
      io.local.disconnectSockets(true);
    });
    app.addHook('onClose', async () => {
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
    });
  },
  { name: 'watchfloor-realtime', dependencies: ['watchfloor-journal', 'watchfloor-auth'] },
);
