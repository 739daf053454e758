/**
 * A warning → CAP 1.2 XML, valid against the OASIS schema (element order as the XSD's
 * sequences require). Our own warnings carry GB/T 35965.1 identifiers; an update or a
 * cancellation is a new message with its own identifier that references the first one.
 */
import {
  COLOUR_TO_CAP_SEVERITY,
  WARNING_KINDS,
  capCircleFrom,
  capDateTime,
  capPolygonFromRing,
  gbtIdentifier,
  type Warning,
} from '@watchfloor/shared';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const el = (name: string, value: string | null | undefined) => (value ? `<${name}>${esc(value)}</${name}>` : '');

/** How soon the public should act, by colour: red and orange are immediate. */
const URGENCY = { red: 'Immediate', orange: 'Immediate', yellow: 'Expected', blue: 'Future' } as const;

export function warningToCap(w: Warning, regionCode: string): string {
  const first = w.origin === 'local' ? { sender: w.sender, identifier: w.identifier, sent: capDateTime(w.issuedAt) } : null;
  const msgType = w.status === 'cancelled' ? 'Cancel' : w.version > 1 ? 'Update' : 'Alert';
  const identifier = first && msgType !== 'Alert' ? gbtIdentifier(regionCode, w.updatedAt, [w.identifier]) : w.identifier;
  const sent = capDateTime(w.capSent ?? (msgType === 'Alert' ? w.issuedAt : w.updatedAt));
  const references = first && msgType !== 'Alert' ? `${first.sender},${first.identifier},${first.sent}` : null;
  const status = w.capStatus && ['Actual', 'Exercise', 'System', 'Test', 'Draft'].includes(w.capStatus) ? w.capStatus : 'Actual';
  const kind = WARNING_KINDS[w.kind];
  const polygons = w.area.polygons.map((rings) => el('polygon', capPolygonFromRing(rings[0]!))).join('');
  const circles = w.area.circles.map((c) => el('circle', capCircleFrom(c))).join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">',
    el('identifier', identifier),
    el('sender', w.sender),
    el('sent', sent),
    el('status', status),
    el('msgType', msgType),
    el('scope', 'Public'),
    el('references', references),
    '<info>',
    el('language', 'zh-CN'),
    el('category', kind.capCategory),
    el('event', w.event ?? `${kind.zh}预警`),
    el('urgency', msgType === 'Cancel' ? 'Past' : URGENCY[w.colour]),
    el('severity', COLOUR_TO_CAP_SEVERITY[w.colour]),
    el('certainty', 'Likely'),
    el('effective', capDateTime(w.effective)),
    el('expires', w.expires ? capDateTime(w.expires) : null),
    el('senderName', w.origin === 'local' ? '应急管理局' : null),
    el('headline', w.title),
    el('description', w.description),
    el('instruction', w.instruction),
    '<area>',
    el('areaDesc', w.areaDesc || '—'),
    polygons,
    circles,
    '</area>',
    '</info>',
    '</alert>',
  ].join('\n');
}
