import fp from 'fastify-plugin';
import type { JournalStore } from '../store/types.js';
import type { Clock } from './clock.js';
import { Journal } from './journal.js';

declare module 'fastify' {
  interface FastifyInstance {
    journal: Journal;
  }
}

/** Opens the journal (rebuilding the read model) and closes it last, after the queue drains. */
export const journalPlugin = fp<{ store: JournalStore; clock: Clock }>(
  async (app, { store, clock }) => {
    const journal = new Journal(store, clock);
    await journal.open();
    app.log.info({ journalId: journal.journalId, head: journal.head, store: store.dialect }, 'journal open');
    app.decorate('journal', journal);
    app.addHook('onClose', async () => {
      await journal.snapshot().catch((error: unknown) => app.log.warn({ err: error }, 'final snapshot failed'));
      await journal.close();
    });
  },
  { name: 'watchfloor-journal' },
);
