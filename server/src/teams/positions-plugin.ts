import fp from 'fastify-plugin';
import { PositionHub } from './position-hub.js';
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
 */
export const positionsPlugin = fp<{ broadcastMs?: number }>(
  async (app, opts) => {
    const hub = new PositionHub();
    const tracks = new TrackStore(app.config.dataDir);
    app.decorate('positions', { hub, tracks });

    app.io.on('connection', (socket) => {
      const all = hub.all();
      if (all.length > 0) socket.emit('positions', all);
    });

    const tick = () => {
      const { changed, track } = hub.flush();
      if (changed.length > 0) app.io.emit('positions', changed);
      try {
        tracks.append(track);
      } catch (error) {
        // The live picture matters more than the replay: log and carry on.
        app.log.error({ err: error }, 'writing dispatch tracks failed');
      }
    };
    const timer = setInterval(tick, opts.broadcastMs ?? POSITION_BROADCAST_MS);
    timer.unref();
    app.addHook('preClose', async () => {
      clearInterval(timer);
      tick();
    });
    app.addHook('onClose', async () => tracks.close());
  },
  { name: 'watchfloor-positions', dependencies: ['watchfloor-realtime', 'watchfloor-journal'] },
);
