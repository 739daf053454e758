import fp from 'fastify-plugin';
import type { Broadcast } from '../store/types.js';
import { PositionHub } from './position-hub.js';
import { PositionRelay } from './position-relay.js';
import { TrackStore } from './track-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    positions: { hub: PositionHub; tracks: TrackStore };
  }
}

/** How often coalesced positions go out to every screen, in ms. */
export const POSITION_BROADCAST_MS = 250;

/**
 * Live team positions: the hot path, kept off the journal. Reports are coalesced in memory
 * (`PositionHub`), broadcast as `positions` every POSITION_BROADCAST_MS to every connected
 * socket, written to the dispatch track file on the same tick, and sent whole to a socket when
 * it connects so a wall shows every team at once.
 *
 * With a `relay` (scale-out: the PostgreSQL store offers one, the embedded store none), the same
 * tick relays the fixes reported here to the other servers, and their fixes join this server's
 * picture (`PositionRelay`), so a wall sees every team whichever server a device reports to.
 */
export const positionsPlugin = fp<{ broadcastMs?: number; relay?: Broadcast | undefined }>(
  async (app, opts) => {
    const hub = new PositionHub();
    const tracks = new TrackStore(app.config.dataDir);
    app.decorate('positions', { hub, tracks });
    const relay = opts.relay ? new PositionRelay(opts.relay, hub, app.log) : undefined;
    const stopRelay = await relay?.start();

    app.io.on('connection', (socket) => {
      const all = hub.all();
      if (all.length > 0) socket.emit('positions', all);
    });

    const tick = () => {
      const { changed, reportedHere, track } = hub.flush();
      if (changed.length > 0) app.io.emit('positions', changed);
      const relayed = relay?.publish(reportedHere);
      try {
        tracks.append(track);
      } catch (error) {
        // The live picture matters more than the replay: log and carry on.
        app.log.error({ err: error }, 'writing dispatch tracks failed');
      }
      return relayed;
    };
    const timer = setInterval(tick, opts.broadcastMs ?? POSITION_BROADCAST_MS);
    timer.unref();
    app.addHook('preClose', async () => {
      clearInterval(timer);
      await tick();
    });
    app.addHook('onClose', async () => {
      await stopRelay?.();
      tracks.close();
    });
  },
  { name: 'watchfloor-positions', dependencies: ['watchfloor-realtime', 'watchfloor-journal'] },
);
