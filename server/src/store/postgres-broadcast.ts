import pg from 'pg';
import type { Broadcast } from './types.js';

/** NOTIFY refuses a payload of 8000 bytes or more (PostgreSQL's default build). */
const NOTIFY_MAX_PAYLOAD_BYTES = 7999;
/** How long to wait before listening again after the listener connection is lost, in ms. */
const RELISTEN_AFTER_MS = 1000;

const ignore = () => undefined;

/**
 * A Broadcast over LISTEN/NOTIFY on one channel of the journal's own database. Scale-out already
 * depends on this database and on LISTEN/NOTIFY (the journal follow), so positions add no new
 * service to run, secure and watch (Redis pub/sub would); and a server that can commit can relay.
 *
 * Publishing is one autocommitted statement through the pool, delivered at once. Listening holds a
 * connection of its own and listens again when it is lost (restart, failover): unlike the journal,
 * which polls behind its follow, positions have nothing else to fall back on.
 */
export function postgresBroadcast(pool: pg.Pool, connectionString: string, channel: string): Broadcast {
  return {
    maxMessageBytes: NOTIFY_MAX_PAYLOAD_BYTES,
    async publish(message) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, message]);
    },
    async subscribe(onMessage) {
      let stopped = false;
      let current: pg.Client | undefined;
      let retry: NodeJS.Timeout | undefined;
      // Whatever ends a listener (an error, the server closing it, a failed connect) comes here,
      // once per client, and a new one is tried a moment later.
      const lost = (client: pg.Client) => {
        if (current !== client) return;
        current = undefined;
        void client.end().catch(ignore);
        if (stopped) return;
        clearTimeout(retry);
        retry = setTimeout(() => void listen().catch(ignore), RELISTEN_AFTER_MS);
        retry.unref();
      };
      const listen = async () => {
        // Named, so an operator sees (and a test can cut) the listener in pg_stat_activity.
        const client = new pg.Client({ connectionString, application_name: `${channel}_listener` });
        current = client;
        client.on('notification', (n) => {
          if (n.payload !== undefined) onMessage(n.payload);
        });
        client.on('error', () => lost(client));
        client.on('end', () => lost(client));
        try {
          await client.connect();
          await client.query(`LISTEN ${channel}`);
        } catch (error) {
          lost(client);
          throw error;
        }
      };
      const stop = async () => {
        stopped = true;
        clearTimeout(retry);
        const client = current;
        current = undefined;
        await client?.end().catch(ignore);
      };
      // The first attempt fails loudly: a server should not start half-connected.
      await listen().catch(async (error: unknown) => {
        await stop();
        throw error;
      });
      return stop;
    },
  };
}
