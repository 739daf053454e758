import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDataDir, type TestServer } from '../testing/test-server.js';
import { capLinksOfFeed, FeedError } from './cap-feed.js';

// The shared fixtures, relative to the repository (../shared/fixtures/cap from its root).
const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/cap/', import.meta.url));
const fixtureFiles = [...readdirSync(FIXTURES).filter((f) => f.endsWith('.xml')), ...readdirSync(join(FIXTURES, 'real')).filter((f) => f.endsWith('.xml')).map((f) => `real/${f}`)];

/** What the bureau's feed server serves; tests change `feed` between polls. */
let feed = '';
let feedServer: Server;
let base = '';

const atom = (hrefs: string[]) =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>县气象局预警</title><id>urn:feed</id><updated>2026-07-01T00:00:00Z</updated>${hrefs
    .map((h, i) => `<entry><id>urn:e${i}</id><title>预警 ${i}</title><updated>2026-07-01T00:00:00Z</updated><link rel="alternate" type="application/cap+xml" href="${h}"/></entry>`)
    .join('')}</feed>`;

beforeAll(async () => {
  feedServer = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/feed') return res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(feed);
    if (path.startsWith('/cap/') || path.startsWith('/again/')) {
      const file = path.replace(/^\/(cap|again)\//, '');
      if (!fixtureFiles.includes(file)) return res.writeHead(404).end();
      return res.writeHead(200, { 'content-type': 'application/cap+xml' }).end(readFileSync(join(FIXTURES, file)));
    }
    if (path === '/not-cap.xml') return res.writeHead(200, { 'content-type': 'application/xml' }).end('<html><body>维护中</body></html>');
    if (path === '/broken.xml') return res.writeHead(200, { 'content-type': 'application/xml' }).end('<alert><identifier>x');
    if (path === '/xxe.xml') return res.writeHead(200).end('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><alert>&x;</alert>');
    if (path === '/huge.xml') {
      // 30 MB without a Content-Length: the limit must hold while reading.
      res.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let n = 0;
      const pump = () => {
        while (n < 30 && res.write(chunk)) n++;
        if (n >= 30) res.end();
        else res.once('drain', () => (n++, pump()));
      };
      res.on('error', () => undefined);
      return pump();
    }
    if (path === '/slow.xml') return void res.writeHead(200).write('<alert>'); // never ends
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
  const address = feedServer.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  feedServer.closeAllConnections();
  await new Promise((r) => feedServer.close(r));
});

describe('capLinksOfFeed', () => {
  it('reads Atom and RSS links, oldest first, resolved against the feed URL', () => {
    expect(capLinksOfFeed(atom(['/cap/b.xml', 'a.xml']), 'http://feed.local/dir/atom')).toEqual(['http://feed.local/dir/a.xml', 'http://feed.local/cap/b.xml']);
    const rss = '<rss version="2.0"><channel><title>t</title><item><link>http://x.local/2.xml</link></item><item><enclosure url="http://x.local/1.xml" type="application/cap+xml"/><link>http://x.local/page</link></item></channel></rss>';
    expect(capLinksOfFeed(rss, 'http://x.local/rss')).toEqual(['http://x.local/1.xml', 'http://x.local/2.xml']);
    expect(capLinksOfFeed(atom(['javascript:alert(1)', 'file:///etc/passwd']), 'http://x.local/')).toEqual([]);
  });

  it.each([
    ['<feed><entry>', /not well-formed/],
    ['<!DOCTYPE feed [<!ENTITY a "b">]><feed/>', /DOCTYPE/],
    ['<html><body/></html>', /not an Atom <feed> or an RSS <rss>/],
  ])('refuses %s', (xml, reason) => {
    expect(() => capLinksOfFeed(xml, 'http://x.local/')).toThrow(FeedError);
    expect(() => capLinksOfFeed(xml, 'http://x.local/')).toThrow(reason);
  });
});

describe('CAP feed poller', () => {
  let server: TestServer;
  let dir: { remove(): void; dir: string };
  beforeAll(async () => {
    feed = atom([]);
    dir = tempDataDir();
    server = await startTestServer(dir.dir, { CAP_FEED_URL: `${base}/feed`, CAP_FEED_INTERVAL_S: '3600', CAP_FEED_TIMEOUT_S: '1' }, { tickIntervalMs: false }); // expiry of the old fixtures would move the journal
    await server.app.capFeed.pollOnce(); // the poll on start, with an empty feed
  });
  afterAll(async () => {
    await server.close();
    dir.remove();
  });
  const warnings = () => Object.values(server.app.journal.current.warnings.byId);

  it('takes in every fixture the feed links, once; polling again adds nothing', async () => {
    // Each fixture twice: under a second URL too, so ingest itself must see the repeat.
    feed = atom([...fixtureFiles.map((f) => `/cap/${f}`), ...fixtureFiles.map((f) => `/again/${f}`)].reverse());
    const first = await server.app.capFeed.pollOnce();
    expect(first.failed).toEqual([]);
    expect(first.entries).toBe(fixtureFiles.length * 2);
    expect(first.ingested).toBeGreaterThanOrEqual(5);
    expect(first.ingested + first.repeats).toBe(fixtureFiles.length * 2);
    const count = warnings().length;
    expect(count).toBeGreaterThanOrEqual(5);
    expect(warnings().map((w) => w.identifier)).toContain('43b080713727'); // the CAP 1.2 spec's first example

    const head = server.app.journal.head;
    const again = await server.app.capFeed.pollOnce();
    expect(again).toEqual({ entries: fixtureFiles.length * 2, ingested: 0, repeats: fixtureFiles.length * 2, failed: [] });
    expect(server.app.journal.head).toBe(head);
    expect(warnings().length).toBe(count);
  });

  it('skips hostile entries with a reason (bad XML, XXE, not CAP, 30 MB, too slow, 404) and stays up', async () => {
    const head = server.app.journal.head;
    feed = atom(['/broken.xml', '/xxe.xml', '/not-cap.xml', '/huge.xml', '/slow.xml', '/nowhere.xml'].map((p) => base + p));
    const started = Date.now();
    const report = await server.app.capFeed.pollOnce();
    expect(Date.now() - started).toBeLessThan(5000);
    const reasons = Object.fromEntries(report.failed.map((f) => [new URL(f.url).pathname, f.reason]));
    expect(reasons).toEqual({
      '/broken.xml': expect.stringMatching(/not well-formed/),
      '/xxe.xml': expect.stringMatching(/DOCTYPE/),
      '/not-cap.xml': expect.stringMatching(/not a CAP <alert>/),
      '/huge.xml': expect.stringMatching(/over the limit/),
      '/slow.xml': expect.stringMatching(/within 1000 ms/),
      '/nowhere.xml': 'HTTP 404',
    });
    expect(server.app.journal.head).toBe(head);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('an unreadable feed is reported and skipped', async () => {
    feed = '<feed><entry>';
    expect((await server.app.capFeed.pollOnce()).failed).toEqual([{ url: `${base}/feed`, reason: expect.stringMatching(/not well-formed/) }]);
    feed = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><feed>&lol2;</feed>';
    expect((await server.app.capFeed.pollOnce()).failed[0]!.reason).toMatch(/DOCTYPE/);
    feed = `<feed>${'<entry>'.repeat(100_000)}${'</entry>'.repeat(100_000)}</feed>`; // 1.6 MB, 100,000 deep
    expect((await server.app.capFeed.pollOnce()).failed).toEqual([{ url: `${base}/feed`, reason: expect.stringMatching(/not a readable feed: Maximum nested tags exceeded/) }]);
  });
});

describe('CAP feed configuration', () => {
  it('refuses a feed URL that is not http(s), and an interval under 10 s', async () => {
    const { parseConfig } = await import('../config.js');
    expect(() => parseConfig({ CAP_FEED_URL: 'file:///etc/passwd' }, [])).toThrow(/CAP_FEED_URL/);
    expect(() => parseConfig({ CAP_FEED_URL: 'http://10.0.0.5/cap.atom', CAP_FEED_INTERVAL_S: '1' }, [])).toThrow(/CAP_FEED_INTERVAL_S/);
    expect(parseConfig({ CAP_FEED_URL: 'http://10.0.0.5/cap.atom' }, []).capFeed).toEqual({ url: 'http://10.0.0.5/cap.atom', intervalS: 60, timeoutS: 10 });
  });
});
