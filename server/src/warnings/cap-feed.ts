/**
 * A CAP feed (Atom or RSS) as a list of CAP document links, and bounded fetching of both. The
 * feed comes from the bureau's network but is still hostile input: no DTD or entities, a size
 * cap, a time cap, and a cap on entries per poll.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Largest feed document, in bytes: a feed of 200 entries is well under 1 MB. */
export const CAP_FEED_MAX_BYTES = 2 * 1024 * 1024;
/** Entries taken from one poll: a feed longer than this is cut to its newest entries. */
export const CAP_FEED_MAX_ENTRIES = 200;

export class FeedError extends Error {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: false,
  // Atom and RSS nest five deep or so; the parser throws past this.
  maxNestedTags: 32,
  isArray: (name) => name === 'entry' || name === 'item' || name === 'link' || name === 'enclosure',
});

type Node = Record<string, unknown>;
const asNode = (v: unknown): Node | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : null);
const asText = (v: unknown): string | null => (typeof v === 'string' ? v.trim() : asNode(v) && typeof asNode(v)!['#text'] === 'string' ? String(asNode(v)!['#text']).trim() : null);

/** The link of an Atom entry most likely to be its CAP document. */
function atomLink(entry: Node): string | null {
  const links = (entry.link as unknown[] | undefined)?.map(asNode).filter((l): l is Node => !!l) ?? [];
  const href = (l: Node) => (typeof l['@href'] === 'string' ? l['@href'] : null);
  const cap = links.find((l) => /cap\+xml|xml/i.test(String(l['@type'] ?? '')));
  const alternate = links.find((l) => (l['@rel'] ?? 'alternate') === 'alternate');
  return (cap && href(cap)) ?? (alternate && href(alternate)) ?? (links[0] && href(links[0])) ?? null;
}

/** The link of an RSS item: a CAP enclosure, else its <link>. */
function rssLink(item: Node): string | null {
  const enclosure = (item.enclosure as unknown[] | undefined)?.map(asNode).find((e) => e && typeof e['@url'] === 'string');
  if (enclosure) return String(enclosure['@url']);
  const link = (item.link as unknown[] | undefined)?.[0];
  return asText(link);
}

/**
 * The CAP document URLs of a feed, oldest first (feeds list newest first; an Update must come
 * after the alert it updates), resolved against the feed's own URL. Throws FeedError saying why.
 */
export function capLinksOfFeed(xml: string, feedUrl: string): string[] {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) throw new FeedError('DOCTYPE and ENTITY declarations are not allowed in a feed');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new FeedError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    throw new FeedError(`not a readable feed: ${error instanceof Error ? error.message : String(error)}`); // the parser's limits (nesting)
  }
  let links: Array<string | null>;
  const feed = asNode(doc.feed);
  const channel = asNode(asNode(doc.rss)?.channel) ?? asNode(doc.RDF);
  if (feed) links = ((feed.entry as unknown[] | undefined) ?? []).map(asNode).map((e) => (e ? atomLink(e) : null));
  else if (channel) links = (((channel.item as unknown[] | undefined) ?? (asNode(doc.RDF)?.item as unknown[] | undefined)) ?? []).map(asNode).map((i) => (i ? rssLink(i) : null));
  else throw new FeedError(`the root element is <${Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'none'}>, not an Atom <feed> or an RSS <rss>`);
  const urls: string[] = [];
  for (const link of links.slice(0, CAP_FEED_MAX_ENTRIES)) {
    if (!link) continue;
    try {
      const url = new URL(link, feedUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') urls.push(url.href);
    } catch {
      // A link that is not a URL: the entry is skipped, the rest of the feed still counts.
    }
  }
  return urls.reverse();
}

/**
 * GETs a URL as text, refusing anything over `maxBytes` (by Content-Length, or while reading)
 * or slower than `timeoutMs` in all. Throws FeedError saying which.
 */
export async function fetchBounded(url: string, maxBytes: number, timeoutMs: number): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(url, { signal: controller.signal, redirect: 'follow', headers: { accept: 'application/atom+xml, application/rss+xml, application/cap+xml, application/xml;q=0.9, */*;q=0.5' } });
    if (!res.ok) throw new FeedError(`HTTP ${res.status}`);
    const declared = Number(res.headers.get('content-length'));
    if (declared > maxBytes) throw new FeedError(`${declared} bytes, over the limit of ${maxBytes}`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > maxBytes) throw new FeedError(`over the limit of ${maxBytes} bytes`);
        chunks.push(chunk);
      }
    }
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    if (error instanceof FeedError) throw error;
    if (controller.signal.aborted) throw new FeedError(`no complete answer within ${timeoutMs} ms`);
    throw new FeedError(`fetch failed: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
  } finally {
    clearTimeout(timer);
    controller.abort(); // releases the connection of a body left unread
  }
}
