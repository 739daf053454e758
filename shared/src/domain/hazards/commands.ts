import { z } from 'zod';
import { defineCommand, type CommandDef } from '../../command.js';
import { DomainError } from '../../errors.js';
import { refusal, type RowRefusal } from '../../import-rejections.js';
import type { DecideContext } from '../../journal.js';
import type { WatchState } from '../../state.js';
import type { RegionState } from '../region.js';
import { IMPORT_CHUNK_ROWS, wasOf, type HazardChanged, type HazardChangeEvent, type HazardsImported, type PatrolRecorded } from './events.js';
import { closeRefusal, deadlineRefusal, overdueReason, recordRefusal, SUPERVISABLE_RISKS, transitionRefusal, type LoopAction } from './loop.js';
import {
  categoryOf,
  hazardIdSchema,
  hazardRecordSchema,
  patrolPhaseSchema,
  photoIdSchema,
  supervisionLevelSchema,
  type HazardItem,
  type HazardRecord,
} from './model.js';
import { getHazard, type HazardLedgerState } from './slices.js';

/** Most rows one import may carry (one city's campaign found 55,835). */
export const IMPORT_MAX_ROWS = 60_000;
/** Most ids one overdue flag carries. */
const FLAG_MAX_IDS = 1000;
const iso = z.iso.datetime({ offset: true });
const toIso = (s: string) => new Date(s).toISOString();

/** Normalises a ledger row into an item: ids, times in UTC ISO, category, overdue at `now`. */
export function itemFromRecord(r: HazardRecord, id: string, now: string, by: string): HazardItem {
  const item: HazardItem = {
    ...r,
    id,
    category: categoryOf(r.kind),
    foundAt: r.foundAt ? toIso(r.foundAt) : now,
    foundBy: r.foundBy ?? by,
    createdSeq: 0,
    ...(r.rectification
      ? {
          rectification: {
            ...r.rectification,
            deadline: toIso(r.rectification.deadline),
            ...(r.rectification.assignedAt ? { assignedAt: toIso(r.rectification.assignedAt) } : {}),
            ...(r.rectification.completedAt ? { completedAt: toIso(r.rectification.completedAt) } : {}),
          },
        }
      : {}),
    ...(r.supervision
      ? { supervision: { ...r.supervision, deadline: toIso(r.supervision.deadline), ...(r.supervision.listedAt ? { listedAt: toIso(r.supervision.listedAt) } : {}) } }
      : {}),
    ...(r.closedAt ? { closedAt: toIso(r.closedAt) } : {}),
  };
  return overdueReason(item, Date.parse(now)) ? { ...item, overdue: true } : item;
}

/** Why each row cannot enter the ledger (row index from 0), checked against the ledger and region. */
export function importRefusals(ledger: HazardLedgerState, region: RegionState, rows: readonly HazardRecord[]): Array<RowRefusal & { index: number }> {
  const out: Array<RowRefusal & { index: number }> = [];
  const seen = new Set<string>();
  rows.forEach((r, index) => {
    const why = rowRefusal(ledger, region, r, seen);
    if (why) out.push({ index, ...why });
    if (r.id) seen.add(r.id);
  });
  return out;
}

function rowRefusal(ledger: HazardLedgerState, region: RegionState, r: HazardRecord, seen: Set<string>): RowRefusal | null {
  if (!region.townships[r.townshipCode]) return refusal('unknown-township', { township: r.townshipCode }, `unknown township ${r.townshipCode}`);
  if (r.villageCode) {
    const v = region.villages[r.villageCode];
    if (!v) return refusal('unknown-village', { village: r.villageCode }, `unknown village ${r.villageCode}`);
    if (v.townshipCode !== r.townshipCode) return refusal('village-not-in-township', { village: v.name, township: r.townshipCode }, `village ${v.name} is not in township ${r.townshipCode}`);
  }
  const inLedger = `id ${r.id} is already in the ledger`;
  if (r.id && seen.has(r.id)) return refusal('id-twice', { id: r.id }, inLedger);
  if (r.id && getHazard(ledger, r.id)) return refusal('id-in-ledger', { id: r.id }, inLedger);
  return recordRefusal(r, categoryOf(r.kind));
}

export const importHazardsSchema = z.strictObject({
  rows: z.array(hazardRecordSchema).min(1).max(IMPORT_MAX_ROWS),
});

/** `hazard:import`: a whole ledger file, all or nothing, journaled in chunks of IMPORT_CHUNK_ROWS. */
export const importHazards = defineCommand({
  type: 'hazard:import',
  summary: 'Import hazards into the ledger (隐患台账导入), all rows or none',
  payload: importHazardsSchema,
  roles: ['duty', 'commander', 'admin'],
  decide(state, p, ctx) {
    const refusals = importRefusals(state.hazardLedger, state.region, p.rows);
    const first = refusals[0];
    if (first) throw new DomainError('invalid', `row ${first.index + 1}: ${first.reason}`, `rows.${first.index}`);
    const items = p.rows.map((r) => itemFromRecord(r, r.id ?? ctx.newId('hz'), ctx.now, ctx.actor.user));
    const importId = ctx.newId('import');
    const chunks = Math.ceil(items.length / IMPORT_CHUNK_ROWS);
    const events = Array.from({ length: chunks }, (_, chunk) => ({
      type: 'hazard:imported',
      data: { importId, chunk, chunks, items: items.slice(chunk * IMPORT_CHUNK_ROWS, (chunk + 1) * IMPORT_CHUNK_ROWS) } satisfies HazardsImported,
    }));
    return { events, result: { importId, imported: items.length } };
  },
});

export const reportHazardSchema = hazardRecordSchema
  .pick({ name: true, kind: true, riskLevel: true, townshipCode: true, villageCode: true, location: true, responsible: true, households: true, people: true, description: true })
  .strict();

/** `hazard:report`: a hazard found in a check (排查发现). */
export const reportHazard = defineCommand({
  type: 'hazard:report',
  summary: 'Report a hazard found in a check (排查发现)',
  payload: reportHazardSchema,
  roles: ['duty', 'commander', 'reporter', 'admin'],
  decide(state, p, ctx) {
    const record = hazardRecordSchema.parse({ ...p, state: 'found' });
    const why = rowRefusal(state.hazardLedger, state.region, record, new Set());
    if (why) throw new DomainError('invalid', why.reason);
    const item = itemFromRecord(record, ctx.newId('hz'), ctx.now, ctx.actor.user);
    return { events: [{ type: 'hazard:reported', data: { item } }], result: { id: item.id } };
  },
});

function requireItem(state: WatchState, id: string, action: LoopAction): HazardItem {
  const item = getHazard(state.hazardLedger, id);
  if (!item) throw new DomainError('not_found', `no hazard ${id} in the ledger`, 'id');
  const refusal = transitionRefusal(item.state, action);
  if (refusal) throw new DomainError('conflict', refusal, 'id');
  return item;
}

/** One item's change as an event; `overdue` recomputed, so a new deadline clears the flag. */
function changed(type: HazardChangeEvent, before: HazardItem, next: HazardItem, ctx: DecideContext, note?: string) {
  const { overdue: _old, ...rest } = next;
  const item: HazardItem = overdueReason(rest, Date.parse(ctx.now)) ? { ...rest, overdue: true } : rest;
  const data: HazardChanged = { item, was: wasOf(before), ...(note ? { note } : {}) };
  return { events: [{ type, data }], result: { id: item.id, state: item.state } };
}

const idOnly = z.strictObject({ id: hazardIdSchema });

export const ledgerHazard = defineCommand({
  type: 'hazard:ledger',
  summary: 'Put a found hazard in the ledger (列入台账)',
  payload: idOnly,
  roles: ['duty', 'commander', 'admin'],
  decide(state, p, ctx) {
    const item = requireItem(state, p.id, 'ledger');
    return changed('hazard:ledgered', item, { ...item, state: 'ledgered' }, ctx);
  },
});

export const assignRectificationSchema = z.strictObject({
  id: hazardIdSchema,
  measures: z.string().trim().min(1).max(1000),
  deadline: iso,
  rectifier: z.string().trim().min(1).max(40),
  rectifierPhone: z.string().trim().regex(/^[0-9+\- ]{3,20}$/, 'expected a phone number').optional(),
});

export const assignRectification = defineCommand({
  type: 'hazard:assign-rectification',
  summary: 'Order a rectification: measures, deadline and who (整改)',
  payload: assignRectificationSchema,
  roles: ['duty', 'commander', 'admin'],
  decide(state, p, ctx) {
    const item = requireItem(state, p.id, 'assignRectification');
    const late = deadlineRefusal(p.deadline, ctx.now);
    if (late) throw new DomainError('invalid', late, 'deadline');
    const { id: _id, ...plan } = p;
    const rectification = { ...plan, deadline: toIso(p.deadline), assignedAt: ctx.now };
    return changed('hazard:rectification-assigned', item, { ...item, state: 'rectifying', rectification }, ctx);
  },
});

export const completeRectification = defineCommand({
  type: 'hazard:complete-rectification',
  summary: 'Report a rectification done, with evidence photos (整改完成)',
  payload: z.strictObject({ id: hazardIdSchema, evidence: z.array(photoIdSchema).max(10).default([]), note: z.string().trim().max(1000).optional() }),
  roles: ['duty', 'commander', 'reporter', 'admin'],
  decide(state, p, ctx) {
    const item = requireItem(state, p.id, 'completeRectification');
    const r = item.rectification!;
    const rectification = { ...r, completedAt: ctx.now, completedBy: ctx.actor.user, evidence: [...(r.evidence ?? []), ...p.evidence].slice(0, 10) };
    return changed('hazard:rectification-completed', item, { ...item, state: 'rectified', rectification }, ctx, p.note);
  },
});

export const rejectAcceptance = defineCommand({
  type: 'hazard:reject-acceptance',
  summary: 'Refuse the acceptance: the rectification goes on (验收不通过)',
  payload: z.strictObject({ id: hazardIdSchema, reason: z.string().trim().min(1).max(1000) }),
  roles: ['duty', 'commander', 'admin'],
  decide(state, p, ctx) {
    const item = requireItem(state, p.id, 'rejectAcceptance');
    const { completedAt: _a, completedBy: _b, ...r } = item.rectification!;
    return changed('hazard:acceptance-rejected', item, { ...item, state: 'rectifying', rectification: r }, ctx, p.reason);
  },
});

export const closeHazard = defineCommand({
  type: 'hazard:close',
  summary: 'Accept the rectification and close the hazard (验收销号), by someone other than the rectifier',
  payload: z.strictObject({ id: hazardIdSchema, note: z.string().trim().max(1000).optional() }),
  roles: ['duty', 'commander', 'admin'],
  decide(state, p, ctx) {
    const item = requireItem(state, p.id, 'close');
    const refusal = closeRefusal(item, ctx.actor.user);
    if (refusal) throw new DomainError('forbidden', refusal, 'id');
    return changed('hazard:closed', item, { ...item, state: 'closed', closedAt: ctx.now, closedBy: ctx.actor.user }, ctx, p.note);
  },
});

export const superviseHazard = defineCommand({
  type: 'hazard:supervise',
  summary: 'List a serious hazard for supervision with its own deadline (挂牌督办)',
  payload: z.strictObject({ id: hazardIdSchema, level: supervisionLevelSchema, deadline: iso, note: z.string().trim().max(500).optional() }),
  roles: ['commander', 'admin'],
  decide(state, p, ctx) {
    const item = requireItem(state, p.id, 'supervise');
    if (!SUPERVISABLE_RISKS.includes(item.riskLevel)) throw new DomainError('invalid', 'only major or high risks are listed for supervision', 'id');
    const late = deadlineRefusal(p.deadline, ctx.now);
    if (late) throw new DomainError('invalid', late, 'deadline');
    const supervision = { level: p.level, deadline: toIso(p.deadline), listedAt: ctx.now, ...(p.note ? { note: p.note } : {}) };
    return changed('hazard:supervision-listed', item, { ...item, supervision }, ctx);
  },
});

/** `hazard:flag-overdue`: the system marks items past a deadline (the overdue rule issues it). */
export const flagOverdue = defineCommand({
  type: 'hazard:flag-overdue',
  summary: 'Mark hazards past their deadline as overdue (system)',
  payload: z.strictObject({ ids: z.array(hazardIdSchema).min(1).max(FLAG_MAX_IDS) }),
  roles: [],
  decide(state, p, ctx) {
    const now = Date.parse(ctx.now);
    const changes: HazardChanged[] = [];
    for (const id of p.ids) {
      const item = getHazard(state.hazardLedger, id);
      if (!item || item.overdue || !overdueReason(item, now)) continue;
      changes.push({ item: { ...item, overdue: true }, was: wasOf(item) });
    }
    if (changes.length === 0) return { events: [], result: { flagged: 0 } };
    return { events: [{ type: 'hazard:overdue-flagged', data: { changes } }], result: { flagged: changes.length } };
  },
});

export const recordPatrolSchema = z.strictObject({
  hazardId: hazardIdSchema,
  phase: patrolPhaseSchema,
  findings: z.string().trim().min(1).max(2000),
  /** When the patrol was made, if not now. */
  at: iso.optional(),
  photoId: photoIdSchema.optional(),
});

/** `patrol:record`: a flood-season patrol of a point (汛前调查 / 汛中巡查 / 汛后核查). */
export const recordPatrol = defineCommand({
  type: 'patrol:record',
  summary: 'Record a patrol of a hazard point: when, who, findings, photo (巡查)',
  payload: recordPatrolSchema,
  roles: ['reporter', 'team', 'duty', 'commander', 'admin'],
  decide(state, p, ctx) {
    const item = getHazard(state.hazardLedger, p.hazardId);
    if (!item) throw new DomainError('not_found', `no hazard ${p.hazardId} in the ledger`, 'hazardId');
    const at = p.at ? toIso(p.at) : ctx.now;
    if (Date.parse(at) > Date.parse(ctx.now)) throw new DomainError('invalid', 'a patrol cannot be in the future', 'at');
    const patrol = { id: ctx.newId('patrol'), hazardId: item.id, phase: p.phase, at, by: ctx.actor.user, findings: p.findings, ...(p.photoId ? { photoId: p.photoId } : {}) };
    const newer = !item.lastPatrol || Date.parse(item.lastPatrol.at) <= Date.parse(at);
    const data: PatrolRecorded = { patrol, item: newer ? { ...item, lastPatrol: patrol } : item, was: wasOf(item) };
    return { events: [{ type: 'patrol:recorded', data }], result: { id: patrol.id } };
  },
});

export const hazardCommands: CommandDef[] = [
  importHazards,
  reportHazard,
  ledgerHazard,
  assignRectification,
  completeRectification,
  rejectAcceptance,
  closeHazard,
  superviseHazard,
  flagOverdue,
  recordPatrol,
];
