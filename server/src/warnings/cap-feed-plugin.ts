import fp from 'fastify-plugin';
import { DomainError, ingestCap } from '@watchfloor/shared';
import { CAP_FEED_MAX_BYTES, capLinksOfFeed, FeedError, fetchBounded } from './cap-feed.js';
import { CAP_MAX_BYTES, CapError, parseCap } from './cap-parse.js';

/** What one poll did; failures are also logged. */
export interface CapFeedPoll {
  entries: number;
  /** Documents that changed the warnings. */
  ingested: number;
  /** Documents already known (same sender, identifier, sent) or carrying no warning. */
  repeats: number;
  failed: Array<{ url: string; reason: string }>;
}

declare module 'fastify' {
  interface FastifyInstance {
    capFeed: { pollOnce(): Promise<CapFeedPoll> };
  }
}

/** Links already taken in, remembered so a poll does not fetch them again; bounded (oldest go first). */
const SEEN_MAX = 5000;

/**
 * Polls the configured CAP feed (CAP_FEED_URL, every CAP_FEED_INTERVAL_S) and takes in each
 * entry's CAP document through the same parse and `warning:ingest-cap` command as
 * POST /api/alerts/cap, as the system. Anything that goes wrong (bad XML, too big, too slow,
 * unreachable) is logged and skipped: the server stays up and the next poll tries again.
 */
export const capFeedPlugin = fp(
  async (app) => {
    const { url, intervalS, timeoutS } = app.config.capFeed;
    const seen = new Set<string>();
    let inFlight: Promise<CapFeedPoll> | null = null;

    async function ingest(link: string, report: CapFeedPoll): Promise<void> {
      try {
        const alert = parseCap(await fetchBounded(link, CAP_MAX_BYTES, timeoutS * 1000));
        const head = app.journal.head;
        const result = await app.journal.submit({ type: ingestCap.type, payload: alert, actor: { user: 'cap-feed', role: 'system' }, originIp: null, channel: 'system', idempotencyKey: null });
        if (result.seq > head) report.ingested++;
        else report.repeats++;
        seen.add(link);
        if (seen.size > SEEN_MAX) seen.delete(seen.values().next().value!);
      } catch (error) {
        if (!(error instanceof FeedError || error instanceof CapError || error instanceof DomainError)) throw error;
        report.failed.push({ url: link, reason: error instanceof CapError ? `not a CAP alert: ${error.message}` : error.message });
      }
    }

    async function poll(): Promise<CapFeedPoll> {
      const report: CapFeedPoll = { entries: 0, ingested: 0, repeats: 0, failed: [] };
      if (!url) return report;
      let links: string[];
      try {
        links = capLinksOfFeed(await fetchBounded(url, CAP_FEED_MAX_BYTES, timeoutS * 1000), url);
      } catch (error) {
        if (!(error instanceof FeedError)) throw error;
        report.failed.push({ url, reason: error.message });
        app.log.warn({ feed: url, reason: error.message }, 'CAP feed unreadable');
        return report;
      }
      report.entries = links.length;
      const fresh = links.filter((l) => !seen.has(l));
      report.repeats = links.length - fresh.length;
      // One at a time, oldest first: an Update follows the alert it references.
      for (const link of fresh) await ingest(link, report);
      for (const f of report.failed) app.log.warn({ feed: url, entry: f.url, reason: f.reason }, 'CAP feed entry skipped');
      if (report.ingested > 0) app.log.info({ feed: url, ingested: report.ingested }, 'CAP feed alerts taken in');
      return report;
    }

    /** Never two polls at once: a caller during a poll gets that poll's report. */
    const pollOnce = (): Promise<CapFeedPoll> => {
      inFlight ??= poll()
        .catch((error: unknown): CapFeedPoll => {
          app.log.error({ err: error, feed: url }, 'CAP feed poll failed');
          return { entries: 0, ingested: 0, repeats: 0, failed: [{ url: url ?? '', reason: 'internal error' }] };
        })
        .finally(() => (inFlight = null));
      return inFlight;
    };
    app.decorate('capFeed', { pollOnce });

    if (!url) return;
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      void pollOnce();
      timer = setInterval(() => void pollOnce(), intervalS * 1000);
      timer.unref();
    });
    app.addHook('preClose', async () => {
      clearInterval(timer);
      await inFlight;
    });
  },
  { name: 'watchfloor-cap-feed', dependencies: ['watchfloor-journal'] },
);
