/**
 * Warning commands: issue, update, cancel, acknowledge (people), expire (the system), ingest a
 * CAP alert (importers), and 叫应 confirmation and escalation.
 */
import { z } from 'zod';
import { defineCommand, type CommandDef } from '../../command.js';
import { DomainError } from '../../errors.js';
import type { WatchState } from '../../state.js';
import { onDutyAt } from '../shifts.js';
import { warningAreaSchema } from './area.js';
import { callEventFor, overduePeople } from './call.js';
import { capAlertSchema } from './cap-alert.js';
import { decideCapIngest } from './cap-ingest.js';
import { gbtIdentifier } from './identifier.js';
import { kindHasColour, warningColourSchema, warningKindSchema, WARNING_KINDS } from './kinds.js';
import { CALL_CHANNELS, isActive, type Warning, type WarningChanges } from './model.js';

const text = (max: number) => z.string().trim().max(max);
const instant = z.iso.datetime({ offset: true });
const iso = (s: string) => new Date(s).toISOString();

export const issueWarningSchema = z
  .strictObject({
    kind: warningKindSchema,
    colour: warningColourSchema,
    title: text(200).min(1, 'title is empty'),
    description: text(4000).default(''),
    instruction: text(2000).default(''),
    areaDesc: text(1000).min(1, 'areaDesc is empty'),
    area: warningAreaSchema,
    effective: instant.optional(),
    expires: instant,
  })
  .refine((p) => kindHasColour(p.kind, p.colour), { message: 'this kind is never issued in this colour', path: ['colour'] });

export const updateWarningSchema = z.strictObject({
  id: z.string().min(1).max(100),
  colour: warningColourSchema.optional(),
  title: text(200).min(1).optional(),
  description: text(4000).optional(),
  instruction: text(2000).optional(),
  areaDesc: text(1000).min(1).optional(),
  area: warningAreaSchema.optional(),
  expires: instant.optional(),
});

const byId = z.strictObject({ id: z.string().min(1).max(100) });
const endSchema = z.strictObject({ id: z.string().min(1).max(100), reason: text(500).default('') });

function activeWarning(state: WatchState, id: string): Warning {
  const w = state.warnings.byId[id];
  if (!w) throw new DomainError('not_found', `no warning ${id}`, 'id');
  if (!isActive(w)) throw new DomainError('conflict', `warning ${id} is already ${w.status}`, 'id');
  return w;
}

export const issueWarning = defineCommand({
  type: 'warning:issue',
  summary: 'Issue a warning (发布预警)',
  payload: issueWarningSchema,
  roles: ['duty', 'commander', 'admin'],
  decide(state, p, ctx) {
    const effective = p.effective ? iso(p.effective) : ctx.now;
    if (Date.parse(p.expires) <= Date.parse(effective)) throw new DomainError('invalid', 'expires must be after effective', 'expires');
    const region = state.region.county?.code ?? '000000';
    const identifier = gbtIdentifier(region, ctx.now, Object.values(state.warnings.byId).map((w) => w.identifier));
    const w: Warning = {
      id: ctx.newId('warn'),
      identifier,
      sender: `watchfloor@${region}`,
      origin: 'local',
      kind: p.kind,
      colour: p.colour,
      title: p.title,
      description: p.description,
      instruction: p.instruction,
      areaDesc: p.areaDesc,
      area: p.area,
      effective,
      expires: iso(p.expires),
      status: 'issued',
      issuedAt: ctx.now,
      issuedBy: ctx.actor.user,
      updatedAt: ctx.now,
      version: 1,
      endedAt: null,
      endReason: null,
      capStatus: null,
      capSent: null,
      event: `${WARNING_KINDS[p.kind].zh}预警`,
      capKeys: [],
      acknowledgedBy: null,
      acknowledgedAt: null,
      call: null,
    };
    return { events: [{ type: 'warning:issued', data: w }, ...callEventFor(state, w, ctx.now)], result: { id: w.id, identifier } };
  },
});

export const updateWarning = defineCommand({
  type: 'warning:update',
  summary: 'Update a warning in force: colour, text, area or expiry (更新预警)',
  payload: updateWarningSchema,
  roles: ['duty', 'commander', 'admin'],
  decide(state, p, ctx) {
    const w = activeWarning(state, p.id);
    if (p.colour && !kindHasColour(w.kind, p.colour)) throw new DomainError('invalid', 'this kind is never issued in this colour', 'colour');
    const { id, ...rest } = p;
    const changes: WarningChanges = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    if (changes.expires) changes.expires = iso(changes.expires);
    if (Object.keys(changes).length === 0) throw new DomainError('invalid', 'nothing to update');
    const next = { ...w, ...changes };
    return { events: [{ type: 'warning:updated', data: { id, changes } }, ...callEventFor(state, next, ctx.now)], result: { id } };
  },
});

export const cancelWarning = defineCommand({
  type: 'warning:cancel',
  summary: 'Cancel a warning (解除预警)',
  payload: endSchema,
  roles: ['duty', 'commander', 'admin'],
  decide(state, p) {
    activeWarning(state, p.id);
    return { events: [{ type: 'warning:cancelled', data: { id: p.id, reason: p.reason || 'cancelled' } }], result: { id: p.id } };
  },
});

/** Issued by the system only (no role may), when a warning's expiry has passed. */
export const expireWarning = defineCommand({
  type: 'warning:expire',
  summary: 'Mark a warning expired (system)',
  payload: byId,
  roles: [],
  decide(state, p, ctx) {
    const w = activeWarning(state, p.id);
    if (!w.expires || Date.parse(w.expires) > Date.parse(ctx.now)) throw new DomainError('conflict', 'not expired yet', 'id');
    return { events: [{ type: 'warning:expired', data: { id: p.id, reason: 'expired' } }] };
  },
});

export const acknowledgeWarning = defineCommand({
  type: 'warning:acknowledge',
  summary: "Acknowledge a warning on the wall: silences the wall's alarm for it",
  payload: byId,
  roles: ['duty', 'commander', 'admin'],
  decide(state, p) {
    const w = activeWarning(state, p.id);
    if (w.acknowledgedAt) return { events: [], result: { id: p.id } };
    return { events: [{ type: 'warning:acknowledged', data: { id: p.id } }], result: { id: p.id } };
  },
});

export const ingestCap = defineCommand({
  type: 'warning:ingest-cap',
  summary: 'Take in a parsed CAP alert (POST /api/alerts/cap parses the XML)',
  payload: capAlertSchema,
  roles: ['duty', 'commander', 'admin'],
  decide: (state, alert, ctx) => decideCapIngest(state, alert, ctx),
});

export const confirmCall = defineCommand({
  type: 'call:confirm',
  summary: 'Record that a responsible person confirmed receipt of a warning (叫应)',
  payload: z.strictObject({ warningId: z.string().min(1).max(100), personId: z.string().min(1).max(100), channel: z.enum(CALL_CHANNELS) }),
  roles: ['duty', 'commander', 'admin', 'reporter'],
  decide(state, p, ctx) {
    const w = activeWarning(state, p.warningId);
    const person = w.call?.people.find((x) => x.id === p.personId);
    if (!person) throw new DomainError('not_found', `no responsible person ${p.personId} for this warning`, 'personId');
    // A field account confirms only for the people it stands for; the desk confirms for anyone it reached.
    if (ctx.actor.role === 'reporter' && person.account !== ctx.actor.user) {
      throw new DomainError('forbidden', 'you may confirm only for yourself', 'personId');
    }
    if (person.confirmedAt) return { events: [], result: { already: true } };
    return { events: [{ type: 'call:confirmed', data: p }] };
  },
});

/** System only: the overdue people of a call list go to the leader on duty. */
export const escalateCall = defineCommand({
  type: 'call:escalate',
  summary: 'Escalate unconfirmed responsible people to the leader on duty (system)',
  payload: z.strictObject({ warningId: z.string().min(1).max(100) }),
  roles: [],
  decide(state, p, ctx) {
    const w = activeWarning(state, p.warningId);
    const overdue = w.call ? overduePeople(w.call, new Date(ctx.now)) : [];
    if (overdue.length === 0) throw new DomainError('conflict', 'nobody is overdue', 'warningId');
    const leader = onDutyAt(state.shifts, new Date(ctx.now)).current?.leader ?? null;
    return { events: [{ type: 'call:escalated', data: { warningId: w.id, personIds: overdue.map((x) => x.id), to: leader } }] };
  },
});

export const warningCommands: CommandDef[] = [issueWarning, updateWarning, cancelWarning, expireWarning, acknowledgeWarning, ingestCap, confirmCall, escalateCall] as CommandDef[];
