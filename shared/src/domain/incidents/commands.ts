import { z } from 'zod';
import { defineCommand, type CommandDef } from '../../command.js';
import { DomainError } from '../../errors.js';
import type { WatchState } from '../../state.js';
import { onDutyAt } from '../shifts.js';
import { chainOf, draftFromRecord, lastSent, openDeadlines, openReport, tableInForce } from './chain.js';
import { initialElements, missingElements } from './checklist.js';
import { DEADLINE_TABLE_IDS, PERIOD_KINDS, followUpDueAt, initialDeadlines } from './deadlines.js';
import { EMPTY_SITUATION, recordIncidentSchema, reportElementsSchema, situationSchema, type Incident, type Report } from './model.js';
import type { IncidentRecorded, ReportDrafted, ReportSent } from './slice.js';

const id = z.string().min(1).max(100);
const WRITERS = ['duty', 'commander', 'admin'] as const;

function incidentOf(state: WatchState, incidentId: string): Incident {
  const i = state.incidents.byId[incidentId];
  if (!i) throw new DomainError('not_found', `no incident ${incidentId}`, 'incidentId');
  return i;
}
function reportOf(state: WatchState, reportId: string): Report {
  const r = state.incidents.reports[reportId];
  if (!r) throw new DomainError('not_found', `no report ${reportId}`, 'reportId');
  return r;
}
const unsent = (r: Report): Report => {
  if (r.status === 'sent') throw new DomainError('conflict', 'a sent report is never changed: correct it as a new version', 'reportId');
  return r;
};

export const recordIncident = defineCommand({
  type: 'incident:record',
  summary: 'Record an incident (突发事件); its initial report opens with the statutory clocks running',
  payload: recordIncidentSchema,
  roles: WRITERS,
  decide(state, p, ctx) {
    const incidentId = ctx.newId('inc');
    const receivedAt = p.receivedAt ? new Date(p.receivedAt).toISOString() : ctx.now;
    if (Date.parse(receivedAt) > Date.parse(ctx.now) + 60_000) throw new DomainError('invalid', 'receivedAt is in the future', 'receivedAt');
    const s = state.incidents;
    const table = tableInForce(s);
    const due = initialDeadlines(table, p.level, new Date(receivedAt), s.periods);
    const incident: IncidentRecorded['incident'] = {
      id: incidentId, title: p.title, type: p.type, level: p.level, place: p.place, location: p.location ?? null, townshipCode: p.townshipCode ?? null,
      occurredAt: new Date(p.occurredAt).toISOString(), receivedAt, source: p.source, reportedBy: p.reportedBy ?? null, summary: p.summary,
      tableId: table.id, clockedLevel: due.clockedLevel, phoneDueAt: due.phoneDueAt, situation: EMPTY_SITUATION,
    };
    const data: IncidentRecorded = { incident, initialReportId: ctx.newId('rep'), initialDueAt: due.writtenDueAt, elements: initialElements(incident) };
    return { events: [{ type: 'incident:recorded', data }], result: { id: incidentId, reportId: data.initialReportId } };
  },
});

export const updateSituation = defineCommand({
  type: 'incident:update-situation',
  summary: 'Update the situation counters of an incident (casualties, evacuated, teams committed)',
  payload: z.strictObject({ incidentId: id }).extend(situationSchema.partial().shape),
  roles: WRITERS,
  decide(state, { incidentId, ...counts }, _ctx) {
    const i = incidentOf(state, incidentId);
    if (i.status !== 'open') throw new DomainError('conflict', 'the incident is closed', 'incidentId');
    return { events: [{ type: 'incident:situation-updated', data: { incidentId, situation: { ...i.situation, ...counts } } }] };
  },
});

export const recordPhoneReport = defineCommand({
  type: 'incident:record-phone-report',
  summary: 'Record that the phone report (电话报告) went to the level above',
  payload: z.strictObject({ incidentId: id }),
  roles: WRITERS,
  decide(state, p, ctx) {
    const i = incidentOf(state, p.incidentId);
    if (i.phonedAt) throw new DomainError('conflict', 'the phone report is already on record', 'incidentId');
    return { events: [{ type: 'incident:phone-reported', data: { incidentId: i.id, phonedAt: ctx.now } }] };
  },
});

export const setDeadlineTable = defineCommand({
  type: 'incident:set-deadline-table',
  summary: "Choose the jurisdiction's deadline table (信息报送时限); applies to incidents recorded after",
  payload: z.strictObject({ tableId: z.enum(DEADLINE_TABLE_IDS) }),
  roles: ['commander', 'admin'],
  decide: (_s, p) => ({ events: [{ type: 'incident:deadline-table-set', data: p }] }),
});

export const setPeriod = defineCommand({
  type: 'roster:set-period',
  summary: 'Declare a flood-season (汛期) or sensitive-day (敏感日) period; clocks tighten within it',
  payload: z
    .strictObject({ id: id.optional(), kind: z.enum(PERIOD_KINDS), label: z.string().trim().min(1).max(60), start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) })
    .refine((p) => Date.parse(p.end) > Date.parse(p.start), { message: 'end must be after start', path: ['end'] }),
  roles: ['commander', 'admin'],
  decide(_s, p, ctx) {
    const periodId = p.id ?? ctx.newId('period');
    return { events: [{ type: 'roster:period-set', data: { ...p, id: periodId, start: new Date(p.start).toISOString(), end: new Date(p.end).toISOString() } }], result: { id: periodId } };
  },
});

export const removePeriod = defineCommand({
  type: 'roster:remove-period',
  summary: 'Remove a flood-season or sensitive-day period',
  payload: z.strictObject({ id }),
  roles: ['commander', 'admin'],
  decide(state, p) {
    if (!state.incidents.periods.some((x) => x.id === p.id)) throw new DomainError('not_found', `no period ${p.id}`, 'id');
    return { events: [{ type: 'roster:period-removed', data: p }] };
  },
});

export const draftReport = defineCommand({
  type: 'report:draft',
  summary: 'Draft the next report of the chain from the record (续报 from what changed; or the final report 终报)',
  payload: z.strictObject({ incidentId: id, kind: z.enum(['follow-up', 'final']).default('follow-up') }),
  roles: WRITERS,
  decide(state, p, ctx) {
    const s = state.incidents;
    const i = incidentOf(state, p.incidentId);
    if (i.status !== 'open') throw new DomainError('conflict', 'the incident is closed', 'incidentId');
    const open = openReport(s, i);
    if (open?.kind === 'initial') throw new DomainError('conflict', 'the initial report has not been sent yet', 'incidentId');
    const prev = lastSent(s, i);
    if (!prev) throw new DomainError('conflict', 'the initial report has not been sent yet', 'incidentId');
    const followUps = chainOf(s, i).filter((r) => r.kind === 'follow-up' && r.id !== open?.id).length;
    const data: ReportDrafted = {
      incidentId: i.id,
      reportId: open?.id ?? ctx.newId('rep'),
      kind: p.kind,
      number: p.kind === 'final' ? 1 : followUps + 1,
      // The final report has no statutory clock; a follow-up keeps its slot, or takes the next one.
      dueAt: p.kind === 'final' ? null : (open?.dueAt ?? followUpDueAt(tableInForce(s), new Date(ctx.now))),
      elements: draftFromRecord(state, i),
    };
    return { events: [{ type: 'report:drafted', data }], result: { reportId: data.reportId } };
  },
});

export const editReport = defineCommand({
  type: 'report:edit',
  summary: "Edit a report's elements before it is sent (takes an approval away)",
  payload: z.strictObject({ reportId: id, elements: reportElementsSchema.partial() }),
  roles: WRITERS,
  decide(state, p) {
    const r = unsent(reportOf(state, p.reportId));
    return { events: [{ type: 'report:edited', data: { reportId: r.id, elements: { ...r.elements, ...p.elements } } }] };
  },
});

export const approveReport = defineCommand({
  type: 'report:approve',
  summary: 'Approve a report for sending (the leader on duty signs off)',
  payload: z.strictObject({ reportId: id }),
  // Only the leader on duty signs off: neither the officer who drafted it nor a reporter.
  roles: ['commander'],
  decide(state, p) {
    const r = unsent(reportOf(state, p.reportId));
    if (r.status === 'approved') throw new DomainError('conflict', 'already approved', 'reportId');
    const missing = missingElements(r);
    if (missing.length > 0) throw new DomainError('invalid', `required elements missing: ${missing.join(', ')}`, `elements.${missing[0]}`);
    return { events: [{ type: 'report:approved', data: { reportId: r.id } }] };
  },
});

export const sendReport = defineCommand({
  type: 'report:send',
  summary: 'Send an approved report to the level above; a follow-up slot opens after it',
  payload: z.strictObject({ reportId: id }),
  roles: ['duty', 'commander'],
  decide(state, p, ctx) {
    const s = state.incidents;
    const r = unsent(reportOf(state, p.reportId));
    if (r.status !== 'approved') throw new DomainError('conflict', 'the leader on duty has not approved it', 'reportId');
    const i = incidentOf(state, r.incidentId);
    const chain = chainOf(s, i);
    // A correction goes up alone; a report of the chain opens the next follow-up's slot unless one is open.
    const opensNext = r.kind !== 'final' && r.version === 1 && chain.at(-1)?.id === r.id;
    const followUps = chain.filter((x) => x.kind === 'follow-up').length;
    const data: ReportSent = {
      reportId: r.id,
      situationAtSend: i.situation,
      next: opensNext ? { reportId: ctx.newId('rep'), number: followUps + 1, dueAt: followUpDueAt(tableInForce(s), new Date(ctx.now)) } : null,
    };
    return { events: [{ type: 'report:sent', data }], result: { reportId: r.id, nextReportId: data.next?.reportId ?? null } };
  },
});

export const correctReport = defineCommand({
  type: 'report:correct',
  summary: 'Correct a sent report: a new version as a draft, the sent one kept in its history',
  payload: z.strictObject({ reportId: id, reason: z.string().trim().min(1, 'reason is empty').max(500) }),
  roles: WRITERS,
  decide(state, p) {
    const r = reportOf(state, p.reportId);
    if (r.status !== 'sent') throw new DomainError('conflict', 'only a sent report is corrected; edit the draft instead', 'reportId');
    return { events: [{ type: 'report:corrected', data: p }] };
  },
});

export const escalateReport = defineCommand({
  type: 'report:escalate',
  summary: 'Escalate an overdue report to the leader on duty (system)',
  payload: z.strictObject({ incidentId: id, reportId: id.optional() }),
  roles: [],
  decide(state, p, ctx) {
    const d = openDeadlines(state.incidents).find((x) => x.incidentId === p.incidentId && x.reportId === (p.reportId ?? null));
    if (!d || d.escalated || Date.parse(d.dueAt) > Date.parse(ctx.now)) throw new DomainError('conflict', 'nothing overdue to escalate', 'incidentId');
    const leader = onDutyAt(state.shifts, new Date(ctx.now)).current?.leader ?? null;
    return { events: [{ type: 'report:escalated', data: { incidentId: d.incidentId, reportId: d.reportId, what: d.what, dueAt: d.dueAt, leader } }] };
  },
});

export const incidentCommands: CommandDef[] = [
  recordIncident, updateSituation, recordPhoneReport, setDeadlineTable, setPeriod, removePeriod,
  draftReport, editReport, approveReport, sendReport, correctReport, escalateReport,
] as CommandDef[];
