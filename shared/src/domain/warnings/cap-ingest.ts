/**
 * Deciding what a CAP alert means for the warnings in force (pure, no XML here):
 * - the same (sender, identifier, sent) again → nothing, answers the first warning (idempotent);
 * - `Alert` → a new warning;
 * - `Update` → updates the newest warning it references that is in force (others it references
 *   are superseded, i.e. cancelled); when it references nothing we know, it is a new warning;
 * - `Cancel` → cancels every warning in force it references;
 * - `Ack`, `Error`, or a Cancel of something we never had → recorded nowhere, answered `ignored`.
 */
import type { Decision } from '../../command.js';
import type { DecideContext, DraftEvent } from '../../journal.js';
import type { WatchState } from '../../state.js';
import type { CapAlert } from './cap-alert.js';
import { callEventFor } from './call.js';
import { colourFromCapSeverity, kindFromEventText } from './kinds.js';
import { capKey, isActive, type Warning, type WarningChanges } from './model.js';

/** Without an `expires`, an imported alert stays in force this long (ms), then expires. */
export const CAP_DEFAULT_LIFETIME_MS = 24 * 3600 * 1000;

const iso = (s: string) => new Date(s).toISOString();

function warningFromCap(alert: CapAlert, id: string, ctx: DecideContext, key: string): Warning {
  const info = alert.info;
  const event = info?.event || alert.msgType;
  const kind = kindFromEventText(event);
  const effective = info?.effective ? iso(info.effective) : iso(alert.sent);
  const expires = info?.expires ? iso(info.expires) : new Date(Date.parse(effective) + CAP_DEFAULT_LIFETIME_MS).toISOString();
  return {
    id,
    identifier: alert.identifier,
    sender: alert.sender,
    origin: 'cap',
    kind,
    colour: colourFromCapSeverity(info?.severity ?? 'Unknown', kind),
    title: (info?.headline || event).slice(0, 200),
    description: info?.description ?? '',
    instruction: info?.instruction ?? '',
    areaDesc: info?.areaDesc ?? '',
    area: info?.area ?? { polygons: [], circles: [] },
    effective,
    expires,
    status: 'issued',
    issuedAt: ctx.now,
    issuedBy: ctx.actor.user,
    updatedAt: ctx.now,
    version: 1,
    endedAt: null,
    endReason: null,
    capStatus: alert.status,
    capSent: iso(alert.sent),
    event,
    capKeys: [key],
    acknowledgedBy: null,
    acknowledgedAt: null,
    call: null,
  };
}

export function decideCapIngest(state: WatchState, alert: CapAlert, ctx: DecideContext): Decision {
  const key = capKey(alert.sender, alert.identifier, alert.sent);
  const known = state.warnings.capIndex[key];
  if (known) return { events: [], result: { id: known, duplicate: true } };

  const referenced = [
    ...new Set(alert.references.map((r) => state.warnings.capIndex[capKey(r.sender, r.identifier, r.sent)]).filter((id): id is string => !!id)),
  ]
    .map((id) => state.warnings.byId[id]!)
    .filter(isActive)
    .sort((a, b) => Date.parse(b.issuedAt) - Date.parse(a.issuedAt));

  if (alert.msgType === 'Cancel') {
    if (referenced.length === 0) return { events: [], result: { ignored: 'cancels nothing in force here' } };
    const events: DraftEvent[] = referenced.map((w, i) => ({
      type: 'warning:cancelled',
      // The CAP key goes with the first so a repeat of this Cancel is recognised.
      data: { id: w.id, reason: alert.info?.headline || 'cancelled by sender', ...(i === 0 ? { capKey: key } : {}) },
    }));
    return { events, result: { id: referenced[0]!.id, cancelled: referenced.map((w) => w.id) } };
  }
  if (alert.msgType === 'Ack' || alert.msgType === 'Error') return { events: [], result: { ignored: `msgType ${alert.msgType} carries no warning` } };

  const fresh = warningFromCap(alert, ctx.newId('warn'), ctx, key);
  const target = alert.msgType === 'Update' ? referenced[0] : undefined;
  if (!target) return { events: [{ type: 'warning:issued', data: fresh }, ...callEventFor(state, fresh, ctx.now)], result: { id: fresh.id } };

  const changes: WarningChanges = {
    colour: colourFromCapSeverity(alert.info?.severity ?? 'Unknown', target.kind),
    identifier: fresh.identifier,
    title: fresh.title,
    description: fresh.description,
    instruction: fresh.instruction,
    areaDesc: fresh.areaDesc || target.areaDesc,
    area: fresh.area.polygons.length + fresh.area.circles.length > 0 ? fresh.area : target.area,
    effective: fresh.effective,
    expires: fresh.expires,
    event: fresh.event,
    capStatus: fresh.capStatus,
    capSent: fresh.capSent,
  };
  const superseded: DraftEvent[] = referenced.slice(1).map((w) => ({ type: 'warning:cancelled', data: { id: w.id, reason: `superseded by ${alert.identifier}` } }));
  return {
    events: [{ type: 'warning:updated', data: { id: target.id, changes, capKey: key } }, ...superseded, ...callEventFor(state, { ...target, ...changes }, ctx.now)],
    result: { id: target.id, updated: true },
  };
}
