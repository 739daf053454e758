/**
 * CAP 1.2 / 1.1 XML → the `CapAlert` the journal takes. The XML is hostile until proven
 * otherwise: a DOCTYPE or ENTITY declaration is refused before parsing (so no DTD, no entity
 * expansion, no external fetch can happen), the size and the number of elements are bounded
 * (which bounds the parse time: fast-xml-parser is linear in its input), and entity processing
 * is off in the parser as a second line. Every refusal says why.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  CAP_MSG_TYPES,
  CAP_SEVERITIES,
  CAP_STATUSES,
  capAlertSchema,
  circleFromCap,
  parseCapReferences,
  ringFromCapPolygon,
  type CapAlert,
  type WarningArea,
} from '@watchfloor/shared';

/** Largest CAP document, in bytes: real ones embed base64 audio of a few hundred KB. */
export const CAP_MAX_BYTES = 2 * 1024 * 1024;
/** Most elements a CAP document may have; a real one has tens to a few hundred. */
const CAP_MAX_ELEMENTS = 20_000;
/** Deepest nesting of elements a CAP document may have. */
const CAP_MAX_DEPTH = 32;

const CAP_NAMESPACES: Record<string, '1.1' | '1.2'> = {
  'urn:oasis:names:tc:emergency:cap:1.1': '1.1',
  'urn:oasis:names:tc:emergency:cap:1.2': '1.2',
};

export class CapError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CapError';
  }
}

const REPEATED = new Set(['info', 'area', 'polygon', 'circle', 'resource', 'parameter', 'geocode', 'eventCode', 'category', 'responseType', 'code']);

const parser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  // Identifiers like "309104501346800" must stay text, not become numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
  // CAP nests five deep (alert > info > area > geocode > value); the parser throws past this.
  maxNestedTags: CAP_MAX_DEPTH,
  isArray: (name) => REPEATED.has(name),
});

type Node = Record<string, unknown>;
const text = (node: Node, key: string, max = 100_000): string => {
  const v = node[key];
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v.slice(0, max);
  if (typeof v === 'object' && '#text' in (v as Node)) return String((v as Node)['#text']).slice(0, max);
  return '';
};
const nodes = (node: Node, key: string): Node[] => (Array.isArray(node[key]) ? (node[key] as unknown[]).filter((x): x is Node => typeof x === 'object' && x !== null) : []);
const strings = (node: Node, key: string): string[] => (Array.isArray(node[key]) ? (node[key] as unknown[]).map((x) => (typeof x === 'string' ? x : '')) : []);

function instant(value: string, field: string, required: boolean): string | null {
  if (!value) {
    if (required) throw new CapError(`<${field}> is missing`, field);
    return null;
  }
  // CAP dateTime always carries an offset; without one the instant is ambiguous.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new CapError(`<${field}> "${value.slice(0, 40)}" is not a CAP dateTime`, field);
  }
  return new Date(value).toISOString();
}

function oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new CapError(`<${field}> "${value.slice(0, 40)}" is not one of ${allowed.join(', ')}`, field);
  return value as T;
}

function areaOf(info: Node): { areaDesc: string; area: WarningArea } {
  const area: WarningArea = { polygons: [], circles: [] };
  const descs: string[] = [];
  for (const a of nodes(info, 'area')) {
    descs.push(text(a, 'areaDesc', 1000));
    // An empty <polygon/> (seen in NWS feeds) means no polygon, not a broken one.
    for (const p of strings(a, 'polygon').filter((x) => x.trim())) {
      const r = ringFromCapPolygon(p);
      if ('error' in r) throw new CapError(`<polygon>: ${r.error}`, 'polygon');
      area.polygons.push([r.ring]);
    }
    for (const c of strings(a, 'circle').filter((x) => x.trim())) {
      const r = circleFromCap(c);
      if ('error' in r) throw new CapError(`<circle>: ${r.error}`, 'circle');
      area.circles.push(r);
    }
  }
  return { areaDesc: descs.filter(Boolean).join('; ').slice(0, 4000), area };
}

/**
 * The namespace of the root <alert> (default or prefixed, e.g. <cap:alert xmlns:cap="…">). The
 * parser drops namespace prefixes, so it is read from the root start tag itself.
 */
function rootNamespace(xml: string): string | null {
  const root = /<(?:([A-Za-z_][\w.-]*):)?alert\b([^>]*)>/.exec(xml);
  if (!root) return null;
  const attr = root[1] ? `xmlns:${root[1]}` : 'xmlns';
  const m = new RegExp(`\\s${attr.replace('.', '\\.')}\\s*=\\s*(["'])([^"']*)\\1`).exec(root[2] ?? '');
  return m ? m[2]! : null;
}

/** Parses and checks a CAP document; throws CapError saying what is wrong. */
export function parseCap(xml: string): CapAlert {
  if (Buffer.byteLength(xml) > CAP_MAX_BYTES) throw new CapError(`the document is over ${CAP_MAX_BYTES} bytes`);
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) throw new CapError('DOCTYPE and ENTITY declarations are not allowed in CAP');
  const elements = xml.split('<').length - 1;
  if (elements > CAP_MAX_ELEMENTS) throw new CapError(`the document has over ${CAP_MAX_ELEMENTS} elements`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new CapError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);

  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    // The parser's own limits (nesting) throw plain errors: still the document's fault, not ours.
    throw new CapError(`not a readable CAP document: ${error instanceof Error ? error.message : String(error)}`);
  }
  const alert = doc.alert;
  if (typeof alert !== 'object' || alert === null || Array.isArray(alert)) {
    const root = Object.keys(doc).find((k) => !k.startsWith('?'));
    throw new CapError(`the root element is <${root ?? 'none'}>, not a CAP <alert>`, 'alert');
  }
  const a = alert as Node;
  const ns = rootNamespace(xml);
  const version = ns ? CAP_NAMESPACES[ns] : undefined;
  if (!version) throw new CapError(`<alert> is not in a CAP 1.1 or 1.2 namespace (got ${ns ? `"${ns.slice(0, 80)}"` : 'none'})`, 'alert');

  const identifier = text(a, 'identifier', 500);
  const sender = text(a, 'sender', 500);
  if (!identifier) throw new CapError('<identifier> is missing', 'identifier');
  if (!sender) throw new CapError('<sender> is missing', 'sender');
  const refs = parseCapReferences(text(a, 'references', 100_000));
  if ('error' in refs) throw new CapError(`<references>: ${refs.error}`, 'references');

  const infos = nodes(a, 'info');
  const info = infos.find((i) => /^zh/i.test(text(i, 'language'))) ?? infos[0];
  const candidate: CapAlert = {
    version,
    identifier,
    sender,
    sent: instant(text(a, 'sent'), 'sent', true)!,
    status: oneOf(text(a, 'status'), CAP_STATUSES, 'status'),
    msgType: oneOf(text(a, 'msgType'), CAP_MSG_TYPES, 'msgType'),
    references: refs.refs.slice(0, 200).map((r) => ({ ...r, sent: new Date(r.sent).toISOString() })),
    info: info
      ? {
          language: text(info, 'language', 40) || 'en-US',
          event: text(info, 'event', 500),
          headline: text(info, 'headline', 1000),
          description: text(info, 'description', 8000),
          instruction: text(info, 'instruction', 4000),
          severity: oneOf(text(info, 'severity'), CAP_SEVERITIES, 'severity'),
          effective: instant(text(info, 'effective'), 'effective', false),
          expires: instant(text(info, 'expires'), 'expires', false),
          senderName: text(info, 'senderName', 500),
          ...areaOf(info),
        }
      : null,
  };
  const checked = capAlertSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new CapError(`${issue.path.join('.')}: ${issue.message}`, issue.path.join('.'));
  }
  return checked.data;
}
